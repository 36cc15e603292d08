import { useCallback, useEffect, useState } from 'react';
import type { RequestInputOf, ResponseOf } from '../../utils/messaging/define-message';
import type { MessageError } from '../../utils/messaging/envelope';
import type { Protocol } from '../../utils/protocol';
import { arrivedReply, sharedRead } from './shared-reads';
import { useRevision } from './use-revision';

type Req<K extends keyof Protocol> = RequestInputOf<Protocol[K]>;
type Res<K extends keyof Protocol> = ResponseOf<Protocol[K]>;

export interface BackgroundQuery<T> {
  data: T | undefined;
  error: MessageError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Reads background-owned state and re-reads it whenever the background reports a write
 * (session `revision` bump), so every page shows the same truth without polling. Components
 * asking the same read at once share one request, and a read the page's entry prefetched is
 * answered from it (shared-reads.ts).
 */
export function useBackground<K extends keyof Protocol>(type: K, data: Req<K>, options: { enabled?: boolean } = {}): BackgroundQuery<Res<K>> {
  const enabled = options.enabled ?? true;
  const key = JSON.stringify(data);
  // A reply the page's entry prefetched and already has is shown in the first render.
  const [state, setState] = useState<{ data?: Res<K>; error?: MessageError; loading: boolean }>(() => {
    const arrived = enabled ? arrivedReply(type, data) : undefined;
    return arrived ? { data: arrived.value, loading: false } : { loading: true };
  });
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useRevision(reload);

  // `tick` is the re-read trigger (reload / page-sync), not read inside.
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a refetch
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    sharedRead(type, JSON.parse(key) as Req<K>).then(
      (d) => live && setState({ data: d, loading: false }),
      (e: MessageError) => live && setState((s) => ({ data: s.data, error: e, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [type, key, tick, enabled]);

  return { data: state.data, error: state.error, loading: state.loading, reload };
}
