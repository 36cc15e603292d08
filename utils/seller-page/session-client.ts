import type { SessionRequestStep } from './page-bridge';

/** An answer the hook relayed: HTTP status (0: none) and body text (null: not read). */
export interface SessionAnswer {
  status: number;
  text: string | null;
}

/** No answer within this long counts as no answer (the batch stops with `network-error`). */
export const SESSION_ANSWER_TIMEOUT_MS = 30_000;

/**
 * ISOLATED side of the session requests (bulk fetch, issue 12): numbers each request, posts it to
 * the hook over the acknowledged bridge port, and matches the hook's `session-answer` to it.
 */
export function createSessionClient(io: {
  secret: string;
  /** bridge.post; false while no port is acknowledged. */
  post: (message: object) => boolean;
  setTimer: (fn: () => void, ms: number) => void;
}) {
  let nextId = 1;
  const waiting = new Map<number, (answer: SessionAnswer) => void>();
  return {
    request(step: SessionRequestStep, orderSn: string, mallId: string, reasonType: number): Promise<SessionAnswer> {
      const id = nextId++;
      return new Promise<SessionAnswer>((resolve) => {
        waiting.set(id, resolve);
        if (!io.post({ type: 'session-request', id, step, orderSn, mallId, reasonType })) {
          waiting.delete(id);
          resolve({ status: -1, text: null });
          return;
        }
        io.setTimer(() => {
          if (waiting.delete(id)) resolve({ status: 0, text: null });
        }, SESSION_ANSWER_TIMEOUT_MS);
      });
    },
    /** true when `data` was a session answer (consumed here, not a capture). */
    onHookMessage(data: unknown): boolean {
      const d = data as { type?: unknown; secret?: unknown; id?: unknown; status?: unknown; text?: unknown } | null;
      if (d?.type !== 'session-answer') return false;
      if (d.secret !== io.secret || typeof d.id !== 'number' || typeof d.status !== 'number') return true;
      const resolve = waiting.get(d.id);
      if (!resolve) return true;
      waiting.delete(d.id);
      resolve({ status: d.status, text: typeof d.text === 'string' ? d.text : null });
      return true;
    },
  };
}
