import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SESSION_KEYS } from '../../utils/storage-keys';

const sent = vi.hoisted(() => ({ calls: [] as { type: string; data: unknown; resolve: (v: unknown) => void }[] }));
vi.mock('../../utils/messaging/send-message-adapter', () => ({
  sendMessage: (type: string, data: unknown) => new Promise((resolve) => sent.calls.push({ type, data, resolve })),
}));

type SharedReads = typeof import('./shared-reads');
let reads: SharedReads;

beforeEach(async () => {
  sent.calls = [];
  // A fresh module per test: its maps and its revision listener start empty, as on a page load.
  vi.resetModules();
  reads = await import('./shared-reads');
}, 60_000); // the first import loads the browser polyfill: slow on a busy machine

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('shared reads', () => {
  it('sends one request for the same read asked at once, whatever the order of its keys', async () => {
    const a = reads.sharedRead('orders/count', { filter: { toShip: true, shipByDue: false } });
    const b = reads.sharedRead('orders/count', { filter: { shipByDue: false, toShip: true } });
    const c = reads.sharedRead('orders/count', { filter: { toShip: false, shipByDue: false } });
    expect(sent.calls.map((call) => call.type)).toEqual(['orders/count', 'orders/count']);
    sent.calls[0]!.resolve(7);
    sent.calls[1]!.resolve(3);
    expect(await Promise.all([a, b, c])).toEqual([7, 7, 3]);
  });

  it('sends a new request once the shared one has answered', async () => {
    const first = reads.sharedRead('vault/status', {});
    sent.calls[0]!.resolve({ state: 'locked' });
    await first;
    void reads.sharedRead('vault/status', {});
    expect(sent.calls).toHaveLength(2);
  });

  it('answers the first readers of a prefetch from it, in the task that takes it, then asks again', async () => {
    reads.prefetchRead('consent/list', {});
    expect(sent.calls).toHaveLength(1);
    sent.calls[0]!.resolve(['shop']);
    await nextTask();
    // Arrived before any component asked (React still loading): every reader of this task gets it.
    const replies = [reads.sharedRead('consent/list', {}), reads.sharedRead('consent/list', {})];
    expect(sent.calls).toHaveLength(1);
    expect(await Promise.all(replies)).toEqual([['shop'], ['shop']]);
    await nextTask();
    void reads.sharedRead('consent/list', {});
    expect(sent.calls).toHaveLength(2);
  });

  it('shows an arrived prefetch to first renders until it is taken', async () => {
    reads.prefetchRead('orders/count', { filter: { shipByDue: true } });
    expect(reads.arrivedReply('orders/count', { filter: { shipByDue: true } })).toBeUndefined();
    sent.calls[0]!.resolve(12);
    await nextTask();
    expect(reads.arrivedReply('orders/count', { filter: { shipByDue: true } })).toEqual({ value: 12 });
    expect(reads.arrivedReply('orders/count', { filter: { shipByDue: false } })).toBeUndefined();
    await reads.sharedRead('orders/count', { filter: { shipByDue: true } });
    expect(reads.arrivedReply('orders/count', { filter: { shipByDue: true } })).toBeUndefined();
  });

  it('drops prefetched and in-flight replies when the background reports a write', async () => {
    reads.prefetchRead('settings/get', {});
    void reads.sharedRead('vault/status', {});
    sent.calls[0]!.resolve({ old: true });
    await nextTask();
    await fakeBrowser.storage.session.set({ [SESSION_KEYS.revision]: 1 });
    expect(reads.arrivedReply('settings/get', {})).toBeUndefined();
    void reads.sharedRead('settings/get', {});
    void reads.sharedRead('vault/status', {});
    expect(sent.calls.map((call) => call.type)).toEqual(['settings/get', 'vault/status', 'settings/get', 'vault/status']);
  });

  it('hands a failed prefetch to its reader as a failure', async () => {
    reads.prefetchRead('open-api/status', {});
    const failing = vi.fn();
    sent.calls[0]!.resolve(Promise.reject(new Error('worker gone')));
    await nextTask();
    await reads.sharedRead('open-api/status', {}).catch(failing);
    expect(failing).toHaveBeenCalledOnce();
    expect(reads.arrivedReply('open-api/status', {})).toBeUndefined();
  });
});
