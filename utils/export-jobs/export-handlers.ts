import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { AuditActor, ExportRecord, OrderRecord } from '../db/records';
import { itemsOfOrders } from '../db/order-items';
import type { ExportFormat } from '../export/shipment-label';
import { MessageError } from '../messaging/envelope';
import type { HandlerTable } from '../messaging/router';
import type { OrdersServices } from '../orders/orders-handlers';
import { isPurgeDue } from '../retention/retention-rule';
import { openBuyers } from '../vault/buyer-store';
import type { ExportHistoryEntry, ExportRecordReply, exportMessages, PreparedExport } from './export-messages';
import { noteDownloadIntent } from './download-intents';
import { buildShipmentLabels } from './shipment-label-join';
import { currentTrackingFacts, fileTrackingOf, rememberTrackingFacts } from './file-tracking-facts';
import type { Settings } from '../settings/settings-schema';

export function createExportHandlers(deps: BackgroundDeps, services: OrdersServices = { openBuyers }): HandlerTable<typeof exportMessages> {
  const { db } = deps;
  return {
    'export/prepare': async ({ orderSns, format }, ctx): Promise<PreparedExport> => {
      const wanted = [...new Set(orderSns)];
      // The order facts (no PII) are read while the buyer data is opened (issue 11). A purge
      // that runs meanwhile only skips more orders: labels come from the opened buyer data.
      const ordersWrites = db.writeCount('orders');
      const facts = Promise.all([deps.settings.read(), db.transaction('r', db.orders, db.items, () => Promise.all([db.orders.bulkGet(wanted), itemsOfOrders(db, wanted)]))]);
      facts.catch(() => undefined); // awaited below, unless opening fails first
      // Set by the join inside the read's audit transaction.
      let built = null as (ReturnType<typeof buildShipmentLabels> & { settings: Settings }) | null;
      await services.openBuyers(deps, wanted, ctx.actor, {
        // In the read's audit transaction (one write transaction for both entries): the join, and
        // one entry per export (issue 6): format, counts and order numbers, never names or addresses.
        alsoInTransaction: async ({ rows, results, buyersWrites }) => {
          const [settings, [orders, items]] = await facts;
          const { labels, skipped } = buildShipmentLabels({ orderSns: wanted, orders, items, opened: results, shipFrom: settings.returnAddress });
          built = { labels, skipped, settings };
          // What export/save needs to track this file, read once here (file-tracking-facts.ts).
          rememberTrackingFacts(db, { ordersWrites, buyersWrites, facts: new Map(wanted.map((sn, i) => [sn, { order: orders[i], buyer: rows[i] }])) });
          return { actor: ctx.actor, action: 'export', counts: { orders: labels.length, skipped: skipped.length }, orderSns: labels.map((l) => l.orderSn), detail: format };
        },
      });
      if (!built) throw new MessageError('internal', 'export/prepare: the labels were not built');
      const { labels, skipped, settings } = built;
      // No notifyChanged: like buyers/open this is an audited read (nothing a page lists changed),
      // and a revision bump here made the popup re-read its rows and buyers during the export.
      return { labels, skipped, labelSheetLayout: settings.labelSheetLayout, csvCustomColumns: settings.csvCustomColumns, shippingRun: settings.shippingRun, at: deps.now() };
    },

    'export/history': async ({ limit }): Promise<ExportHistoryEntry[]> => {
      const rows = await db.exports.orderBy(':id').reverse().limit(limit).toArray();
      const sns = [...new Set(rows.flatMap((r) => r.orderSns))];
      const held = new Set((await db.buyers.bulkGet(sns)).flatMap((b) => (b ? [b.orderSn] : [])));
      return rows.map((r) => ({
        id: r.id!,
        createdAt: r.createdAt,
        format: r.format,
        fileName: r.fileName,
        orderSns: r.orderSns,
        state: r.state,
        stillHeld: r.orderSns.filter((sn) => held.has(sn)),
      }));
    },

    'export/still-held': async ({ orderSns }) => {
      const now = deps.now();
      const rows = await db.buyers.bulkGet([...new Set(orderSns)]);
      return rows.filter((row) => row !== undefined && !isPurgeDue(row.purgeAt, now)).map((row) => row!.orderSn);
    },

    'export/record': async (entry, ctx) => {
      return recordExport(deps, entry, ctx.actor);
    },

    'export/save': async ({ url, fileName, format, orderSns }, ctx) => {
      // The download starts and is tracked in this one handler, so the file is tracked even when
      // the page that made it (popup, export tab) closes at once (issue 11).
      // Noted first: if the browser dies before the row below commits, the next worker still
      // knows the download as ours (download-intents.ts) and removes it.
      await noteDownloadIntent(db, { url, at: deps.now() });
      const downloadId = await deps.exportDownloads.start({ url, fileName });
      const entry = { downloadId, fileName, format, orderSns };
      try {
        const reply = await recordExport(deps, entry, ctx.actor);
        return { downloadId, ...reply, dueNow: false };
      } catch (err) {
        // An untracked file with buyer PII would escape the 28-day deletion: remove it. If it
        // cannot be removed either, track it as a live export due now (the retention sweep
        // removes it and retries until it can); if even that fails, the original error stands.
        try {
          await deps.exportFiles.removeDownload(downloadId);
        } catch {
          const due = await recordExport(deps, { ...entry, dueNow: true }, ctx.actor).catch(() => Promise.reject(err));
          return { downloadId, ...due, dueNow: true };
        }
        throw err;
      }
    },
  };
}

