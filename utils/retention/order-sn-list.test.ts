import { expect, it } from 'vitest';
import { parseOrderSnList } from './order-sn-list';

it('splits pasted order numbers on lines, commas and full-width separators, without duplicates', () => {
  expect(parseOrderSnList(' PO-1\nPO-2, PO-3；PO-1 \n\n')).toEqual(['PO-1', 'PO-2', 'PO-3']);
});
