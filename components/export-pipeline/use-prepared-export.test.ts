import { describe, expect, it } from 'vitest';
import { label } from '../../tests/support/label-test-data';
import type { PreparedExport } from '../../utils/export-jobs/export-messages';
import { DEFAULT_SETTINGS } from '../../utils/settings/settings-schema';
import { withoutErased } from './use-prepared-export';

const prepared = (sns: string[]): PreparedExport => ({
  labels: sns.map((orderSn) => label({ orderSn })),
  skipped: [{ orderSn: 'PO-0', reason: 'no-buyer-data' }],
  labelSheetLayout: '4up',
  csvCustomColumns: [],
  shippingRun: DEFAULT_SETTINGS.shippingRun,
  at: 1,
});

describe('withoutErased (issue 16: an open print view drops purged or cleared labels)', () => {
  it('keeps the labels still held and lists the others as erased', () => {
    const next = withoutErased(prepared(['PO-1', 'PO-2', 'PO-3']), new Set(['PO-1', 'PO-3']));
    expect(next.phase === 'ready' && next.prepared.labels.map((l) => l.orderSn)).toEqual(['PO-1', 'PO-3']);
    expect(next.phase === 'ready' && next.prepared.skipped).toEqual([
      { orderSn: 'PO-0', reason: 'no-buyer-data' },
      { orderSn: 'PO-2', reason: 'erased' },
    ]);
  });

  it('changes nothing when every label is still held; drops all after a clear-all', () => {
    const all = prepared(['PO-1', 'PO-2']);
    expect(withoutErased(all, new Set(['PO-1', 'PO-2']))).toEqual({ phase: 'ready', prepared: all });
    const cleared = withoutErased(all, new Set());
    expect(cleared.phase === 'ready' && cleared.prepared.labels).toEqual([]);
  });
});
