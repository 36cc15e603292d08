/**
 * Limits of the orders messages that pages use as plain numbers, apart from the zod schemas
 * (orders-messages.ts): importing a limit from there loads all of zod before the popup's first
 * render (issue 11 item 4, popup start-up; same as utils/vault/vault-limits.ts).
 */

/** Order numbers in one export/mark-shipped call (a seller's busiest day, with headroom). */
export const MAX_EXPORT_ORDERS = 2000;
