import { describe, expect, it } from 'vitest';
import { MessageError } from './envelope';
import { replyData } from './reply';

function thrown(reply: unknown): MessageError {
  try {
    replyData(reply);
  } catch (err) {
    if (err instanceof MessageError) return err;
    throw err;
  }
  throw new Error('no error thrown');
}

describe('reading a reply without zod', () => {
  it('returns the data of a success', () => {
    expect(replyData({ ok: true, data: { orders: 3 } })).toEqual({ orders: 3 });
    expect(replyData({ ok: true })).toBeUndefined(); // a void reply
  });

  it("throws the background's error with its code and back-off time", () => {
    const err = thrown({ ok: false, error: { code: 'backoff', message: 'Wait', retryAt: 123 } });
    expect([err.code, err.message, err.retryAt]).toEqual(['backoff', 'Wait', 123]);
    expect(thrown({ ok: false, error: { code: 'forbidden', message: 'No', retryAt: 'soon' } }).retryAt).toBeUndefined();
  });

  it('turns no answer or a malformed one into internal', () => {
    for (const reply of [
      undefined,
      null,
      'ok',
      { ok: 'yes', data: 1 },
      { ok: false },
      { ok: false, error: { code: 'made-up', message: 'x' } },
      { ok: false, error: { code: 'locked' } },
    ]) {
      expect(thrown(reply).code, JSON.stringify(reply)).toBe('internal');
    }
  });
});
