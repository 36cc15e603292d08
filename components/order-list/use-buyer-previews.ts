import { useEffect, useRef, useState } from 'react';
import { useRevision } from '../common/use-revision';
import type { BuyerPii } from '../../utils/vault/buyer-pii';
import { MAX_OPEN_ORDERS } from '../../utils/vault/vault-limits';
import { sendMessage } from '../../utils/messaging/send-message-adapter';

/** Wait for scrolling to settle before opening PII: each `buyers/open` is an audited read. */
const SETTLE_MS = 200;

/**
 * Buyer name/address for the rows on screen, only while the vault is unlocked (issue 6: when
 * locked no PII is requested at all). Kept in this page's memory only and dropped on lock.
 */
export function useBuyerPreviews(visibleOrderSns: readonly string[], unlocked: boolean): ReadonlyMap<string, BuyerPii> {
  const [opened, setOpened] = useState<ReadonlyMap<string, BuyerPii>>(new Map());
  const asked = useRef(new Set<string>());
  const key = visibleOrderSns.join(',');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!unlocked) {
      asked.current = new Set();
      setOpened(new Map());
    }
  }, [unlocked]);

  // Any background write may have purged PII: ask again for the rows on screen (answers that
  // are no longer `ok` remove the shown data; kept rows do not flicker meanwhile).
  useRevision(() => {
    asked.current = new Set();
    setGeneration((g) => g + 1);
  });

  // `generation` re-asks after a background write even when the visible rows did not change.
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation forces a re-ask
  useEffect(() => {
    if (!unlocked) return;
    const missing = visibleOrderSns.filter((sn) => !asked.current.has(sn)).slice(0, MAX_OPEN_ORDERS);
    if (missing.length === 0) return;
    const timer = setTimeout(() => {
      for (const sn of missing) asked.current.add(sn);
      sendMessage('buyers/open', { orderSns: missing }).then(
        ({ results }) =>
          setOpened((prev) => {
            const next = new Map(prev);
            for (const [sn, result] of Object.entries(results)) {
              if (result.state === 'ok') next.set(sn, result.pii);
              else next.delete(sn);
            }
            return next;
          }),
        // Locked meanwhile (auto-lock) or purged: ask again next time the rows show.
        () => {
          for (const sn of missing) asked.current.delete(sn);
        },
      );
    }, SETTLE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for visibleOrderSns
  }, [key, unlocked, generation]);

  return opened;
}
