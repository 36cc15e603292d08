import type { RequestKind } from './request-deadlines';

/** ISO-like local-free time: the buyer may be in any zone. */
function utc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const KIND_TEXT: Record<RequestKind, string> = { access: 'access your data', correct: 'correct your data', delete: 'delete your data' };

/** The policy's promise when late: tell the buyer why and when (English: the marketplace relays buyer mail in English). */
export function delayEmail(input: { kind: RequestKind; receivedAt: number; reason: string; newExpectedAt: number }): { subject: string; body: string } {
  return {
    subject: `Your request to ${KIND_TEXT[input.kind]}: new expected time ${utc(input.newExpectedAt)}`,
    body: [
      'Hello,',
      '',
      `We received your request to ${KIND_TEXT[input.kind]} on ${utc(input.receivedAt)}.`,
      'We cannot complete it within the time our privacy policy promises.',
      '',
      `Reason: ${input.reason}`,
      `We now expect to complete it by ${utc(input.newExpectedAt)}.`,
      '',
      'We apologise for the delay.',
    ].join('\n'),
  };
}
