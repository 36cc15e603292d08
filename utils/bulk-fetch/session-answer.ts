/**
 * What one seller-center answer to a bulk-fetch request means (issue 12). Pure and without zod: it
 * runs in the seller-center content script (issue 11 budget). It only decides go on / stop; the
 * address itself is read by the background's one ingest path (parser, normalizer, masked check).
 *
 * Every stop is final for the batch: the seller center said something other than "here it is",
 * and asking again at once would only repeat it (login, rate limit) or look like a robot.
 */
export const STOP_REASONS = [
  /** HTTP 403 or an anti-bot answer: this build wants a request signature we never forge. */
  'signature-required',
  /** error_code 40001. */
  'login-expired',
  /** HTTP 429. */
  'rate-limited',
  /** errorCode 20002 "system busy". */
  'system-busy',
  /** Any other HTTP status but 2xx. */
  'http-error',
  /** success: false or an error code that is not a success code. */
  'seller-center-error',
  /** Not JSON, or no address in a successful answer. */
  'malformed-answer',
  /** The request did not get an answer (offline, blocked). */
  'network-error',
  /** The page-world script is not connected (page still loading, or it refused to install). */
  'page-not-ready',
  /** The background refused or failed to store the batch. */
  'store-failed',
] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export type SessionStep = 'note' | 'address';

export type AnswerVerdict = { ok: true } | { ok: false; reason: StopReason; detail: string };

const OK_CODES = [0, 1000000];
const LOGIN_EXPIRED = 40001;
const SYSTEM_BUSY = 20002;
/**
 * Words of an anti-bot refusal in an error message. A guess (no public tool shows the seller
 * center's wording): a wrong guess only turns a "signature required" stop into a generic error stop.
 */
const ANTI_BOT_WORDS = /anti[-_ ]?content|captcha|risk[-_ ]?control|verif(y|ication) (code|failed)|signature/i;

function codeOf(body: Record<string, unknown>): number | null {
  const raw = body.error_code ?? body.errorCode;
  if (typeof raw === 'number' && Number.isFinite(raw)) return raw;
  if (typeof raw === 'string' && /^-?\d{1,12}$/.test(raw)) return Number(raw);
  return null;
}

function messageOf(body: Record<string, unknown>): string {
  const raw = body.error_msg ?? body.errorMsg;
  return typeof raw === 'string' ? raw.slice(0, 200) : '';
}

/**
 * `status`: the HTTP status (0: no answer; negative: the request could not be handed to the page); `text`: the body (null when the page-world script did
 * not read it). The note step needs only a success; the address step also needs a `result` object.
 */
export function readSessionAnswer(step: SessionStep, status: number, text: string | null): AnswerVerdict {
  if (status < 0) return { ok: false, reason: 'page-not-ready', detail: `${step}: the page-world script is not connected` };
  if (status === 0) return { ok: false, reason: 'network-error', detail: `${step}: no answer` };
  if (status === 403) return { ok: false, reason: 'signature-required', detail: `${step}: HTTP 403` };
  if (status === 429) return { ok: false, reason: 'rate-limited', detail: `${step}: HTTP 429` };
  if (status < 200 || status > 299) return { ok: false, reason: 'http-error', detail: `${step}: HTTP ${status}` };
  let body: unknown;
  try {
    body = text === null ? null : JSON.parse(text);
  } catch {
    body = null;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'malformed-answer', detail: `${step}: not a JSON object` };
  const b = body as Record<string, unknown>;
  const code = codeOf(b);
  const message = messageOf(b);
  if (code === LOGIN_EXPIRED) return { ok: false, reason: 'login-expired', detail: `${step}: error_code ${code}` };
  if (code === SYSTEM_BUSY) return { ok: false, reason: 'system-busy', detail: `${step}: error_code ${code}` };
  const failed = b.success === false || (code !== null && !OK_CODES.includes(code));
  if (failed && ANTI_BOT_WORDS.test(message)) return { ok: false, reason: 'signature-required', detail: `${step}: error_code ${code ?? 'none'} (anti-bot)` };
  if (failed) return { ok: false, reason: 'seller-center-error', detail: `${step}: error_code ${code ?? 'none'}` };
  if (step === 'address') {
    const result = b.result;
    if (typeof result !== 'object' || result === null) return { ok: false, reason: 'malformed-answer', detail: 'address: no result' };
  }
  return { ok: true };
}
