import type { BulkFetchRefusal } from '../bulk-fetch/bulk-fetch-gate';
import type { BulkFetchPlanReply, BulkFetchStoreInput, BulkFetchStoreReply } from '../bulk-fetch/bulk-fetch-messages';
import { createRequestPacer, estimateTimeLeftMs } from '../bulk-fetch/request-pacer';
import { readSessionAnswer, type SessionStep, type StopReason } from '../bulk-fetch/session-answer';
import type { SessionAnswer } from './session-client';

/** What the popup and the in-page panel show (no personal data: counts and order numbers only). */
export interface BulkFetchStatus {
  state: 'idle' | 'running' | 'storing' | 'done';
  total: number;
  /** Orders whose requests are over (fetched or the one that stopped the batch). */
  attempted: number;
  /** Address answers received. */
  fetched: number;
  /** Time left at the chosen pace; null when not running. */
  timeLeftMs: number | null;
  refusal: BulkFetchRefusal | null;
  stoppedBy: StopReason | null;
  /** Non-personal detail of the stop ("address: HTTP 403"). */
  stopDetail: string | null;
  cancelled: boolean;
  /** What the background stored (null before, or when storing failed). */
  result: BulkFetchStoreReply | null;
}

export interface BulkFetchStart {
  shopId: string;
  /** `noteReasonType` for every order's reason note (picked once per batch). */
  reasonType: number;
  intervalMs: number;
  /** The seller's selection, or null for every eligible order of the shop. */
  orderSns: string[] | null;
}

export interface BulkFetchRunnerIO {
  plan: (shopId: string, orderSns: string[] | null) => Promise<BulkFetchPlanReply>;
  request: (step: SessionStep, orderSn: string, mallId: string, reasonType: number) => Promise<SessionAnswer>;
  store: (input: BulkFetchStoreInput) => Promise<BulkFetchStoreReply>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  onChange: (status: BulkFetchStatus) => void;
}

export const IDLE_STATUS: BulkFetchStatus = {
  state: 'idle',
  total: 0,
  attempted: 0,
  fetched: 0,
  timeLeftMs: null,
  refusal: null,
  stoppedBy: null,
  stopDetail: null,
  cancelled: false,
  result: null,
};

const STEPS: readonly SessionStep[] = ['note', 'address'];

/**
 * Runs one bulk fetch at a time in the seller-center tab (issue 12): plans with the background,
 * then per order the reason note and the address query, every request paced (request-pacer.ts),
 * stopping at the first answer that is not a success (session-answer.ts); then hands every
 * address answer to the background in one `bulk-fetch/store` (one transaction, one audit entry),
 * also when stopped or cancelled: what was fetched stays, nothing is half-written. Cancel stops at
 * once: the wait and any request in flight are abandoned (an answer arriving later is dropped).
 */
export function createBulkFetchRunner(io: BulkFetchRunnerIO) {
  let status: BulkFetchStatus = IDLE_STATUS;
  let cancelRun: (() => void) | null = null;

  const update = (patch: Partial<BulkFetchStatus>) => {
    status = { ...status, ...patch };
    io.onChange(status);
  };

  async function run(start: BulkFetchStart, cancelled: Promise<'cancelled'>, isCancelled: () => boolean) {
    const plan = await Promise.race([io.plan(start.shopId, start.orderSns), cancelled]);
    if (plan === 'cancelled') return update({ state: 'done', cancelled: true });
    if (plan.refusal) return update({ state: 'done', refusal: plan.refusal });
    const total = plan.orderSns.length;
    update({ total, timeLeftMs: estimateTimeLeftMs(total, start.intervalMs) });

    const pacer = createRequestPacer(start.intervalMs);
    const answers: BulkFetchStoreInput['answers'] = [];
    let attempted = 0;
    let stop: { reason: StopReason; detail: string } | null = null;
    orders: for (const orderSn of plan.orderSns) {
      for (const step of STEPS) {
        const wait = pacer.waitBefore(io.now());
        if (wait > 0 && (await Promise.race([io.sleep(wait), cancelled])) === 'cancelled') break orders;
        if (isCancelled()) break orders;
        const answer = await Promise.race([io.request(step, orderSn, start.shopId, start.reasonType), cancelled]);
        if (answer === 'cancelled') break orders;
        // Paced from the answer's arrival: the request left before it came back, so the next one
        // leaves at least the interval after this one left, whatever the page world's delays.
        pacer.sent(io.now());
        const verdict = readSessionAnswer(step, answer.status, answer.text);
        if (!verdict.ok) {
          stop = { reason: verdict.reason, detail: verdict.detail };
          attempted++;
          break orders;
        }
        if (step === 'address' && answer.text !== null) answers.push({ orderSn, json: answer.text });
      }
      attempted++;
      update({ attempted, fetched: answers.length, timeLeftMs: estimateTimeLeftMs(total - attempted, start.intervalMs) });
    }

    update({
      state: 'storing',
      attempted,
      fetched: answers.length,
      timeLeftMs: null,
      cancelled: isCancelled(),
      stoppedBy: stop?.reason ?? null,
      stopDetail: stop?.detail ?? null,
    });
    try {
      const result = await io.store({
        shopId: start.shopId,
        reasonType: start.reasonType,
        requested: total,
        answers: answers.splice(0),
        stoppedBy: stop?.reason ?? null,
        cancelled: isCancelled(),
        notAttempted: total - attempted,
      });
      update({ state: 'done', result });
    } catch (err) {
      update({
        state: 'done',
        stoppedBy: status.stoppedBy ?? 'store-failed',
        stopDetail: status.stopDetail ?? (err instanceof Error ? err.message.slice(0, 200) : 'store failed'),
      });
    }
  }

  return {
    get status(): BulkFetchStatus {
      return status;
    },
    /** Starts a batch unless one is running or storing; answers the status either way. */
    start(start: BulkFetchStart): BulkFetchStatus {
      if (status.state === 'running' || status.state === 'storing') return status;
      let cancelled = false;
      let resolveCancel: (v: 'cancelled') => void = () => undefined;
      const cancelledPromise = new Promise<'cancelled'>((resolve) => {
        resolveCancel = resolve;
      });
      cancelRun = () => {
        cancelled = true;
        resolveCancel('cancelled');
      };
      update({ ...IDLE_STATUS, state: 'running' });
      void run(start, cancelledPromise, () => cancelled)
        .catch(() => update({ state: 'done', stoppedBy: 'store-failed', stopDetail: 'bulk fetch failed' }))
        .finally(() => {
          cancelRun = null;
        });
      return status;
    },
    /** Stops the running batch at once (what was fetched is still stored). */
    cancel(): BulkFetchStatus {
      cancelRun?.();
      return status;
    },
  };
}
