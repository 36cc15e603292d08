import { appendAudit, recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import { itemsOfOrders } from '../db/order-items';
import type { AuditActor, RequestRecord } from '../db/records';
import { noteDownloadIntent } from '../export-jobs/download-intents';
import { MessageError } from '../messaging/envelope';
import { eraseScopeInTransaction } from '../retention/deletion-scope';
import { removeDueExportFiles } from '../retention/export-file-cleanup';
import { openBuyers } from '../vault/buyer-store';
import { forgetRequestNotes, openRequestNotes, type RequestNotes, sealRequestNotes } from '../vault/request-notes';
import { MAX_OPEN_ORDERS } from '../vault/vault-messages';
import { buildAccessAnswer, type AccessAnswer } from './access-export';
import { matchBuyer } from './buyer-match';
import {
  applyRequestEvent,
  completeDueAt,
  type RequestEvent,
  type RequestKind,
  type RequestTimeline,
  RequestTransitionError,
  policyDeadline,
  requestOutcome,
  requestUrgency,
  verifyDueAt,
  workingDeadline,
} from './request-deadlines';
import type { BuyerMatch, RequestView } from './request-messages';

const DAY_MS = 24 * 60 * 60 * 1000;
/**
 * The requester's contact, the details and a delay reason are kept 35 days from receipt (the 7-day
 * maximum plus the 28-day retention of buyer data), then their shred key file goes with the
 * day's purge and they cannot be opened (docs/decisions.md).
 */
export const REQUEST_NOTES_KEEP_MS = 35 * DAY_MS;
/** A request cannot be received in the future; a few minutes allow for clock drift. */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;
/** Stored addresses one search opens at most (each is an audited decrypt). */
export const MAX_REQUEST_SEARCH = 5000;

function timelineOf(r: RequestRecord): RequestTimeline {
  return { state: r.state, receivedAt: r.receivedAt, verifiedAt: r.verifiedAt, closedAt: r.closedAt, delay: r.delay };
}

export function viewRequest(r: RequestRecord, now: number): RequestView {
  const t = timelineOf(r);
  return {
    id: r.id!,
    kind: r.kind,
    state: r.state,
    receivedAt: r.receivedAt,
    verifiedAt: r.verifiedAt,
    closedAt: r.closedAt,
    verifyDueAt: verifyDueAt(t),
    completeDueAt: completeDueAt(t),
    next: policyDeadline(t),
    working: workingDeadline(t),
    urgency: requestUrgency(t, now),
    outcome: requestOutcome(t, now),
    delay: r.delay,
    orderSns: r.orderSns,
    actions: r.actions,
    notesExpireAt: r.receivedAt + REQUEST_NOTES_KEEP_MS,
  };
}

export async function listRequests(deps: BackgroundDeps): Promise<RequestView[]> {
  const now = deps.now();
  return (await deps.db.requests.orderBy('receivedAt').reverse().toArray()).map((r) => viewRequest(r, now));
}

async function getRequest(deps: BackgroundDeps, id: number): Promise<RequestRecord> {
  const row = await deps.db.requests.get(id);
  if (!row) throw new MessageError('not-found', 'No such request');
  return row;
}

export async function recordRequest(
  deps: BackgroundDeps,
  input: { kind: RequestKind; receivedAt: number; contact: string; details: string },
  actor: AuditActor,
): Promise<RequestView> {
  const now = deps.now();
  if (input.receivedAt > now + FUTURE_TOLERANCE_MS) throw new MessageError('invalid-request', 'The request cannot have been received in the future.');
  const sealRef = crypto.randomUUID();
  const sealed = await sealRequestNotes(deps, sealRef, { contact: input.contact, details: input.details, delayReason: null }, input.receivedAt + REQUEST_NOTES_KEEP_MS);
  const timeline: RequestTimeline = { state: 'received', receivedAt: input.receivedAt, verifiedAt: null, closedAt: null, delay: null };
  const row: RequestRecord = { kind: input.kind, ...timeline, dueAt: workingDeadline(timeline)?.dueAt ?? null, orderSns: [], actions: [], sealRef, sealed };
  const id = await deps.db.transaction('rw', deps.db.requests, deps.db.audit, async () => {
    const id = (await deps.db.requests.add(row)) as number;
    await appendAudit(deps.db, now, { actor, action: 'request.record', counts: { request: id }, detail: `kind:${input.kind}` });
    return id;
  });
  await deps.notifyChanged();
  return viewRequest({ ...row, id }, now);
}

/** One step of the state machine, stored with its working deadline and audited. */
export async function advanceRequest(deps: BackgroundDeps, id: number, event: RequestEvent, actor: AuditActor, sealedChange?: Uint8Array): Promise<RequestView> {
  const now = deps.now();
  const { db } = deps;
  const next = await db.transaction('rw', db.requests, db.audit, async () => {
    const row = await getRequest(deps, id);
    let t: RequestTimeline;
    try {
      t = applyRequestEvent(timelineOf(row), event, now);
    } catch (err) {
      if (err instanceof RequestTransitionError) throw new MessageError('conflict', err.message);
      throw err;
    }
    const next: RequestRecord = { ...row, ...t, dueAt: workingDeadline(t)?.dueAt ?? null, ...(sealedChange ? { sealed: sealedChange } : {}) };
    await db.requests.put(next);
    await appendAudit(db, now, { actor, action: `request.${event.type}`, counts: { request: id }, orderSns: row.orderSns, detail: `kind:${row.kind}` });
    return next;
  });
  await deps.notifyChanged();
  return viewRequest(next, now);
}

export async function delayRequest(deps: BackgroundDeps, id: number, reason: string, newExpectedAt: number, actor: AuditActor): Promise<RequestView> {
  const row = await getRequest(deps, id);
  const [notes] = await openRequestNotes(deps, [row]);
  if (!notes) throw new MessageError('conflict', 'The request notes can no longer be opened');
  // Re-sealed with the reason under a fresh key, expiring on the same day; the old key goes.
  const sealed = await sealRequestNotes(deps, row.sealRef, { ...notes, delayReason: reason }, row.receivedAt + REQUEST_NOTES_KEEP_MS);
  const view = await advanceRequest(deps, id, { type: 'delay', newExpectedAt }, actor, sealed);
  await forgetRequestNotes(deps, row.sealed);
  return view;
}

export async function readRequestNotes(deps: BackgroundDeps, ids: number[], actor: AuditActor): Promise<Record<number, RequestNotes | null>> {
  const rows = (await deps.db.requests.bulkGet(ids)).filter((r): r is RequestRecord => r !== undefined);
  const notes = await openRequestNotes(deps, rows);
  await recordAudit(deps.db, deps.now(), { actor, action: 'request.notes-open', counts: { requests: rows.length, opened: notes.filter(Boolean).length } });
  return Object.fromEntries(rows.map((r, i) => [r.id!, notes[i] ?? null]));
}

/** Opens stored addresses in chunks (each chunk one audited `buyers.open`) and keeps those that match. */
export async function findBuyer(deps: BackgroundDeps, query: string, actor: AuditActor): Promise<{ matches: BuyerMatch[]; searched: number }> {
  const stored = ((await deps.db.buyers.toCollection().primaryKeys()) as string[]).slice(0, MAX_REQUEST_SEARCH);
  const shops = new Map((await deps.db.orders.bulkGet(stored)).map((o) => [o?.orderSn ?? '', o?.shopId ?? '']));
  const matches: BuyerMatch[] = [];
  for (let i = 0; i < stored.length; i += MAX_OPEN_ORDERS) {
    const chunk = stored.slice(i, i + MAX_OPEN_ORDERS);
    const { results } = await openBuyers(deps, chunk, actor);
    for (const orderSn of chunk) {
      const opened = results[orderSn];
      if (opened?.state !== 'ok') continue;
      const matchedOn = matchBuyer(query, orderSn, opened.pii);
      if (matchedOn) matches.push({ orderSn, shopId: shops.get(orderSn) ?? '', matchedOn, pii: opened.pii });
    }
  }
  return { matches, searched: stored.length };
}

export async function linkOrders(deps: BackgroundDeps, id: number, orderSns: string[], actor: AuditActor): Promise<RequestView> {
  const now = deps.now();
  const { db } = deps;
  const row = await db.transaction('rw', db.requests, db.orders, db.audit, async () => {
    const row = await getRequest(deps, id);
    const known = (await db.orders.bulkGet([...new Set(orderSns)])).filter((o) => o !== undefined).map((o) => o.orderSn);
    const next = { ...row, orderSns: known };
    await db.requests.put(next);
    await appendAudit(db, now, { actor, action: 'request.link-orders', counts: { request: id, orders: known.length }, orderSns: known });
    return next;
  });
  await deps.notifyChanged();
  return viewRequest(row, now);
}

function requireLinked(row: RequestRecord): string[] {
  if (row.orderSns.length === 0) throw new MessageError('invalid-request', 'Find the buyer and link their orders first');
  return row.orderSns;
}

export async function accessData(deps: BackgroundDeps, id: number, actor: AuditActor): Promise<AccessAnswer> {
  const row = await getRequest(deps, id);
  const orderSns = requireLinked(row);
  const { results } = await openBuyers(deps, orderSns, actor);
  const [orders, items] = await Promise.all([deps.db.orders.bulkGet(orderSns), itemsOfOrders(deps.db, orderSns)]);
  const rows = orderSns.flatMap((sn, i) => {
    const opened = results[sn];
    const order = orders[i];
    return order && opened?.state === 'ok' ? [{ order, items: items.filter((it) => it.orderSn === sn), buyer: opened.pii }] : [];
  });
  return buildAccessAnswer(id, deps.now(), rows);
}

/**
 * Starts the download of the access file and tracks it like a label file: it goes with the first
 * of its orders' buyer data (or at once, when that is already gone), and is audited.
 */
export async function saveAccessFile(
  deps: BackgroundDeps,
  input: { id: number; url: string; fileName: string; format: 'access-json' | 'access-csv' },
  actor: AuditActor,
): Promise<{ downloadId: number; exportId: number }> {
  const row = await getRequest(deps, input.id);
  const orderSns = requireLinked(row);
  // Noted first, like export/save: a browser that dies before the row commits leaves no file behind (issue 16).
  await noteDownloadIntent(deps.db, { url: input.url, at: deps.now() });
  const downloadId = await deps.exportDownloads.start({ url: input.url, fileName: input.fileName });
  const { db } = deps;
  const now = deps.now();
  try {
    const exportId = await db.transaction('rw', [db.buyers, db.exports, db.requests, db.audit], async () => {
      const buyers = await db.buyers.bulkGet(orderSns);
      const times = buyers.map((b) => b?.purgeAt ?? now);
      const exportId = (await db.exports.add({
        createdAt: now,
        purgeAt: Math.min(...times),
        downloadId,
        fileName: input.fileName,
        format: input.format,
        orderSns,
        state: 'live',
        removedAt: null,
      })) as number;
      await db.requests.put({ ...row, actions: [...row.actions, { at: now, action: 'access-export', orderSns }] });
      await appendAudit(db, now, { actor, action: 'request.access-export', counts: { request: input.id, orders: orderSns.length }, orderSns, detail: input.format });
      return exportId;
    });
    await deps.notifyChanged();
    return { downloadId, exportId };
  } catch (err) {
    // An untracked file with buyer data would escape deletion.
    await deps.exportFiles.removeDownload(downloadId).catch(() => undefined);
    throw err;
  }
}

export async function recordCorrection(deps: BackgroundDeps, id: number, orderSn: string, changedFields: string[]): Promise<void> {
  const row = await getRequest(deps, id);
  await deps.db.requests.put({ ...row, actions: [...row.actions, { at: deps.now(), action: 'correction', orderSns: [orderSn], fields: changedFields }] });
  await deps.notifyChanged();
}

/** Deletion request: the linked orders' buyer data through the same eraser as purges and notices (shred keys first), then their files. */
export async function deleteRequestData(deps: BackgroundDeps, id: number, actor: AuditActor): Promise<{ deletedBuyers: number; removedFiles: number }> {
  const row = await getRequest(deps, id);
  const orderSns = requireLinked(row);
  const { db } = deps;
  const now = deps.now();
  const erased = await db.transaction('rw', [db.buyers, db.orders, db.items, db.exports, db.requests, db.audit], async () => {
    const erased = await eraseScopeInTransaction(db, deps.shredKeys, { kind: 'orders', orderSns }, now);
    await db.requests.put({ ...row, actions: [...row.actions, { at: now, action: 'deletion', orderSns: erased }] });
    await appendAudit(db, now, { actor, action: 'request.delete-data', counts: { request: id, buyers: erased.length }, orderSns: erased });
    return erased;
  });
  const files = await removeDueExportFiles(deps, actor);
  await deps.sessionCaches.clear();
  await deps.notifyChanged();
  return { deletedBuyers: erased.length, removedFiles: files.removed + files.missing };
}
