import { useCallback, useEffect, useRef, useState } from 'react';
import { useRevision } from '../common/use-revision';
import type { MessageError } from '../../utils/messaging/envelope';
import type { OrderFilterInput } from '../../utils/orders/orders-messages';
import type { OrderSummaryRow } from '../../utils/orders/orders-messages';
import { arrivedReply, sharedRead } from '../common/shared-reads';
import { ORDER_PAGE_SIZE, pageRequest } from './order-list-reads';

export interface OrderPages {
  /** Orders matching the filter; undefined until counted (`orders/count` after a write may take ~1 s at 100,000 orders). */
  total: number | undefined;
  /** Rows the list can show now: the total once known, else the rows already loaded. */
  rowCount: number;
  /** Row at a list index, or undefined while its page is loading. */
  rowAt: (index: number) => OrderSummaryRow | undefined;
  /** Asks for the pages covering [first, last] (the virtualizer's visible range). */
  ensureRange: (first: number, last: number) => void;
  error: MessageError | undefined;
  /** Bumped whenever cached pages change (re-render trigger). */
  version: number;
}

/**
 * The popup's order list, read page by page from the background (`orders/page`) as the virtual
 * list scrolls. Refetches the loaded pages when the background reports a write (session
 * `revision`), keeping the old rows on screen until the new ones arrive (no flicker). Nothing is
 * asked while `enabled` is false (the popup is still choosing its opening view). Reads go through
 * shared-reads.ts, so the first page the popup's entry prefetched is answered from that request.
 */
export function useOrderPages(filter: OrderFilterInput, enabled = true): OrderPages {
  const filterKey = JSON.stringify(filter);
  // The first page, when the popup's entry prefetched it and it has arrived: rows in the first render.
  const [firstPage] = useState(() => (enabled ? arrivedReply('orders/page', pageRequest(filter, 0))?.value : undefined));
  const seededKey = useRef(firstPage ? filterKey : null);
  const pages = useRef(new Map<number, OrderSummaryRow[]>(firstPage ? [[0, firstPage.rows]] : []));
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [loadedRows, setLoadedRows] = useState(firstPage?.rows.length ?? 0);
  const [error, setError] = useState<MessageError | undefined>(undefined);
  const [version, setVersion] = useState(0);

  const fetchPage = useCallback(
    (page: number) => {
      if (inFlight.current.has(page)) return;
      inFlight.current.add(page);
      const gen = generation.current;
      // Rows first: the total of a large list costs a scan and comes from `orders/count`.
      sharedRead('orders/page', pageRequest(JSON.parse(filterKey) as OrderFilterInput, page)).then(
        (reply) => {
          if (gen !== generation.current) return;
          inFlight.current.delete(page);
          pages.current.set(page, reply.rows);
          if (reply.total !== null) setTotal(reply.total);
          setLoadedRows((n) => Math.max(n, page * ORDER_PAGE_SIZE + reply.rows.length));
          setError(undefined);
          setVersion((v) => v + 1);
        },
        (err: MessageError) => {
          if (gen !== generation.current) return;
          inFlight.current.delete(page);
          setError(err);
        },
      );
    },
    [filterKey],
  );

  const fetchCount = useCallback(() => {
    const gen = generation.current;
    sharedRead('orders/count', { filter: JSON.parse(filterKey) as OrderFilterInput }).then(
      (count) => gen === generation.current && setTotal(count),
      (err: MessageError) => gen === generation.current && setError(err),
    );
  }, [filterKey]);

  // New filter: drop everything and start from the top.
  useEffect(() => {
    generation.current++;
    inFlight.current = new Set();
    if (seededKey.current === filterKey && enabled) {
      // First run on the seeded page: keep its rows on screen; its request is taken (and ends) here.
      seededKey.current = null;
      fetchPage(0);
      fetchCount();
      return;
    }
    seededKey.current = null;
    pages.current = new Map();
    setTotal(undefined);
    setLoadedRows(0);
    if (!enabled) return;
    fetchPage(0);
    fetchCount();
  }, [fetchPage, fetchCount, enabled, filterKey]);

  // Background wrote something: refetch the pages on screen, keep showing the old rows meanwhile.
  useRevision(() => {
    if (!enabled) return;
    generation.current++;
    inFlight.current = new Set();
    const loaded = [...pages.current.keys()];
    for (const page of loaded.length > 0 ? loaded : [0]) fetchPage(page);
    fetchCount();
  });

  const ensureRange = useCallback(
    (first: number, last: number) => {
      if (!enabled) return;
      for (let page = Math.floor(first / ORDER_PAGE_SIZE); page <= Math.floor(last / ORDER_PAGE_SIZE); page++) {
        if (!pages.current.has(page)) fetchPage(page);
      }
    },
    [fetchPage, enabled],
  );

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / ORDER_PAGE_SIZE))?.[index % ORDER_PAGE_SIZE], []);

  return { total, rowCount: total ?? loadedRows, rowAt, ensureRange, error, version };
}
