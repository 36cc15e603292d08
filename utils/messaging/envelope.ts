import { z } from 'zod';

/** Marks our messages so anything else on the runtime channel is ignored, not guessed at. */
export const ENVELOPE_TAG = 'seller-vault/v1';

export const requestEnvelopeSchema = z.object({
  tag: z.literal(ENVELOPE_TAG),
  type: z.string().min(1).max(64),
  data: z.unknown(),
});
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>;

export type ErrorCode = 'unhandled' | 'forbidden' | 'invalid-request' | 'locked' | 'wrong-passphrase' | 'backoff' | 'quota' | 'not-found' | 'conflict' | 'internal';

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
