import { z } from '../validation/zod';
import { CaptureRejection } from './capture-rejection';

/**
 * The envelope every seller-center JSON answer shares, after `toCamelKeys` (so `error_code` and
 * `errorCode` read alike). Success codes 0 and 1000000 are both seen in public tools; 40001 is an
 * expired login; 20002 is "system busy" (success: false).
 */
export const sellerCenterEnvelopeSchema = z.object({
  success: z.nullish(z.boolean()),
  errorCode: z.nullish(z.union([z.number(), z.pipe(z.string().check(z.regex(/^-?\d{1,12}$/)), z.transform(Number))])),
  errorMsg: z.nullish(z.string().check(z.maxLength(500))),
});

const OK_CODES = new Set([0, 1000000]);
const LOGIN_EXPIRED = 40001;
const SYSTEM_BUSY = 20002;

/** Throws the capture rejection an error answer deserves; returns for a success. */
export function requireSuccessfulAnswer(what: string, envelope: z.infer<typeof sellerCenterEnvelopeSchema>): void {
  const code = envelope.errorCode ?? null;
  if (code === LOGIN_EXPIRED) throw new CaptureRejection('login-expired', 'The seller center says the login has expired (40001)');
  if (code === SYSTEM_BUSY) throw new CaptureRejection('api-error', `${what}: the seller center is busy (20002); nothing was stored`);
  if (envelope.success === false || (code !== null && !OK_CODES.has(code))) {
    throw new CaptureRejection('api-error', `${what}: the seller center answered an error (${code ?? 'no code'})`);
  }
}
