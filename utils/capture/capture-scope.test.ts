import { describe, expect, it } from 'vitest';
import { withinCaptureScope } from './capture-service';

const answer = () => ({ addresses: [{ orderSn: 'PO-1' }, { orderSn: 'PO-2' }, { orderSn: 'PO-3' }], skipped: [{ reason: 'masked', count: 1 }] });

describe('capture scope (privacy settings)', () => {
  it("'opened' keeps only the address of the order the seller opened", () => {
    expect(withinCaptureScope(answer(), 'opened', 'PO-2')).toEqual({
      addresses: [{ orderSn: 'PO-2' }],
      skipped: [
        { reason: 'masked', count: 1 },
        { reason: 'outside-capture-scope', count: 2 },
      ],
    });
    expect(withinCaptureScope(answer(), 'opened', null).addresses).toEqual([]);
    // One address per answer (the address query, a detail page) is the opened order itself.
    expect(withinCaptureScope({ addresses: [{ orderSn: 'PO-9' }], skipped: [] }, 'opened', null).addresses).toEqual([{ orderSn: 'PO-9' }]);
  });

  it("'list' keeps every address of the answer", () => {
    expect(withinCaptureScope(answer(), 'list', 'PO-2')).toEqual(answer());
  });
});
