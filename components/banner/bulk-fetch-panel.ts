import { i18n } from '#i18n';
import { NOTE_REASONS } from '../../utils/bulk-fetch/note-reasons';
import { REQUEST_INTERVAL_CHOICES_MS } from '../../utils/bulk-fetch/request-pacer';
import type { BulkFetchStatus } from '../../utils/seller-page/bulk-fetch-runner';
import { button, element } from './banner-host';
import { progressText, summaryLines, timeLeftText } from './bulk-fetch-text';

export interface BulkFetchPanelActions {
  onStart: (reasonType: number, intervalMs: number) => void;
  onCancel: () => void;
}

const PANEL_CSS = `:host{all:initial !important;}
.sv-bulk{position:fixed;left:16px;bottom:16px;z-index:2147483000;max-width:320px;display:flex;flex-direction:column;gap:6px;padding:10px 12px;border-radius:8px;background:#fff;color:#1f2328;border:1px solid #d0d7de;box-shadow:0 4px 14px rgba(0,0,0,.15);font:13px/1.4 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif}
.sv-bulk p{margin:0}.sv-bulk select,.sv-bulk button{font:inherit}.sv-bulk progress{width:100%}
.sv-bulk__go{cursor:pointer;padding:4px 10px;border-radius:6px;border:1px solid #fb7701;background:#fb7701;color:#fff}.sv-bulk__go:disabled{opacity:.5;cursor:default}`;

/**
 * The in-page bulk-fetch panel on the seller center's orders page (issue 12): plain DOM in a
 * closed shadow root like the authorize banner (page scripts cannot reach or click it; only
 * trusted clicks act), every string as text. Shown only for an authorized shop with cookie use
 * and bulk fetch allowed; the popup explains the other cases.
 */
export function createBulkFetchPanel(actions: BulkFetchPanelActions) {
  let host: HTMLElement | null = null;
  let body: HTMLElement | null = null;
  let eligible = 0;
  let status: BulkFetchStatus | null = null;

  const remove = () => {
    host?.remove();
    host = null;
    body = null;
  };

  function select(label: string, options: [string, string][]): [HTMLLabelElement, HTMLSelectElement] {
    const wrap = element('label', '', label);
    const sel = element('select', '');
    for (const [value, text] of options) {
      const o = element('option', '', text);
      o.value = value;
      sel.append(o);
    }
    wrap.append(' ', sel);
    return [wrap, sel];
  }

  function render() {
    if (!body) return;
    body.replaceChildren(element('strong', '', i18n.t('bulkFetch.title')));
    const running = status?.state === 'running' || status?.state === 'storing';
    if (running && status) {
      const bar = element('progress', '');
      bar.max = Math.max(1, status.total);
      bar.value = status.attempted;
      body.append(bar, element('p', '', progressText(status)));
      if (status.state === 'storing') body.append(element('p', '', i18n.t('bulkFetch.storing')));
      else if (status.timeLeftMs !== null) body.append(element('p', '', timeLeftText(status.timeLeftMs)));
      body.append(button('', i18n.t('bulkFetch.cancel'), actions.onCancel));
      return;
    }
    if (status?.state === 'done') for (const line of summaryLines(status)) body.append(element('p', '', line));
    if (eligible === 0) {
      body.append(element('p', '', i18n.t('bulkFetch.none')));
      return;
    }
    const [reasonLabel, reason] = select(i18n.t('bulkFetch.reason'), [
      ['', i18n.t('bulkFetch.reasonChoose')],
      ...NOTE_REASONS.map((r): [string, string] => [String(r.code), i18n.t('bulkFetch.reasonShip')]),
    ]);
    const [paceLabel, pace] = select(
      i18n.t('bulkFetch.pace'),
      REQUEST_INTERVAL_CHOICES_MS.map((ms): [string, string] => [String(ms), i18n.t('bulkFetch.paceEvery', [String(ms / 1000)])]),
    );
    const go = button('sv-bulk__go', i18n.t('bulkFetch.button', [String(eligible)]), () => actions.onStart(Number(reason.value), Number(pace.value)));
    go.disabled = true;
    reason.addEventListener('change', () => {
      go.disabled = reason.value === '';
    });
    body.append(reasonLabel, paceLabel, go);
  }

  function ensureHost() {
    if (host) return;
    const el = document.createElement('seller-vault-bulk-fetch');
    const shadow = el.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = PANEL_CSS;
    body = element('section', 'sv-bulk');
    body.dataset.testid = 'sv-bulk-fetch-panel';
    // Keys typed in the panel do not reach the page's shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) body.addEventListener(type, (e) => e.stopPropagation());
    shadow.append(style, body);
    document.body.append(el);
    host = el;
  }

  return {
    /** Shows the panel with the number of orders a batch would ask about, or removes it (null). */
    setEligible(count: number | null) {
      if (count === null) return remove();
      eligible = count;
      ensureHost();
      render();
    },
    setStatus(next: BulkFetchStatus) {
      status = next;
      if (host) render();
    },
  };
}