/**
 * Tracks a written file (downloadId null for the print view), in one audited transaction. The
 * file holds every order's PII, so it goes when the first of them is purged; an order whose PII
 * was purged (or whose buyers row is gone) since export/prepare means the file already holds data
 * past its deletion: due at once. Marking the orders exported (a list fact, no PII) follows in a
 * second transaction after the caller has its answer: rewriting 500 order rows with ten indexes
 * was most of export/save's time (0.3–0.4 s of a 0.5 s CSV target, issue 11). A worker stopped
 * in between leaves `ordersMarked: false`, which the next wake finishes (markPendingExportOrders).
 */
async function recordExport(
  deps: BackgroundDeps,
  { downloadId, fileName, format, orderSns, dueNow }: { downloadId: number | null; fileName: string; format: ExportFormat; orderSns: string[]; dueNow?: boolean },
  actor: AuditActor,
): Promise<ExportRecordReply> {
  const { db } = deps;
  const now = deps.now();
  // Requests go out together (one round trip per step, not per table): on the critical path of
  // every file export (issue 11). Still one transaction.
  const recorded = await db.transaction('rw', [db.orders, db.buyers, db.exports, db.audit], async () => {
    const unique = [...new Set(orderSns)];
    // The audit chain's last entry first: once it answers, every earlier write to orders and
    // buyers has committed (and was counted), so remembered facts can be checked against the counts.
    const lastAudit = await db.audit.orderBy('seq').last();
    let factsOf = currentTrackingFacts(db, unique);
    if (!factsOf) {
      // Requests go out together (one round trip, not one per table): on the critical path of every file export (issue 11).
      const [orders, buyerRows] = await Promise.all([db.orders.bulkGet(unique), db.buyers.bulkGet(unique)]);
      const read = new Map(unique.map((sn, i) => [sn, { order: orders[i], buyer: buyerRows[i] }]));
      factsOf = (sn) => read.get(sn)!;
    }
    const tracking = fileTrackingOf(unique, factsOf, now, dueNow === true);
    if (!tracking) throw new MessageError('not-found', 'None of these orders is stored');
    const { orderSns: sns, purgeAt } = tracking;
    // A pick list holds no address: the orders are not "exported" by it (issue 14).
    const ordersMarked = format === 'pick-list';
    const [exportId] = await Promise.all([
      db.exports.add({ createdAt: now, purgeAt, downloadId, fileName, format, orderSns: sns, state: 'live', removedAt: null, ordersMarked }),
      appendAudit(
        db,
        now,
        {
          actor,
          action: 'export.record',
          counts: { orders: sns.length, download: downloadId === null ? 0 : 1, ...(dueNow ? { dueNow: 1 } : {}) },
          orderSns: sns,
          detail: format,
        },
        { last: lastAudit },
      ),
    ]);
    return { exportId: exportId as number, purgeAt, ordersMarked };
  });
  // The pages hear of it once the orders are marked. Only a file due now waits for that (its
  // notifyChanged arms the purge that removes it); any other file's purgeAt is that of orders
  // still holding PII, whose purge alarm is armed already.
  const settled = recorded.ordersMarked ? deps.notifyChanged() : markPendingExportOrders(deps);
  if (recorded.purgeAt <= now) await settled;
  else settled.catch((err) => console.error('[seller-vault] marking exported orders failed (the next wake retries)', err));
  return { exportId: recorded.exportId, purgeAt: recorded.purgeAt };
}

/**
 * Marks the orders of every tracked export whose orders are not marked yet (`ordersMarked: false`)
 * as exported (exportedAt = the export's time, its format), then tells the pages. Runs after each
 * recordExport and on every worker wake; rows without the flag (before it existed) were marked in
 * their own transaction. An order deleted since is not written back. Returns the orders marked.
 */
export async function markPendingExportOrders(deps: Pick<BackgroundDeps, 'db' | 'notifyChanged'>): Promise<number> {
  const { db } = deps;
  const marked = await db.transaction('rw', db.orders, db.exports, async () => {
    const pending = await db.exports.filter((row) => row.ordersMarked === false).toArray();
    if (pending.length === 0) return null;
    const latest = new Map<string, ExportRecord>();
    for (const row of pending) for (const sn of row.orderSns) if ((latest.get(sn)?.createdAt ?? -Infinity) <= row.createdAt) latest.set(sn, row);
    const orders = (await db.orders.bulkGet([...latest.keys()])).filter((o): o is OrderRecord => o !== undefined);
    await Promise.all([
      db.orders.bulkPut(
        orders.map((o) => {
          const row = latest.get(o.orderSn)!;
          // Never moves a later export's mark back (an older pending row finished late).
          return o.exportedAt !== null && o.exportedAt > row.createdAt ? o : { ...o, exportedAt: row.createdAt, exportFormat: row.format };
        }),
      ),
      ...pending.map((row) => db.exports.update(row.id!, { ordersMarked: true })),
    ]);
    return orders.length;
  });
  if (marked !== null) await deps.notifyChanged();
  return marked ?? 0;
}
