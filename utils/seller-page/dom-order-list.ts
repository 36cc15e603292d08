/**
 * Cold load (issue 10): some seller-center builds send the first order-list page before any hook
 * can see it, or from a Web Worker. On the orders list page the isolated script then reads the
 * visible list as TEXT ONLY: each row's parent order number, the status shown in that row and the
 * ship-by text if shown. Class names are hashed per build, so rows and headers are found by
 * `data-testid` (beast-core table) or plain table structure, and columns by their header text.
 * The background maps status text and parses times; page-sourced data never deletes an address.
 */
export interface VisibleOrder {
  parentOrderSn: string;
  statusText: string | null;
  shipByText: string | null;
}

/** Orders list pages (the seller center moves between pages without reloading: asked on every scan). */
export const ORDER_LIST_PAGES = /\/(?:orders|order-list|order-manage|order-management|unshipped-orders)\.html$/;

export const MAX_VISIBLE_ORDERS = 500;
/** Rows looked at, at most: a hostile page with 10,000 rows costs the same as one with 2,000. */
const MAX_ROWS_SCANNED = 2_000;
export const MAX_VISIBLE_TEXT = 100;

const PARENT_ORDER_SN = /\bPO-\d{2,4}-\d{5,20}\b/g;
const STATUS_HEADER = /^(?:status|order status|订单状态|状态)$/i;
const SHIP_BY_HEADER = /^(?:ship by|ship-by|ship before|shipping deadline|latest shipping time|最晚发货时间|发货截止时间|要求发货时间)$/i;
const NOT_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
const HIDDEN = 'template, [hidden], [aria-hidden="true"], [style*="display: none" i], [style*="display:none" i], [style*="visibility: hidden" i], [style*="visibility:hidden" i]';
const BODY_ROWS = 'tr[data-testid*="table-body-tr"], tbody > tr';
const HEADER_CELLS = '[data-testid*="table-th"], thead th';

/** Text a person sees in an element: script/style/template contents are not page content. */
function shownText(el: Element): string {
  let out = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (out.length > 4 * MAX_VISIBLE_TEXT * 20) return; // a giant cell: enough read
      if (child.nodeType === 3) out += ` ${child.textContent ?? ''}`;
      else if (child.nodeType === 1 && !NOT_SHOWN.has((child as Element).tagName.toUpperCase())) walk(child);
    }
  };
  walk(el);
  return out.replace(/\s+/g, ' ').trim();
}

const cap = (s: string): string | null => (s ? s.slice(0, MAX_VISIBLE_TEXT) : null);

interface Columns {
  status: number;
  shipBy: number;
}

/** Column indexes by header text, from the header row nearest the table (beast-core may render header and body as two tables). */
function columnsFor(row: Element, cache: Map<Element, Columns>): Columns {
  const table = row.closest('table') ?? row.parentElement ?? row;
  const known = cache.get(table);
  if (known) return known;
  let headers: Element[] = [];
  for (let scope: Element | null = table, up = 0; scope && up < 4 && headers.length === 0; scope = scope.parentElement, up++) {
    const cells = scope.querySelectorAll(HEADER_CELLS);
    if (cells.length > 0) headers = [...(cells[0]!.parentElement?.children ?? cells)].filter((c) => c.matches('th, [data-testid*="table-th"]'));
  }
  const labels = headers.map((h) => shownText(h).replace(/[:：]$/, ''));
  const columns = { status: labels.findIndex((l) => STATUS_HEADER.test(l)), shipBy: labels.findIndex((l) => SHIP_BY_HEADER.test(l)) };
  cache.set(table, columns);
  return columns;
}

/**
 * The visible order rows under `root`: one entry per parent order (first row wins), at most
 * {@link MAX_VISIBLE_ORDERS}, strings capped at {@link MAX_VISIBLE_TEXT} chars. A row naming no
 * order number or two different ones is skipped; hidden rows and template/script content are not read.
 */
export function readVisibleOrderList(root: ParentNode): VisibleOrder[] {
  const out: VisibleOrder[] = [];
  const seen = new Set<string>();
  const cache = new Map<Element, Columns>();
  const rows = root.querySelectorAll(BODY_ROWS);
  const scanned = Math.min(rows.length, MAX_ROWS_SCANNED);
  for (let i = 0; i < scanned && out.length < MAX_VISIBLE_ORDERS; i++) {
    const row = rows[i]!;
    if (row.closest(HIDDEN)) continue;
    const numbers = new Set(shownText(row).match(PARENT_ORDER_SN) ?? []);
    if (numbers.size !== 1) continue;
    const parentOrderSn = [...numbers][0]!;
    if (seen.has(parentOrderSn)) continue;
    seen.add(parentOrderSn);
    const cells = [...row.children].filter((c) => c.tagName.toUpperCase() === 'TD' || c.tagName.toUpperCase() === 'TH');
    const { status, shipBy } = columnsFor(row, cache);
    const cellText = (index: number) => {
      const cell = index >= 0 ? cells[index] : undefined;
      return cell && !cell.closest(HIDDEN) ? cap(shownText(cell)) : null;
    };
    out.push({ parentOrderSn, statusText: cellText(status), shipByText: cellText(shipBy) });
  }
  return out;
}
