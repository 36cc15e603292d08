import { describe, expect, it } from 'vitest';
import type { BulkFetchStoreInput } from '../bulk-fetch/bulk-fetch-messages';
import { type BulkFetchStatus, createBulkFetchRunner } from './bulk-fetch-runner';
import type { SessionAnswer } from './session-client';

const OK_NOTE = { status: 200, text: '{"success":true,"result":true}' };
const okAddress = (sn: string) => ({ status: 200, text: JSON.stringify({ success: true, error_code: 1000000, result: { parent_order_sn: sn } }) });

/** A runner on a fake clock: sleep advances the clock; requests answer at once from `answer`. */
function harness(orderSns: string[], answer: (step: string, sn: string) => SessionAnswer = (step, sn) => (step === 'note' ? OK_NOTE : okAddress(sn))) {
  let now = 0;
  const sent: { step: string; sn: string; at: number }[] = [];
  const stored: BulkFetchStoreInput[] = [];
  const statuses: BulkFetchStatus[] = [];
  let onRequest: (() => void) | null = null;
  const runner = createBulkFetchRunner({
    plan: async () => ({ refusal: null, orderSns, overLimit: 0 }),
    request: async (step, sn) => {
      sent.push({ step, sn, at: now });
      onRequest?.();
      return answer(step, sn);
    },
    store: async (input) => {
      stored.push(input);
      return { stored: input.answers.length, changed: 0, masked: 0, invalid: 0, skipped: [] };
    },
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    onChange: (s) => statuses.push(s),
  });
  const done = () =>
    new Promise<void>((resolve) => {
      const check = () => (runner.status.state === 'done' ? resolve() : setTimeout(check, 0));
      check();
    });
  return { runner, sent, stored, statuses, done, setOnRequest: (fn: () => void) => (onRequest = fn) };
}

const start = { shopId: 'shop1', reasonType: 1, intervalMs: 1000, orderSns: null };

describe('bulk-fetch runner', () => {
  it('asks note then address per order, every request at least the interval after the previous one', async () => {
    const h = harness(['PO-1', 'PO-2', 'PO-3']);
    h.runner.start(start);
    await h.done();
    expect(h.sent.map((s) => `${s.step}:${s.sn}`)).toEqual(['note:PO-1', 'address:PO-1', 'note:PO-2', 'address:PO-2', 'note:PO-3', 'address:PO-3']);
    expect(h.sent.map((s) => s.at)).toEqual([0, 1000, 2000, 3000, 4000, 5000]);
    expect(h.stored).toHaveLength(1);
    expect(h.stored[0]).toMatchObject({ requested: 3, stoppedBy: null, cancelled: false, notAttempted: 0 });
    expect(h.stored[0]!.answers.map((a) => a.orderSn)).toEqual(['PO-1', 'PO-2', 'PO-3']);
    // Progress with time left while running, then the result.
    expect(h.statuses.find((s) => s.attempted === 1)).toMatchObject({ state: 'running', total: 3, fetched: 1, timeLeftMs: 4000 });
    expect(h.runner.status).toMatchObject({ state: 'done', attempted: 3, fetched: 3, result: { stored: 3 } });
  });

  it('a slower pace spaces requests further', async () => {
    const h = harness(['PO-1', 'PO-2']);
    h.runner.start({ ...start, intervalMs: 5000 });
    await h.done();
    expect(h.sent.map((s) => s.at)).toEqual([0, 5000, 10_000, 15_000]);
  });

  it('stops at the first refusal and stores what came before it', async () => {
    const h = harness(['PO-1', 'PO-2', 'PO-3', 'PO-4'], (step, sn) =>
      sn === 'PO-3' && step === 'address' ? { status: 200, text: '{"success":false,"error_code":40001}' } : step === 'note' ? OK_NOTE : okAddress(sn),
    );
    h.runner.start(start);
    await h.done();
    expect(h.sent.at(-1)).toMatchObject({ step: 'address', sn: 'PO-3' });
    expect(h.stored[0]).toMatchObject({ stoppedBy: 'login-expired', notAttempted: 1, requested: 4 });
    expect(h.stored[0]!.answers.map((a) => a.orderSn)).toEqual(['PO-1', 'PO-2']);
    expect(h.runner.status).toMatchObject({ stoppedBy: 'login-expired', attempted: 3, fetched: 2 });
  });

  it('cancel stops at once: no further request, what was fetched is stored', async () => {
    const h = harness(['PO-1', 'PO-2', 'PO-3']);
    h.setOnRequest(() => {
      if (h.sent.length === 3) h.runner.cancel();
    });
    h.runner.start(start);
    await h.done();
    expect(h.sent).toHaveLength(3);
    expect(h.stored[0]).toMatchObject({ cancelled: true, stoppedBy: null });
    expect(h.stored[0]!.answers.map((a) => a.orderSn)).toEqual(['PO-1']);
  });

  it('one batch at a time; a refused plan runs nothing', async () => {
    const h = harness(['PO-1']);
    h.runner.start(start);
    expect(h.runner.start(start).state).toBe('running');
    await h.done();
    expect(h.sent).toHaveLength(2);
    const refused = createBulkFetchRunner({
      plan: async () => ({ refusal: 'cookies-refused', orderSns: ['PO-1'], overLimit: 0 }),
      request: async () => {
        throw new Error('must not ask');
      },
      store: async () => {
        throw new Error('must not store');
      },
      now: () => 0,
      sleep: async () => undefined,
      onChange: () => undefined,
    });
    refused.start(start);
    await new Promise((r) => setTimeout(r, 10));
    expect(refused.status).toMatchObject({ state: 'done', refusal: 'cookies-refused' });
  });
});
