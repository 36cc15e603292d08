import { browser } from 'wxt/browser';
import { recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import { inKeyQueue, isRecentOwnWrite, type MirroredKey, readTrustedCopy, restoreMirror } from './trusted-copies-adapter';

const MIRRORED: MirroredKey[] = ['consent', 'settings'];

/**
 * Issue 16: storage.local `consent` and `settings` are mirrors that content scripts can write.
 * Whenever one changes to anything but the trusted copy (a write the background did not make),
 * the mirror is put back and the event audited (`security.mirror-restored`, the key only).
 * Registered synchronously at the worker's top level (a storage change wakes a stopped worker);
 * the wake check covers changes made while no listener ran. Background decisions never read the
 * mirror, so a forged one changes nothing even before it is restored.
 */
export function registerMirrorGuard(deps: BackgroundDeps): void {
  // In the key's queue, so a write of the background is either wholly before or wholly after the check.
  const check = (key: MirroredKey, seenAt: () => Promise<unknown>) =>
    inKeyQueue(key, async () => {
      const seen = await seenAt();
      const trusted = await readTrustedCopy(key);
      const seenJson = JSON.stringify(seen ?? null);
      if (seenJson === JSON.stringify(trusted ?? null)) return;
      await restoreMirror(key, trusted);
      if (!isRecentOwnWrite(key, seenJson)) {
        await recordAudit(deps.db, deps.now(), { actor: 'background', action: 'security.mirror-restored', detail: key });
      }
    });
  const report = (err: unknown) => console.error('[seller-vault] mirror check failed', err);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    for (const key of MIRRORED) {
      const change = changes[key];
      if (change) check(key, async () => change.newValue).catch(report);
    }
  });
  // The wake check reads the mirror inside the queue: a snapshot taken before a write finished is stale.
  for (const key of MIRRORED) check(key, async () => (await browser.storage.local.get(key))[key]).catch(report);
}
