import { useState } from 'react';
import { i18n } from '../common/i18n';
import type { AddressFinding, PrecheckRule } from '../../utils/export/address-precheck';

const RULE_TEXT = {
  'missing-name': 'shippingRun.precheck.rule.missingName',
  'missing-street': 'shippingRun.precheck.rule.missingStreet',
  'missing-city': 'shippingRun.precheck.rule.missingCity',
  'missing-postcode': 'shippingRun.precheck.rule.missingPostcode',
  'missing-country': 'shippingRun.precheck.rule.missingCountry',
  'postcode-format': 'shippingRun.precheck.rule.postcodeFormat',
  'line-too-long': 'shippingRun.precheck.rule.lineTooLong',
  'non-latin': 'shippingRun.precheck.rule.nonLatin',
  'missing-phone': 'shippingRun.precheck.rule.missingPhone',
} as const satisfies Record<PrecheckRule, string>;

function findingText(finding: AddressFinding): string {
  return i18n.t(RULE_TEXT[finding.rule], [finding.field, String(finding.length ?? ''), String(finding.limit ?? '')]);
}

/**
 * The address pre-check's findings before a file is made (issue 14): per order, what looks
 * wrong (rule and field, never the value) and a choice, "hold" (the default: the order stays out
 * of this file) or "export anyway". Everything was checked in this page; nothing was sent.
 */
export function AddressPrecheckReview({ review, onDecide }: { review: { orderSn: string; findings: AddressFinding[] }[]; onDecide: (held: string[]) => void }) {
  const [exportAnyway, setExportAnyway] = useState<ReadonlySet<string>>(new Set());
  const choose = (orderSn: string, anyway: boolean) => {
    const next = new Set(exportAnyway);
    if (anyway) next.add(orderSn);
    else next.delete(orderSn);
    setExportAnyway(next);
  };
  const held = review.map((r) => r.orderSn).filter((sn) => !exportAnyway.has(sn));
  return (
    <section className="sv-precheck" data-testid="precheck-review">
      <p>{i18n.t('shippingRun.precheck.intro', review.length, [String(review.length)])}</p>
      <ul>
        {review.map(({ orderSn, findings }) => (
          <li key={orderSn} data-testid="precheck-order" data-order-sn={orderSn} data-rules={findings.map((f) => f.rule).join(' ')}>
            <strong>{orderSn}</strong>
            <ul>
              {findings.map((finding) => (
                <li key={`${finding.rule}:${finding.field}`}>{findingText(finding)}</li>
              ))}
            </ul>
            <label>
              <input type="radio" name={`precheck-${orderSn}`} checked={!exportAnyway.has(orderSn)} onChange={() => choose(orderSn, false)} data-testid="precheck-hold" />{' '}
              {i18n.t('shippingRun.precheck.hold')}
            </label>{' '}
            <label>
              <input type="radio" name={`precheck-${orderSn}`} checked={exportAnyway.has(orderSn)} onChange={() => choose(orderSn, true)} data-testid="precheck-export-anyway" />{' '}
              {i18n.t('shippingRun.precheck.exportAnyway')}
            </label>
          </li>
        ))}
      </ul>
      <button type="button" className="primary" onClick={() => onDecide(held)} data-testid="precheck-continue">
        {i18n.t('shippingRun.precheck.continue', [String(held.length)])}
      </button>
    </section>
  );
}
