import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { formatNumber, i18n } from '../common/i18n';
import type { OrderFilterInput } from '../../utils/orders/orders-messages';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { applyRange, EMPTY_SELECTION, rangeBetween, selectOnly, toggleOrder, type ListSelection } from '../../utils/orders/order-selection';
import { looksLikeOrderSn } from '../../utils/orders/buyer-name-match';
import { arrivedReply, sharedRead } from '../common/shared-reads';
import { useBackground } from '../common/use-background';
import { AddressReviewPanel } from './AddressReviewPanel';
import { ExportBar } from './ExportBar';
import { OrderFilters } from './OrderFilters';
import { chipFilter, DUE_FILTER, INITIAL_FILTER, listFilter, type OrderFilterState } from './order-list-reads';
import { OrderRow } from './OrderRow';
import { useBuyerPreviews } from './use-buyer-previews';
import { useBuyerSearch } from './use-buyer-search';
import { useOrderPages } from './use-order-pages';
import './orders.css';

/** Fixed row height: two text lines (order facts; buyer name and address when unlocked). */
const ROW_HEIGHT = 46;

/**
 * The popup's order list (issue 6): virtualized over a paged background query, so 100,000
 * stored orders cost one page of rows; filters, order-number search, click / shift-click /
 * select-all selection, and the export bar. Buyer data shows only while the vault is unlocked,
 * and is opened only for the rows on screen.
 */
export function OrderList() {
  // The due count the popup's entry prefetched, when it has arrived: the view is chosen in the first render.
  const [arrivedDue] = useState(() => arrivedReply('orders/count', { filter: listFilter(DUE_FILTER) })?.value);
  const [filterState, setFilterState] = useState<OrderFilterState>(arrivedDue ? DUE_FILTER : INITIAL_FILTER);
  const [selection, setSelection] = useState<ListSelection>(EMPTY_SELECTION);
  // Default view (issue 14): when orders are due today or overdue, the list opens on them. No
  // rows are asked until the view is chosen, so the first rows shown are that view's (the popup's
  // entry asked the count and both first pages at once: order-list-reads.ts).
  const filterTouched = useRef(false);
  const [viewChosen, setViewChosen] = useState(arrivedDue !== undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
  useEffect(() => {
    if (arrivedDue !== undefined) {
      void sharedRead('orders/count', { filter: listFilter(DUE_FILTER) }).catch(() => undefined); // takes the prefetch
      return;
    }
    sharedRead('orders/count', { filter: listFilter(DUE_FILTER) }).then(
      (due) => {
        if (due > 0 && !filterTouched.current) setFilterState(DUE_FILTER);
        setViewChosen(true);
      },
      () => setViewChosen(true),
    );
  }, []);
  const vault = useBackground('vault/status', {});
  const shops = useBackground('consent/list', {});
  const unlocked = vault.data?.state === 'unlocked';

  const query = filterState.orderSnQuery.trim();
  // Letters other than "PO" mean a buyer name: searched in the background, only when unlocked.
  const nameQuery = query.length >= 2 && !looksLikeOrderSn(query) ? query : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: the chips and shop are what chipFilter reads
  const baseFilter = useMemo<OrderFilterInput>(() => chipFilter(filterState), [filterState.toShip, filterState.notExported, filterState.shipByDue, filterState.shopId]);
  const buyerSearch = useBuyerSearch(unlocked ? nameQuery : '', baseFilter);
  const filter = useMemo<OrderFilterInput>(() => {
    if (nameQuery && unlocked) return { ...baseFilter, orderSns: buyerSearch.orderSns ?? [] };
    return { ...baseFilter, orderSnQuery: query };
  }, [baseFilter, nameQuery, unlocked, buyerSearch.orderSns, query]);
  const pages = useOrderPages(filter, viewChosen);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: pages.rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensureRange } = pages;
  useEffect(() => ensureRange(first, last), [ensureRange, first, last]);

  const visibleSns = items.map((it) => pages.rowAt(it.index)?.orderSn).filter((sn): sn is string => sn !== undefined);
  const buyers = useBuyerPreviews(visibleSns, unlocked);

  const changeFilter = (next: OrderFilterState) => {
    filterTouched.current = true;
    setViewChosen(true);
    // A new filter starts a new selection: orders that left the list are never exported unseen.
    setSelection(EMPTY_SELECTION);
    setFilterState(next);
  };

  const onToggle = useCallback(
    (index: number, orderSn: string, shiftKey: boolean) => {
      const range = shiftKey ? rangeBetween(selection, index) : null;
      if (!range) {
        setSelection(toggleOrder(selection, orderSn, index));
        return;
      }
      void sendMessage('orders/keys', { filter, ...range }).then((sns) => setSelection((s) => applyRange(s, sns)));
    },
    [selection, filter],
  );

  const selectAll = async (event: MouseEvent) => {
    event.preventDefault();
    setSelection(selectOnly(await sendMessage('orders/keys', { filter })));
  };

  const now = Date.now();
  return (
    <section data-testid="OrderList" className="sv-order-list">
      <AddressReviewPanel unlocked={unlocked} />
      <OrderFilters value={filterState} shops={shops.data ?? []} onChange={changeFilter} />
      <div className="sv-order-list__counts">
        <span data-testid="order-count">{pages.total === undefined ? i18n.t('export.list.loading') : i18n.t('export.list.count', pages.total, [formatNumber(pages.total)])}</span>
        <span data-testid="selected-count">{i18n.t('export.list.selected', [String(selection.selected.size)])}</span>
        <button type="button" onClick={selectAll} disabled={pages.rowCount === 0} data-testid="select-all">
          {i18n.t('export.list.selectAll')}
        </button>
        <button type="button" onClick={() => setSelection(EMPTY_SELECTION)} disabled={selection.selected.size === 0}>
          {i18n.t('export.list.clear')}
        </button>
      </div>
      {nameQuery && !unlocked && <p className="sv-muted">{i18n.t('export2.unlockForNames')}</p>}
      {buyerSearch.truncated && <p className="sv-muted">{i18n.t('export2.truncated')}</p>}
      {buyerSearch.error && <p className="sv-error">{buyerSearch.error}</p>}
      {pages.error && <p className="sv-error">{pages.error.message}</p>}
      {pages.total === 0 && <p className="sv-muted">{i18n.t('export.list.empty')}</p>}
      <div ref={scrollRef} className="sv-order-list__scroll" data-testid="order-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = pages.rowAt(item.index);
            return (
              <OrderRow
                key={item.key}
                row={row}
                index={item.index}
                selected={row !== undefined && selection.selected.has(row.orderSn)}
                buyer={row && buyers.get(row.orderSn)}
                now={now}
                onToggle={onToggle}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              />
            );
          })}
        </div>
      </div>
      <ExportBar selected={selection.selected} unlocked={unlocked} onDone={() => setSelection(EMPTY_SELECTION)} />
    </section>
  );
}
