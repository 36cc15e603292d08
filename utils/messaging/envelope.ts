/**
 * The runtime-message envelope, shared by every sender and the background. No zod here: the
 * seller-center content script imports this file and stays small (issue 11); the background
 * checks the request envelope with zod in router.ts.
 */

/** Marks our messages so anything else on the runtime channel is ignored, not guessed at. */
export const ENVELOPE_TAG = 'seller-vault/v1';

export const ERROR_CODES = ['unhandled', 'forbidden', 'invalid-request', 'locked', 'wrong-passphrase', 'backoff', 'quota', 'not-found', 'conflict', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface MessageErrorBody {
  code: ErrorCode;
  message: string;
  /** For back-off: when the next attempt is allowed. */
  retryAt?: number;
}

export type ResponseEnvelope<T = unknown> = { ok: true; data: T } | { ok: false; error: MessageErrorBody };

/** Thrown by handlers to answer a specific error code; anything else becomes `internal`. */
export class MessageError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly retryAt?: number,
  ) {
    super(message);
    this.name = 'MessageError';
  }
}
