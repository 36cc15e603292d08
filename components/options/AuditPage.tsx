import { countOf, formatDateTime, formatNumber, i18n } from '../common/i18n';
import { useState } from 'react';
import type { AuditVerification } from '../../utils/audit/audit-chain';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { useBackground } from '../common/use-background';
import { vaultErrorMessage } from '../vault/vault-error-message';
import '../vault/vault.css';

const PAGE_SIZE = 50;

/** Options › Audit log: newest first, paged by seq; chain verification; counts per action. */
export function AuditPage() {
  // Stack of page starts (beforeSeq); empty = newest page.
  const [pages, setPages] = useState<number[]>([]);
  const beforeSeq = pages.at(-1);
  const { data, error } = useBackground('audit/list', beforeSeq === undefined ? { limit: PAGE_SIZE } : { beforeSeq, limit: PAGE_SIZE });
  const [verification, setVerification] = useState<AuditVerification | 'busy' | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);

  async function verify() {
    setVerification('busy');
    setVerifyError(null);
    try {
      setVerification(await sendMessage('audit/verify', {}));
    } catch (err) {
      setVerification(null);
      setVerifyError(vaultErrorMessage(err));
    }
  }

  const entries = data?.entries ?? [];
  const oldestShown = entries.at(-1)?.seq;
  return (
    <section data-testid="AuditPage">
      <h2>{i18n.t('audit.title')}</h2>
      <p className="sv-muted">{i18n.t('audit.intro')}</p>
      <div className="sv-vault-inline">
        <button type="button" onClick={verify} disabled={verification === 'busy'}>
          {verification === 'busy' ? i18n.t('audit.verifying') : i18n.t('audit.verify')}
        </button>
        {verification && verification !== 'busy' && (
          <span data-testid="audit-verify-result" className={verification.ok ? 'sv-ok' : 'sv-error'}>
            {verification.ok
              ? i18n.t('audit.verifyOk', [countOf('entries', verification.checked)])
              : i18n.t('audit.verifyBroken', [String(verification.brokenAtSeq), verification.reason])}
          </span>
        )}
        {verifyError && <span className="sv-error">{verifyError}</span>}
        {data && <span className="sv-muted">{i18n.t('audit.total', data.total, [formatNumber(data.total)])}</span>}
      </div>
      {error && <p className="sv-error">{vaultErrorMessage(error)}</p>}
      {data && Object.keys(data.countsByAction).length > 0 && (
        <details>
          <summary>{i18n.t('audit.countsHeading')}</summary>
          <table data-testid="audit-counts">
            <tbody>
              {Object.entries(data.countsByAction)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([action, count]) => (
                  <tr key={action}>
                    <td>{action}</td>
                    <td>{count}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}
      {data && entries.length === 0 && <p className="sv-muted">{i18n.t('audit.empty')}</p>}
      {entries.length > 0 && (
        <table className="sv-audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{i18n.t('audit.col.seq')}</th>
              <th>{i18n.t('audit.col.at')}</th>
              <th>{i18n.t('audit.col.actor')}</th>
              <th>{i18n.t('audit.col.action')}</th>
              <th>{i18n.t('audit.col.counts')}</th>
              <th>{i18n.t('audit.col.orders')}</th>
              <th>{i18n.t('audit.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.seq} data-action={e.action}>
                <td>{e.seq}</td>
                <td>{formatDateTime(e.at)}</td>
                <td>{e.actor}</td>
                <td>{e.action}</td>
                <td>
                  {Object.entries(e.counts)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(', ')}
                </td>
                <td className="sv-audit-orders" title={e.orderSns.join(', ')}>
                  {e.orderSns.length > 3 ? `${e.orderSns.slice(0, 3).join(', ')} … (+${e.orderSns.length - 3})` : e.orderSns.join(', ')}
                </td>
                <td>{e.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="sv-vault-inline">
        <button type="button" disabled={pages.length === 0} onClick={() => setPages((p) => p.slice(0, -1))}>
          {i18n.t('audit.newer')}
        </button>
        <button
          type="button"
          disabled={oldestShown === undefined || oldestShown <= 1 || entries.length < PAGE_SIZE}
          onClick={() => oldestShown !== undefined && setPages((p) => [...p, oldestShown])}
        >
          {i18n.t('audit.older')}
        </button>
      </div>
    </section>
  );
}
