import { describe, expect, it } from 'vitest';
import { label } from '../../tests/support/label-test-data';
import { buildPickList } from './pick-list';

describe('buildPickList (issue 14)', () => {
  it('sums quantities per SKU and spec, counts orders, sorts by SKU, titles without SKU last', () => {
    const labels = [
      label({
        orderSn: 'PO-1',
        items: [
          { sku: 'SKU-10', title: 'Mug', spec: 'Red', quantity: 2 },
          { sku: 'SKU-2', title: 'Cup', spec: null, quantity: 1 },
        ],
      }),
      label({
        orderSn: 'PO-2',
        items: [
          { sku: 'SKU-10', title: 'Mug', spec: 'Red', quantity: 3 },
          { sku: 'SKU-10', title: 'Mug', spec: 'Blue', quantity: 1 },
        ],
      }),
      label({
        orderSn: 'PO-3',
        items: [
          { sku: null, title: 'Loose spoon', spec: null, quantity: 4 },
          { sku: 'SKU-2', title: 'Cup', spec: null, quantity: 5 },
        ],
      }),
    ];
    const list = buildPickList(labels);
    expect(list.rows).toEqual([
      { sku: 'SKU-2', title: 'Cup', spec: null, quantity: 6, orders: 2 },
      { sku: 'SKU-10', title: 'Mug', spec: 'Blue', quantity: 1, orders: 1 },
      { sku: 'SKU-10', title: 'Mug', spec: 'Red', quantity: 5, orders: 2 },
      { sku: null, title: 'Loose spoon', spec: null, quantity: 4, orders: 1 },
    ]);
    expect(list.orderCount).toBe(3);
    expect(list.totalQuantity).toBe(16);
  });

  it('one order with the same SKU on two lines counts once as an order', () => {
    const list = buildPickList([
      label({
        items: [
          { sku: 'A', title: 'a', spec: null, quantity: 1 },
          { sku: 'A', title: 'a', spec: null, quantity: 2 },
        ],
      }),
    ]);
    expect(list.rows).toEqual([{ sku: 'A', title: 'a', spec: null, quantity: 3, orders: 1 }]);
  });

  it('holds no buyer data', () => {
    const list = buildPickList([label({}, { name: 'Secret Buyer', addressLine1: '99 Hidden Lane' })]);
    expect(JSON.stringify(list)).not.toMatch(/Secret Buyer|Hidden Lane/);
  });
});
