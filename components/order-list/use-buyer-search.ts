import { useEffect, useState } from 'react';
import type { OrderFilterInput } from '../../utils/orders/orders-messages';
import { sendMessage } from '../../utils/messaging/send-message-adapter';

/** Typing pauses this long before a search: each search is an audited decrypt of many addresses. */
const TYPING_PAUSE_MS = 350;

export interface BuyerSearch {
  /** Matching orders; undefined while searching or without a query. */
  orderSns: string[] | undefined;
  truncated: boolean;
  error: string | null;
}

/**
 * Buyer-name search (vault unlocked): the background opens the filtered orders' addresses and
 * answers order numbers, which the list then shows through `filter.orderSns`.
 */
export function useBuyerSearch(query: string, filter: OrderFilterInput): BuyerSearch {
  const [state, setState] = useState<BuyerSearch>({ orderSns: undefined, truncated: false, error: null });
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    setState({ orderSns: undefined, truncated: false, error: null });
    if (!query) return;
    let live = true;
    const timer = setTimeout(() => {
      sendMessage('orders/find-by-buyer', { query, filter: JSON.parse(filterKey) as OrderFilterInput }).then(
        (reply) => live && setState({ orderSns: reply.orderSns, truncated: reply.truncated, error: null }),
        (err: Error) => live && setState({ orderSns: [], truncated: false, error: err.message }),
      );
    }, TYPING_PAUSE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, filterKey]);
  return state;
}
