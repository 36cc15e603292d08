import { describe, expect, it } from 'vitest';
import { label } from '../../tests/support/label-test-data';
import { orderLabels, orderSortSku } from './label-order';

const run = [
  label({ orderSn: 'PO-3', shipBy: 3000, createdAt: 100, items: [{ sku: 'SKU-10', title: 'Ten', spec: null, quantity: 1 }] }),
  label({ orderSn: 'PO-1', shipBy: null, createdAt: 300, items: [{ sku: 'sku-2', title: 'Two', spec: null, quantity: 1 }] }),
  label({
    orderSn: 'PO-2',
    shipBy: 1000,
    createdAt: null,
    items: [
      { sku: 'SKU-9', title: 'Nine', spec: null, quantity: 1 },
      { sku: 'SKU-1', title: 'One', spec: null, quantity: 1 },
    ],
  }),
  label({ orderSn: 'PO-10', shipBy: 1000, createdAt: 200, items: [{ sku: null, title: 'A title only', spec: null, quantity: 1 }] }),
];
const sns = (labels: { orderSn: string }[]) => labels.map((l) => l.orderSn);

describe('orderLabels (issue 14)', () => {
  it('selection keeps the seller order; reverse flips it', () => {
    expect(sns(orderLabels(run, { sortBy: 'selection', reverse: false }))).toEqual(['PO-3', 'PO-1', 'PO-2', 'PO-10']);
    expect(sns(orderLabels(run, { sortBy: 'selection', reverse: true }))).toEqual(['PO-10', 'PO-2', 'PO-1', 'PO-3']);
  });

  it('sku: numeric-aware and case-insensitive, a multi-item order at its smallest SKU, title when no SKU', () => {
    expect(orderSortSku(run[2]!)).toBe('SKU-1');
    expect(sns(orderLabels(run, { sortBy: 'sku', reverse: false }))).toEqual(['PO-10', 'PO-2', 'PO-1', 'PO-3']);
    expect(sns(orderLabels(run, { sortBy: 'sku', reverse: true }))).toEqual(['PO-3', 'PO-1', 'PO-2', 'PO-10']);
  });

  it('shipBy: earliest first, ties by order number, no date last', () => {
    expect(sns(orderLabels(run, { sortBy: 'shipBy', reverse: false }))).toEqual(['PO-2', 'PO-10', 'PO-3', 'PO-1']);
  });

  it('orderTime: oldest order first, unknown time last', () => {
    expect(sns(orderLabels(run, { sortBy: 'orderTime', reverse: false }))).toEqual(['PO-3', 'PO-10', 'PO-1', 'PO-2']);
  });

  it('orderSn: numeric-aware', () => {
    expect(sns(orderLabels(run, { sortBy: 'orderSn', reverse: false }))).toEqual(['PO-1', 'PO-2', 'PO-3', 'PO-10']);
  });

  it('never changes the input array', () => {
    const copy = run.slice();
    orderLabels(run, { sortBy: 'sku', reverse: true });
    expect(run).toEqual(copy);
  });
});
