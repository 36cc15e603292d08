// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { normalizeAddress } from '../capture/address-normalizer';
import { countryAlpha2 } from '../geo/country-code';
import { extractDomAddress, findAddressBlock, findShownOrderSn, orderForDomAddress } from './dom-address';

function dom(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  return root;
}

describe('DOM address extraction', () => {
  it('reads label/value rows (English) under a data-testid block, ignoring hashed classes', () => {
    const root = dom(`
      <div class="_3AHRHYjy" data-testid="beast-core-shipping-address">
        <div class="_x1"><span class="_l9">Recipient:</span><span class="_v2">Jürgen Weiß</span></div>
        <div><span>Phone:</span><span>+49 151 23456789</span></div>
        <div><span>Email:</span><span>****</span></div>
        <div><span>Address line 1:</span><span>Straße des 17. Juni 135</span></div>
        <div><span>Address line 2:</span><span>Hinterhaus</span></div>
        <div><span>City:</span><span>Berlin</span></div>
        <div><span>State/Province:</span><span>Berlin</span></div>
        <div><span>Postal code:</span><span>10623</span></div>
        <div><span>Country:</span><span>Germany</span></div>
      </div>`);
    const block = findAddressBlock(root)!;
    const fields = extractDomAddress(block);
    expect(fields).toEqual({
      receiptName: 'Jürgen Weiß',
      mobile: '+49 151 23456789',
      mail: '****',
      addressLine1: 'Straße des 17. Juni 135',
      addressLine2: 'Hinterhaus',
      regionName3: 'Berlin',
      regionName2: 'Berlin',
      postCode: '10623',
      regionName1: 'Germany',
    });
    const r = normalizeAddress(fields, 'PO-1-1', '1', 'dom', countryAlpha2);
    expect(r.ok && r.address.pii).toMatchObject({ email: null, countryCode: 'DE' });
  });

  it('reads Chinese labels under an address heading, and data-testid fields', () => {
    const root = dom(`
      <h3>收货地址</h3>
      <dl>
        <dt>收件人：</dt><dd>王小明</dd>
        <dt>手机号</dt><dd>+1 415-555-0132</dd>
        <dt>详细地址：</dt><dd>1600 Amphitheatre Pkwy</dd>
        <dt>邮编：</dt><dd><span data-testid="addr-post-code">94043</span></dd>
        <dt>国家/地区：</dt><dd>美国</dd>
      </dl>`);
    const fields = extractDomAddress(findAddressBlock(root)!);
    expect(fields).toMatchObject({ receiptName: '王小明', mobile: '+1 415-555-0132', addressLine1: '1600 Amphitheatre Pkwy', postCode: '94043', regionName1: '美国' });
  });

  it('takes text only: markup in values never becomes HTML', () => {
    const root = dom(`<div data-testid="shipping-address"><p><b>Name:</b> &lt;img src=x onerror=alert(1)&gt; Eve</p><p><b>Address:</b> 1 Main St</p></div>`);
    const fields = extractDomAddress(findAddressBlock(root)!);
    expect(fields.receiptName).toBe('<img src=x onerror=alert(1)> Eve');
    expect(fields.addressLine1).toBe('1 Main St');
  });

  it('finds nothing on pages without an address block, and ignores huge blocks', () => {
    expect(findAddressBlock(dom('<div><h3>Orders</h3><table></table></div>'))).toBeNull();
    const huge = dom(`<div data-testid="shipping-address"><span>Name:</span><span>${'x'.repeat(5000)}</span></div>`);
    expect(extractDomAddress(findAddressBlock(huge)!)).toEqual({});
  });

  it('takes the order number shown with the address, and only when it matches the URL', () => {
    const A = 'PO-211-01861395087993272';
    const B = 'PO-211-01861395087993273';
    // The fixture's DOM variant: the order number in the page heading, the address below.
    const page = dom(`<script>var stale = "${B}";</script><h1 class="_1xYk2Qd">Order ${A}</h1><h3>Shipping address</h3>
      <div data-testid="beast-core-shipping-address"><div><span>Recipient:</span><span>Anna</span></div></div>`);
    const block = findAddressBlock(page)!;
    expect(findShownOrderSn(block)).toBe(A);
    expect(orderForDomAddress(A, findShownOrderSn(block))).toEqual({ ok: true, orderSn: A });
    // In-page navigation: the URL names B while A's page (and address) is still shown.
    expect(orderForDomAddress(B, findShownOrderSn(block))).toMatchObject({ ok: false, reason: expect.stringMatching(/differs/) });

    // Nearest wins: the number inside the address card beats a list of other numbers further up.
    const card = dom(`<p>Related: ${B}</p><section><span>Order ${A}</span><div data-testid="shipping-address"><span>Name:</span><span>X</span></div></section>`);
    expect(findShownOrderSn(findAddressBlock(card)!)).toBe(A);
    // Two different numbers at the same distance: ambiguous, and no number at all: nothing taken.
    const two = dom(`<h1>${A} / ${B}</h1><div data-testid="shipping-address"><span>Name:</span><span>X</span></div>`);
    expect(findShownOrderSn(findAddressBlock(two)!)).toBeNull();
    const none = dom(`<div data-testid="shipping-address"><span>Name:</span><span>X</span></div>`);
    expect(orderForDomAddress(A, findShownOrderSn(findAddressBlock(none)!))).toMatchObject({ ok: false });
    expect(orderForDomAddress(null, A)).toMatchObject({ ok: false });
  });
});
