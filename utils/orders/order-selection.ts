/**
 * Which orders the seller has ticked in the popup list. Rows are addressed by their index in
 * the filtered list, so shift-click can select rows that were never rendered (virtual list):
 * the caller asks the background for the order numbers in `rangeBetween(...)`.
 */
export interface ListSelection {
  readonly selected: ReadonlySet<string>;
  /** The last plainly clicked row: one end of a shift-click range. */
  readonly anchor: { index: number; orderSn: string } | null;
}

export const EMPTY_SELECTION: ListSelection = { selected: new Set(), anchor: null };

/** Plain click: flips one row and makes it the range anchor. */
export function toggleOrder(selection: ListSelection, orderSn: string, index: number): ListSelection {
  const selected = new Set(selection.selected);
  if (selected.has(orderSn)) selected.delete(orderSn);
  else selected.add(orderSn);
  return { selected, anchor: { index, orderSn } };
}

/** The list slice a shift-click on `index` covers (both ends included), or null without an anchor. */
export function rangeBetween(selection: ListSelection, index: number): { offset: number; limit: number } | null {
  if (!selection.anchor) return null;
  const from = Math.min(selection.anchor.index, index);
  const to = Math.max(selection.anchor.index, index);
  return { offset: from, limit: to - from + 1 };
}

/**
 * Shift-click: every order in the range takes the anchor row's state (selected when the anchor
 * is selected, cleared when it was just unticked), as in file managers. The anchor stays.
 */
export function applyRange(selection: ListSelection, orderSnsInRange: readonly string[]): ListSelection {
  const select = selection.anchor === null || selection.selected.has(selection.anchor.orderSn);
  const selected = new Set(selection.selected);
  for (const sn of orderSnsInRange) {
    if (select) selected.add(sn);
    else selected.delete(sn);
  }
  return { selected, anchor: selection.anchor };
}

/** Select all: the given order numbers (all matching the filter) and nothing else. */
export function selectOnly(orderSns: readonly string[]): ListSelection {
  return { selected: new Set(orderSns), anchor: null };
}
