/**
 * DOM fallback for the buyer address (issue 4): reads the address block the seller sees on the
 * order-detail / shipping page as TEXT ONLY. Class names are hashed per build (reference:
 * Caveats), so this goes by `data-testid` attributes and visible labels (English and Chinese).
 * Output uses the address API's field names so one normalizer handles all three sources.
 */
export type DomAddressField =
  | 'receiptName'
  | 'mobile'
  | 'mail'
  | 'addressLine1'
  | 'addressLine2'
  | 'addressLine3'
  | 'regionName1'
  | 'regionName2'
  | 'regionName3'
  | 'regionName4'
  | 'postCode'
  | 'taxCode';

export type DomAddress = Partial<Record<DomAddressField, string>>;

const LABELS: Record<DomAddressField, readonly string[]> = {
  receiptName: ['recipient', 'recipient name', 'receiver', 'consignee', 'name', 'full name', '收件人', '收货人', '姓名'],
  mobile: ['phone', 'phone number', 'mobile', 'tel', 'telephone', '电话', '手机', '手机号', '联系电话'],
  mail: ['email', 'e-mail', 'mail', '邮箱', '电子邮箱'],
  addressLine1: ['address', 'address line 1', 'street', 'street address', '地址', '详细地址', '地址1', '地址行1'],
  addressLine2: ['address line 2', 'apt, suite', '地址2', '地址行2'],
  addressLine3: ['address line 3', '地址3', '地址行3'],
  regionName1: ['country', 'country/region', '国家', '国家/地区'],
  regionName2: ['state', 'province', 'state/province', 'region', '州', '省', '州/省', '省/州'],
  regionName3: ['city', '城市'],
  regionName4: ['district', 'county', '区', '区县'],
  postCode: ['zip', 'zip code', 'postal code', 'postcode', 'post code', '邮编', '邮政编码'],
  taxCode: ['tax id', 'tax code', '税号'],
};

/** `data-testid` tokens (after the last "-address-"/"-" prefix) naming a field. */
const TESTID_FIELDS: Record<string, DomAddressField> = {
  'receipt-name': 'receiptName',
  name: 'receiptName',
  recipient: 'receiptName',
  mobile: 'mobile',
  phone: 'mobile',
  mail: 'mail',
  email: 'mail',
  'address-line1': 'addressLine1',
  line1: 'addressLine1',
  'address-line2': 'addressLine2',
  line2: 'addressLine2',
  'address-line3': 'addressLine3',
  line3: 'addressLine3',
  country: 'regionName1',
  'region-name1': 'regionName1',
  state: 'regionName2',
  'region-name2': 'regionName2',
  city: 'regionName3',
  'region-name3': 'regionName3',
  district: 'regionName4',
  'region-name4': 'regionName4',
  'post-code': 'postCode',
  postcode: 'postCode',
  zip: 'postCode',
  'tax-code': 'taxCode',
};

const FIELD_BY_LABEL = new Map<string, DomAddressField>(
  (Object.entries(LABELS) as [DomAddressField, readonly string[]][]).flatMap(([field, labels]) => labels.map((l) => [l, field] as const)),
);

/** Largest block we read: an address is a few hundred characters; more means we found the wrong element. */
const MAX_BLOCK_TEXT = 4000;
const ADDRESS_HEADINGS = /^(shipping address|delivery address|recipient information|收货地址|收件信息|收货信息)[:：]?$/i;

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function labelKey(raw: string): string {
  return raw
    .replace(/[:：*]\s*$/, '')
    .trim()
    .toLowerCase();
}

/** The address block on the page: a `data-testid` naming it, else the element under an address heading. */
export function findAddressBlock(root: ParentNode): Element | null {
  const byTestId = root.querySelector('[data-testid*="shipping-address" i], [data-testid*="receiver-info" i], [data-testid*="address-info" i]');
  if (byTestId) return byTestId;
  for (const heading of root.querySelectorAll('h1, h2, h3, h4, h5, h6, legend, [role="heading"], dt, strong, b')) {
    if (ADDRESS_HEADINGS.test(text(heading))) {
      return heading.nextElementSibling ?? heading.parentElement;
    }
  }
  return null;
}

/** Reads field values from an address block; returns only fields it found (text, trimmed, never HTML). */
export function extractDomAddress(block: Element): DomAddress {
  const out: DomAddress = {};
  if (text(block).length > MAX_BLOCK_TEXT) return out;

  for (const el of block.querySelectorAll('[data-testid]')) {
    const testId = (el.getAttribute('data-testid') ?? '').toLowerCase();
    const token = Object.keys(TESTID_FIELDS)
      .filter((t) => testId === t || testId.endsWith(`-${t}`))
      .sort((a, b) => b.length - a.length)[0];
    const value = text(el);
    if (token && value && !out[TESTID_FIELDS[token]!]) out[TESTID_FIELDS[token]!] = value;
  }

  for (const el of block.querySelectorAll('*')) {
    if (el.children.length > 0) continue;
    const field = FIELD_BY_LABEL.get(labelKey(text(el)));
    if (!field || out[field]) continue;
    const value = valueAfterLabel(el);
    if (value) out[field] = value;
  }
  return out;
}

/** The value beside a label: its next sibling element, or the rest of its parent's text. */
function valueAfterLabel(label: Element): string {
  const sibling = label.nextElementSibling;
  if (sibling) return text(sibling);
  const parent = label.parentElement;
  if (!parent) return '';
  const rest = text(parent).slice(text(label).length).trim();
  return rest;
}

/** A Temu parent order number as the page shows it ("PO-211-01861395087993272"). */
const SHOWN_PARENT_ORDER_SN = /\bPO-\d{2,4}-\d{5,20}\b/g;
const NOT_SHOWN = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** Visible-ish text of an element: script/style/template contents are not page content. */
function shownText(el: Element): string {
  let out = '';
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out += ` ${child.textContent ?? ''}`;
      else if (child.nodeType === 1 && !NOT_SHOWN.has((child as Element).tagName.toUpperCase())) walk(child);
    }
  };
  walk(el);
  return out;
}

/**
 * The parent order number shown nearest to the address block: the closest ancestor (the block
 * itself first) whose text names one; null when none does or that ancestor names more than one.
 */
export function findShownOrderSn(block: Element): string | null {
  for (let el: Element | null = block; el; el = el.parentElement) {
    const found = new Set(shownText(el).match(SHOWN_PARENT_ORDER_SN) ?? []);
    if (found.size === 1) return [...found][0]!;
    if (found.size > 1) return null;
  }
  return null;
}

export type DomAddressOrder = { ok: true; orderSn: string } | { ok: false; reason: string };

/**
 * Which order a visible address belongs to. The URL alone is not enough: during in-page
 * navigation the URL may already name the next order while the previous one's address is still
 * shown. Both must name the same order, or the address is not taken.
 */
export function orderForDomAddress(urlOrderSn: string | null, shownOrderSn: string | null): DomAddressOrder {
  if (!urlOrderSn) return { ok: false, reason: 'no parent_order_sn in the page URL' };
  if (!shownOrderSn) return { ok: false, reason: 'no single order number shown near the address' };
  if (shownOrderSn !== urlOrderSn) return { ok: false, reason: 'the order number shown differs from the URL (page still changing)' };
  return { ok: true, orderSn: urlOrderSn };
}
