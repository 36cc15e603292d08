import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePackageQuery, parseShipAction } from './package-parser';

/** Shapes from public tools (tests/fixtures/seller-center-shapes/SOURCES.md). */
const shape = (name: string) => JSON.parse(readFileSync(new URL(`../../tests/fixtures/seller-center-shapes/${name}`, import.meta.url), 'utf8'));

describe('package answers', () => {
  it('reads tracking numbers and carriers by parent order from main_batch_query', () => {
    const byOrder = parsePackageQuery(shape('package-main-batch-query.json'));
    expect([...byOrder]).toEqual([['PO-211-09990000000000401', [{ packageSn: 'PK-0990000000000000401', trackingNumber: '1Z999AA10000000401', carrier: 'UPS' }]]]);
  });

  it('refuses an expired login and junk, and drops ids that are not ids', () => {
    expect(() => parsePackageQuery(shape('package-main-batch-query-login-expired.json'))).toThrow(/expired/);
    expect(() => parsePackageQuery({ result: { package_info_result_list: 'x' } })).toThrow(/shape/);
    const hostile = parsePackageQuery({
      success: true,
      result: {
        package_info_result_list: [
          { package_sn: '<img src=x>', tracking_number: '1Z\u202eEVIL', shipping_company_name: '=HYPERLINK("x")', order_send_info_list: [{ parent_order_sn: 'PO-211-1' }] },
        ],
      },
    });
    // Markup and formulas are not ids and go; the override character is stripped (issue 16), the tracking number it hid stays.
    expect(hostile.get('PO-211-1')).toEqual([{ packageSn: null, trackingNumber: '1ZEVIL', carrier: null }]);
  });

  it('a successful ship action ships exactly the orders its request names', () => {
    const action = parseShipAction(JSON.stringify(shape('package-batch-send-request.json')), shape('package-batch-send-response.json'));
    expect(action.shipped).toEqual([{ orderSn: 'PO-211-09990000000000401', packages: [{ packageSn: null, trackingNumber: '1Z999AA10000000401', carrier: null }] }]);
  });

  it('an error answer or a request naming no orders ships nothing', () => {
    const request = JSON.stringify(shape('package-batch-send-request.json'));
    expect(() => parseShipAction(request, { success: false, error_code: 4000001 })).toThrow(/error/);
    expect(() => parseShipAction(request, { success: false, error_code: 20002 })).toThrow(/busy/);
    expect(() => parseShipAction(null, { success: true })).toThrow(/names no orders/);
    expect(() => parseShipAction('{not json', { success: true })).toThrow(/not JSON/);
  });
});
