import { CaptureRejection } from './capture-rejection';
import { MAX_JSON_DEPTH } from './capture-limits';
import { plainCapturedText } from './captured-text';

/** Keys that could reach Object.prototype if a later step spread or assigned them. */
const POISONED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function snakeToCamel(key: string): string {
  return key.includes('_') ? key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()) : key;
}

/**
 * Deep copy of parsed JSON with snake_case keys turned into camelCase, so one schema reads both
 * spellings the seller center and the Open API use (reference: "both spellings accepted").
 * Prototype-pollution keys are dropped; the camelCase spelling wins when both are present. Every
 * string value is made plain text here (`plainCapturedText`: no control, bidi or invisible
 * characters), the one door every captured payload passes through before its parser (issue 16).
 */
export function toCamelKeys(value: unknown, depth = 0): unknown {
  if (depth > MAX_JSON_DEPTH) throw new CaptureRejection('too-deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  if (Array.isArray(value)) return value.map((v) => toCamelKeys(v, depth + 1));
  if (typeof value === 'string') return plainCapturedText(value);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (POISONED_KEYS.has(key)) continue;
    const camel = snakeToCamel(key);
    if (POISONED_KEYS.has(camel)) continue;
    if (camel !== key && Object.hasOwn(value, camel)) continue;
    out[camel] = toCamelKeys(v, depth + 1);
  }
  return out;
}

/** JSON.parse that reports malformed text as a capture rejection. */
export function parseCapturedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CaptureRejection('malformed-json', 'The captured response is not valid JSON');
  }
}
