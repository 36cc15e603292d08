import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { AuditActor, NoticeRecord } from '../db/records';
import { MessageError } from '../messaging/envelope';
import { eraseScopeInTransaction, resolveOrderList, scopeOrderSns, type DeletionScope } from './deletion-scope';
import { removeDueExportFiles } from './export-file-cleanup';

const HOUR_MS = 60 * 60 * 1000;
/** Policy: buyer data in a marketplace deletion notice is deleted within 72 hours. */
export const NOTICE_DELETE_WITHIN_MS = 72 * HOUR_MS;
/** Policy: every live copy is cleared within 90 days; the check is re-run until then and after. */
export const NOTICE_LIVE_COPY_WITHIN_MS = 90 * 24 * HOUR_MS;
/** A notice cannot be received in the future; a few minutes allow for clock drift. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export interface NoticeInput {
  receivedAt: number;
  scope: DeletionScope;
  reference: string;
}

/** The 90-day "no live copy" check, re-run on every view: copies that existed when the notice was carried out. */
export interface LiveCopyCheck {
  checkedAt: number;
  buyersLeft: number;
  liveFiles: number;
  sessionCaches: number;
  clean: boolean;
}

export interface NoticeView {
  id: number;
  receivedAt: number;
  scope: DeletionScope;
  reference: string;
  carriedOutAt: number | null;
  deletedBuyers: number;
  removedFiles: number;
  /** Listed order numbers that matched no stored order (not deleted: nothing was there to delete). */
  unmatchedOrderSns: string[];
  /** carriedOutAt - receivedAt */
  elapsedMs: number | null;
  withinPromise: boolean | null;
  liveCopyDueBy: number;
  check: LiveCopyCheck;
}

/**
 * Records a marketplace deletion notice and carries it out at once: the scope's buyers rows, the
 * orders' PII state, tracked export files and session caches, one audit entry (no PII: counts,
 * order numbers, scope kind). Files are removed after the database commit (browser calls cannot
 * run inside a Dexie transaction); a file that fails stays live and shows in the check.
 */
export async function recordDeletionNotice(deps: BackgroundDeps, input: NoticeInput, actor: AuditActor): Promise<NoticeView> {
  const { db } = deps;
  const now = deps.now();
  if (input.receivedAt > now + FUTURE_TOLERANCE_MS) throw new MessageError('invalid-request', 'The notice cannot have been received in the future.');

  const { id, erased } = await db.transaction('rw', [db.buyers, db.orders, db.items, db.exports, db.notices, db.audit], async () => {
    const unmatched = input.scope.kind === 'orders' ? (await resolveOrderList(db, input.scope.orderSns)).unmatched : [];
    const erased = await eraseScopeInTransaction(db, deps.shredKeys, input.scope, now);
    const record: NoticeRecord = {
      receivedAt: input.receivedAt,
      scope: input.scope,
      reference: input.reference,
      carriedOutAt: now,
      deletedBuyers: erased.length,
      removedFiles: 0,
      unmatchedOrderSns: unmatched,
    };
    const id = (await db.notices.add(record)) as number;
    await appendAudit(db, now, {
      actor,
      action: 'notice.carried-out',
      counts: { notice: id, buyers: erased.length, unmatched: unmatched.length },
      orderSns: erased,
      detail: `scope:${input.scope.kind}`,
    });
    return { id, erased };
  });

  const files = await removeDueExportFiles(deps, actor);
  await deps.sessionCaches.clear();
  await db.notices.update(id, { removedFiles: files.removed + files.missing });
  if (erased.length > 0 || files.removed + files.missing > 0) await deps.notifyChanged();
  const stored = await db.notices.get(id);
  return viewNotice(deps, stored!);
}

export async function listDeletionNotices(deps: BackgroundDeps): Promise<NoticeView[]> {
  const notices = await deps.db.notices.orderBy('receivedAt').reverse().toArray();
  return Promise.all(notices.map((n) => viewNotice(deps, n)));
}

async function viewNotice(deps: BackgroundDeps, notice: NoticeRecord): Promise<NoticeView> {
  const elapsedMs = notice.carriedOutAt == null ? null : Math.max(0, notice.carriedOutAt - notice.receivedAt);
  return {
    id: notice.id!,
    receivedAt: notice.receivedAt,
    scope: notice.scope,
    reference: notice.reference,
    carriedOutAt: notice.carriedOutAt,
    deletedBuyers: notice.deletedBuyers,
    removedFiles: notice.removedFiles,
    unmatchedOrderSns: notice.unmatchedOrderSns ?? [],
    elapsedMs,
    withinPromise: elapsedMs == null ? null : elapsedMs <= NOTICE_DELETE_WITHIN_MS,
    liveCopyDueBy: notice.receivedAt + NOTICE_LIVE_COPY_WITHIN_MS,
    check: await checkLiveCopies(deps, notice),
  };
}

/**
 * Buyers rows and live tracked files in the notice's scope that existed when it was carried out
 * (an address captured again afterwards is a new copy, governed by the normal retention rule),
 * plus any session cache. All three must be zero.
 */
export async function checkLiveCopies(deps: BackgroundDeps, notice: NoticeRecord): Promise<LiveCopyCheck> {
  const { db } = deps;
  const cutoff = notice.carriedOutAt ?? notice.receivedAt;
  const sns = await scopeOrderSns(db, notice.scope);
  const buyers = notice.scope.kind === 'all' ? db.buyers.toCollection() : db.buyers.where('orderSn').anyOf(sns);
  const files = notice.scope.kind === 'all' ? db.exports.where('state').equals('live') : db.exports.where('orderSns').anyOf(sns).distinct();
  const [buyersLeft, liveFiles, caches] = await Promise.all([
    buyers.filter((b) => b.capturedAt <= cutoff).count(),
    files.filter((f) => f.state === 'live' && f.createdAt <= cutoff).count(),
    deps.sessionCaches.list(),
  ]);
  return { checkedAt: deps.now(), buyersLeft, liveFiles, sessionCaches: caches.length, clean: buyersLeft + liveFiles + caches.length === 0 };
}
