import { ERROR_CODES, type ErrorCode, MessageError } from './envelope';

/**
 * Reads the background's reply by hand (no zod: the seller-center content script uses this too,
 * issue 11). Returns the data of `{ ok: true, data }`; throws MessageError with the background's
 * code for `{ ok: false, error }`, and `internal` for no answer or anything else.
 */
export function replyData<T>(reply: unknown): T {
  if (typeof reply !== 'object' || reply === null) throw new MessageError('internal', 'The background did not answer');
  const { ok, data, error } = reply as { ok?: unknown; data?: unknown; error?: unknown };
  if (ok === true) return data as T;
  if (ok === false && typeof error === 'object' && error !== null) {
    const { code, message, retryAt } = error as { code?: unknown; message?: unknown; retryAt?: unknown };
    if (isErrorCode(code) && typeof message === 'string') throw new MessageError(code, message, typeof retryAt === 'number' ? retryAt : undefined);
  }
  throw new MessageError('internal', 'The background answered something that is not a Seller Vault reply');
}

function isErrorCode(code: unknown): code is ErrorCode {
  return (ERROR_CODES as readonly unknown[]).includes(code);
}
