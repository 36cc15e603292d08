/**
 * Limits of the vault messages that pages use as plain numbers. Kept apart from the zod schemas
 * (vault-messages.ts): a page that imports a limit from there loads all of zod (~90 KB minified)
 * before its first render (issue 11 item 4, popup start-up).
 */

/** Upper bound for one `buyers/open` call (a popup page or one export). */
export const MAX_OPEN_ORDERS = 500;
