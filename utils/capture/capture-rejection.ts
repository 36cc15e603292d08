/** Why a capture was refused; recorded in the audit log (`capture.rejected`, detail = code). */
export type CaptureRejectReason =
  | 'not-authorized'
  | 'cookies-disabled'
  | 'no-shop'
  | 'too-large'
  | 'too-many-orders'
  | 'malformed-json'
  | 'too-deep'
  | 'login-expired'
  | 'api-error'
  | 'invalid-shape'
  | 'rate-limited';

/** Thrown by the pure capture parsers; the handler turns it into an audit entry and a clear error. */
export class CaptureRejection extends Error {
  constructor(
    readonly reason: CaptureRejectReason,
    message: string,
  ) {
    super(message);
    this.name = 'CaptureRejection';
  }
}
