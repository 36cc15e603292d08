import { describe, expect, it } from 'vitest';
import { applyRange, EMPTY_SELECTION, rangeBetween, selectOnly, toggleOrder } from './order-selection';

const sn = (i: number) => `PO-${i}`;

describe('order selection', () => {
  it('toggles one row and sets the anchor', () => {
    const a = toggleOrder(EMPTY_SELECTION, sn(3), 3);
    expect([...a.selected]).toEqual([sn(3)]);
    expect(a.anchor).toEqual({ index: 3, orderSn: sn(3) });
    const b = toggleOrder(a, sn(3), 3);
    expect(b.selected.size).toBe(0);
    expect(EMPTY_SELECTION.selected.size).toBe(0); // never mutated
  });

  it('shift-click covers both ends whichever direction', () => {
    const a = toggleOrder(EMPTY_SELECTION, sn(10), 10);
    expect(rangeBetween(a, 14)).toEqual({ offset: 10, limit: 5 });
    expect(rangeBetween(a, 7)).toEqual({ offset: 7, limit: 4 });
    expect(rangeBetween(EMPTY_SELECTION, 7)).toBeNull();
  });

  it('range selects when the anchor is selected, keeping earlier picks', () => {
    let s = toggleOrder(EMPTY_SELECTION, sn(1), 1);
    s = toggleOrder(s, sn(5), 5);
    s = applyRange(s, [sn(5), sn(6), sn(7)]);
    expect([...s.selected].sort()).toEqual([sn(1), sn(5), sn(6), sn(7)]);
    expect(s.anchor?.index).toBe(5);
  });

  it('range clears when the anchor was just unticked', () => {
    let s = selectOnly([sn(1), sn(2), sn(3), sn(4)]);
    s = toggleOrder(s, sn(2), 2); // untick 2 → anchor unselected
    s = applyRange(s, [sn(2), sn(3)]);
    expect([...s.selected].sort()).toEqual([sn(1), sn(4)]);
  });
});
