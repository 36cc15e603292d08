import { messageKey } from '../common/message-key';
import { activeLocaleTag, countOf, formatDateTime, formatNumber, i18n } from '../common/i18n';
import { useState } from 'react';
import type { AuditVerifyReply } from '../../utils/audit/audit-log';
import { sendMessage } from '../../utils/messaging/send-message-adapter';
import { OutcomeMessage } from '../common/OutcomeMessage';
import { useAction } from '../common/use-action';
import { useBackground } from '../common/use-background';
import { auditCsv } from '../compliance/audit-files';
import { auditActionText, auditActorText } from './audit-labels';
import { saveUntrackedFile } from '../compliance/file-download-adapter';
import { errorText } from '../retention/format-time';
import { vaultErrorMessage } from '../vault/vault-error-message';
import '../vault/vault.css';

const PAGE_SIZE = 50;

function dayStart(value: string): number | undefined {
  return value ? new Date(`${value}T00:00`).getTime() : undefined;
}

/** Options › Audit log: newest first, paged by seq, filtered by action and date; verification with the head and checkpoint; export; retention. */
export function AuditPage() {
  // Stack of page starts (beforeSeq); empty = newest page.
  const [pages, setPages] = useState<number[]>([]);
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const beforeSeq = pages.at(-1);
  const toAt = dayStart(to);
  const query = {
    limit: PAGE_SIZE,
    ...(beforeSeq === undefined ? {} : { beforeSeq }),
    ...(action ? { action } : {}),
    ...(from ? { fromAt: dayStart(from) } : {}),
    ...(toAt === undefined ? {} : { toAt: toAt + 86_400_000 - 1 }),
  };
  const { data, error } = useBackground('audit/list', query);
  const [verification, setVerification] = useState<AuditVerifyReply | 'busy' | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const [days, setDays] = useState('');
  const files = useAction(errorText);

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

  const exportLog = (format: 'json' | 'csv') =>
    files.run(async () => {
      const log = await sendMessage('audit/export', {});
      const stamp = new Date(log.exportedAt).toISOString().slice(0, 10);
      const blob = format === 'json' ? new Blob([JSON.stringify(log, null, 2)], { type: 'application/json' }) : new Blob([auditCsv(log)], { type: 'text/csv' });
      saveUntrackedFile(blob, `audit-log-${stamp}.${format}`);
      return i18n.t('audit.exported', log.entries.length, [String(log.entries.length)]);
    });

  const entries = data?.entries ?? [];
  const oldestShown = entries.at(-1)?.seq;
  const reset = () => setPages([]);
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
              : i18n.t('audit.verifyBroken', [String(verification.brokenAtSeq), i18n.t(`audit.reason.${messageKey(verification.reason)}`)])}
            {!verification.ok && verification.brokenEntry && ` — ${auditActionText(verification.brokenEntry.action)}, ${formatDateTime(verification.brokenEntry.at)}`}
            {!verification.ok &&
              verification.reason === 'truncated' &&
              verification.head &&
              ` — ${i18n.t('audit.truncatedDetail', [String(verification.head.seq), String(verification.lastSeq ?? 0)])}`}
          </span>
        )}
        {verifyError && <span className="sv-error">{verifyError}</span>}
        {data && <span className="sv-muted">{i18n.t('audit.total', data.total, [formatNumber(data.total)])}</span>}
      </div>
      {verification && verification !== 'busy' && verification.head && (
        <p className="sv-muted" data-testid="audit-head">
          {i18n.t('audit.head', [String(verification.head.seq), verification.head.hash.slice(0, 16)])}
        </p>
      )}
      <div className="sv-vault-inline" data-testid="audit-filter">
        <label>
          {i18n.t('audit.filter.action')}
          <select
            name="action"
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              reset();
            }}
          >
            <option value="">{i18n.t('audit.filter.all')}</option>
            {Object.keys(data?.countsByAction ?? {})
              .sort((x, y) => auditActionText(x).localeCompare(auditActionText(y), activeLocaleTag()))
              .map((a) => (
                <option key={a} value={a} title={a}>
                  {auditActionText(a)} ({data?.countsByAction[a]})
                </option>
              ))}
          </select>
        </label>
        <label>
          {i18n.t('audit.filter.from')}
          <input
            type="date"
            name="from"
            value={from}
            onChange={(e) => {
              setFrom(e.target.value);
              reset();
            }}
          />
        </label>
        <label>
          {i18n.t('audit.filter.to')}
          <input
            type="date"
            name="to"
            value={to}
            onChange={(e) => {
              setTo(e.target.value);
              reset();
            }}
          />
        </label>
        <button type="button" onClick={() => exportLog('json')} disabled={files.busy}>
          {i18n.t('audit.exportJson')}
        </button>
        <button type="button" onClick={() => exportLog('csv')} disabled={files.busy}>
          {i18n.t('audit.exportCsv')}
        </button>
        <OutcomeMessage outcome={files.message} inline />
      </div>
      {error && <p className="sv-error">{vaultErrorMessage(error)}</p>}
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
                {/* The recorded identifiers stay one hover away (title): they are what the JSON and CSV exports hold. */}
                <td title={e.actor}>{auditActorText(e.actor)}</td>
                <td title={e.action}>{auditActionText(e.action)}</td>
                {/* Counts' names and the detail (setting names, error codes) are shown as recorded: data-recorded. */}
                <td data-recorded>
                  {Object.entries(e.counts)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(', ')}
                </td>
                <td className="sv-audit-orders" title={e.orderSns.join(', ')}>
                  {e.orderSns.length > 3 ? `${e.orderSns.slice(0, 3).join(', ')} … (+${e.orderSns.length - 3})` : e.orderSns.join(', ')}
                </td>
                <td data-recorded>{e.detail ?? ''}</td>
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
      <form
        className="sv-vault-inline"
        data-testid="audit-retention"
        onSubmit={(e) => {
          e.preventDefault();
          void files.run(async () => {
            const done = await sendMessage('audit/set-retention', { days: Number(days) });
            return i18n.t('audit.retentionSaved', done.pruned, [String(done.pruned), String(done.days)]);
          });
        }}
      >
        <label>
          {i18n.t('audit.retentionLabel', [String(data?.retentionDays ?? '')])}
          <input type="number" name="auditRetentionDays" min={90} max={3650} required value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <button type="submit" disabled={files.busy}>
          {i18n.t('audit.retentionSave')}
        </button>
        {data?.checkpoint && <span className="sv-muted">{i18n.t('audit.checkpoint', [String(data.checkpoint.throughSeq), formatDateTime(data.checkpoint.prunedAt)])}</span>}
      </form>
    </section>
  );
}
