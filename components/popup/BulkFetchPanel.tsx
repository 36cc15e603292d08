import { i18n } from '../common/i18n';
import { useEffect, useState } from 'react';
import { NOTE_REASONS } from '../../utils/bulk-fetch/note-reasons';
import { DEFAULT_REQUEST_INTERVAL_MS, REQUEST_INTERVAL_CHOICES_MS } from '../../utils/bulk-fetch/request-pacer';
import type { BulkFetchStatus } from '../../utils/seller-page/bulk-fetch-runner';
import { progressText, refusalText, summaryLines, timeLeftText } from '../banner/bulk-fetch-text';
import { useBackground } from '../common/use-background';
import { sendBulkFetchCommand } from './bulk-fetch-tab-adapter';

/** How often the popup reads the tab's progress while a batch runs. */
const POLL_MS = 500;

/**
 * Popup: "Fetch addresses for N to-ship orders" of the active seller-center tab's shop (issue 12).
 * The background plans and gates (button disabled with the reason when refused); the batch runs
 * in the tab, so closing the popup does not stop it; the popup reads its progress while open.
 */
export function BulkFetchPanel({ tabId, shopId }: { tabId: number; shopId: string }) {
  const plan = useBackground('bulk-fetch/plan', { shopId, orderSns: null });
  const [reason, setReason] = useState('');
  const [intervalMs, setIntervalMs] = useState<number>(DEFAULT_REQUEST_INTERVAL_MS);
  const [status, setStatus] = useState<BulkFetchStatus | null>(null);
  const running = status?.state === 'running' || status?.state === 'storing';

  useEffect(() => {
    let live = true;
    const read = () =>
      void sendBulkFetchCommand(tabId, { type: 'status' }).then((reply) => {
        if (live && reply) setStatus(reply.status);
      });
    read();
    const timer = setInterval(read, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [tabId]);

  const reload = plan.reload;
  const done = status?.state === 'done';
  useEffect(() => {
    if (done) reload();
  }, [done, reload]);

  const p = plan.data;
  if (!p) return null;
  const count = p.orderSns.length;
  const start = () => void sendBulkFetchCommand(tabId, { type: 'start', reasonType: Number(reason), intervalMs, orderSns: null }).then((reply) => reply && setStatus(reply.status));
  const cancel = () => void sendBulkFetchCommand(tabId, { type: 'cancel' }).then((reply) => reply && setStatus(reply.status));

  return (
    <section className="sv-bulk-fetch" data-testid="BulkFetchPanel">
      <h2>{i18n.t('bulkFetch.title')}</h2>
      {running && status ? (
        <div data-testid="bulk-fetch-progress" data-state={status.state}>
          <progress max={Math.max(1, status.total)} value={status.attempted} />
          <p data-testid="bulk-fetch-count">{progressText(status)}</p>
          {status.state === 'storing' ? (
            <p>{i18n.t('bulkFetch.storing')}</p>
          ) : (
            status.timeLeftMs !== null && <p data-testid="bulk-fetch-time-left">{timeLeftText(status.timeLeftMs)}</p>
          )}
          <button type="button" data-testid="bulk-fetch-cancel" onClick={cancel}>
            {i18n.t('bulkFetch.cancel')}
          </button>
        </div>
      ) : (
        <>
          {status?.state === 'done' && (
            <div data-testid="bulk-fetch-summary">
              {summaryLines(status).map((line) => (
                <p key={line}>{line}</p>
              ))}
            </div>
          )}
          {p.refusal === null && count > 0 && (
            <>
              <label>
                {i18n.t('bulkFetch.reason')}{' '}
                <select data-testid="bulk-fetch-reason" value={reason} onChange={(e) => setReason(e.target.value)}>
                  <option value="">{i18n.t('bulkFetch.reasonChoose')}</option>
                  {NOTE_REASONS.map((r) => (
                    <option key={r.code} value={String(r.code)}>
                      {i18n.t('bulkFetch.reasonShip')}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {i18n.t('bulkFetch.pace')}{' '}
                <select data-testid="bulk-fetch-pace" value={intervalMs} onChange={(e) => setIntervalMs(Number(e.target.value))}>
                  {REQUEST_INTERVAL_CHOICES_MS.map((ms) => (
                    <option key={ms} value={ms}>
                      {i18n.t('bulkFetch.paceEvery', [String(ms / 1000)])}
                    </option>
                  ))}
                </select>
              </label>
              <p className="sv-muted">{i18n.t('bulkFetch.paceHelp')}</p>
            </>
          )}
          {p.refusal === null && count === 0 ? (
            <p data-testid="bulk-fetch-none">{i18n.t('bulkFetch.none')}</p>
          ) : (
            <>
              <button type="button" data-testid="bulk-fetch-start" disabled={p.refusal !== null || reason === '' || count === 0} onClick={start}>
                {i18n.t('bulkFetch.button', [String(count)])}
              </button>
              {p.refusal !== null && (
                <p className="sv-muted" data-testid="bulk-fetch-refusal" data-refusal={p.refusal}>
                  {refusalText(p.refusal)}
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
