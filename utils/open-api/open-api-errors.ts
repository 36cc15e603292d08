/**
 * What went wrong with an Open API call, as the seller is told and as sync decides what to do next.
 * - fatal for the whole sync: token-expired, token-invalid, sign-invalid, no-permission, not-authorized-app,
 *   ip-not-allowed, timestamp, http, network, invalid-answer, rate-limited (after the retries)
 * - retried with back-off first: rate-limited, busy, network, http 429/5xx
 * - per order (the sync goes on with the next order): order-not-found, order-not-ready
 */
export type OpenApiErrorKind =
  | 'token-expired'
  | 'token-invalid'
  | 'sign-invalid'
  | 'no-permission'
  | 'not-authorized-app'
  | 'ip-not-allowed'
  | 'timestamp'
  | 'rate-limited'
  | 'busy'
  | 'order-not-found'
  | 'order-not-ready'
  | 'api-error'
  | 'http'
  | 'network'
  | 'invalid-answer';

export class OpenApiError extends Error {
  constructor(
    readonly kind: OpenApiErrorKind,
    message: string,
    /** The router's errorCode, or the HTTP status for `http`. */
    readonly code: number | null = null,
  ) {
    super(message);
    this.name = 'OpenApiError';
  }
}

/**
 * Error codes of the router (partner docs' common error codes; order API codes from the
 * `bg.order.detail.v2.get` page). Anything else is `api-error` with its code.
 */
const KIND_BY_CODE: ReadonlyMap<number, OpenApiErrorKind> = new Map([
  [3000001, 'sign-invalid'],
  [3000040, 'sign-invalid'],
  [3000011, 'timestamp'],
  [3000012, 'timestamp'],
  [3000031, 'token-invalid'],
  [3000033, 'token-invalid'],
  [3000034, 'token-expired'],
  [3000032, 'no-permission'],
  [5000000, 'not-authorized-app'],
  [5000003, 'ip-not-allowed'],
  [4000004, 'rate-limited'],
  [4000000, 'busy'],
  [140020002, 'order-not-found'],
  [140020009, 'order-not-ready'],
]);

export function errorKindOfCode(code: number): OpenApiErrorKind {
  return KIND_BY_CODE.get(code) ?? 'api-error';
}

/** An HTTP status other than 200: 429 is the rate limit, 5xx a busy gateway (both retried), the rest fatal. */
export function errorKindOfStatus(status: number): OpenApiErrorKind {
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'busy';
  return 'http';
}

/** Worth another attempt after a pause: the gateway may answer next time. */
export function isRetryable(kind: OpenApiErrorKind): boolean {
  return kind === 'rate-limited' || kind === 'busy' || kind === 'network';
}

/** Fails one order only: the sync records it and goes on. */
export function isPerOrder(kind: OpenApiErrorKind): boolean {
  return kind === 'order-not-found' || kind === 'order-not-ready';
}
