import { browser } from 'wxt/browser';
import type { BrowserPorts } from '../background-deps';
import { LOCAL_KEYS } from '../storage-keys';
import type { AuditHead } from './audit-head';

function parseHead(raw: unknown): AuditHead | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { seq, hash, at } = raw as Record<string, unknown>;
  return typeof seq === 'number' && typeof hash === 'string' && typeof at === 'number' ? { seq, hash, at } : null;
}

/** storage.local `auditHead`: outside IndexedDB, so removing the log's last entries there leaves it behind. */
export const auditHeadStore: BrowserPorts['auditHead'] = {
  async read() {
    return parseHead((await browser.storage.local.get(LOCAL_KEYS.auditHead))[LOCAL_KEYS.auditHead]);
  },
  async write(head) {
    await browser.storage.local.set({ [LOCAL_KEYS.auditHead]: head });
  },
};
