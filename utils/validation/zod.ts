import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * The one zod every schema is built with: zod/mini, zod 4's functional form (issue 11: the
 * service worker is parsed on every wake). Classic zod's schema classes carry every method,
 * JSON-schema output included, so a bundle takes all of it (92 KB of background.js); with
 * functions, only what the schemas use is bundled. zod/mini has no error texts of its own: the
 * English ones keep a refused message saying what was wrong ("Too big: expected string to have
 * <=300 characters"), not "Invalid input".
 */
z.config(en());

export { z };
