import { appendAudit, recordAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background/background-deps';
import type { AuditActor, OrderRecord } from '../db/records';
import { MessageError } from '../messaging/envelope';
import { MAX_BUYER_SEARCH, MAX_KEYS, type BuyerSearchReply, type exportMessages, type MarkShippedReply, type PreparedExport } from '../orders/orders-messages';
import { MAX_OPEN_ORDERS } from '../vault/vault-messages';
import type { BuyersOpenReply } from '../vault/vault-messages';
import type { HandlerTable } from '../messaging/router';
import { buyerNameMatches } from '../orders/buyer-name-match';
import { countOrders, queryOrderKeys, queryOrderPage } from '../orders/order-page-query';
import { computePurgeAt } from '../retention/retention-rule';
import { readSettings } from '../settings/settings-adapter';
import { openBuyers } from '../vault/buyer-store';
import { buildShipmentLabels } from './shipment-label-join';

/** The vault's reader (decrypts for display/export; purges due PII first; `locked` while locked). */
export type OpenBuyers = (deps: BackgroundDeps, orderSns: string[], actor: AuditActor) => Promise<BuyersOpenReply>;

export interface ExportServices {
  openBuyers: OpenBuyers;
}

export function createExportHandlers(deps: BackgroundDeps, services: ExportServices = { openBuyers }): HandlerTable<typeof exportMessages> {
  const { db } = deps;
  return {
    'orders/page': ({ filter, offset, limit, withTotal }) => queryOrderPage(db, filter, offset, limit, deps.now(), { withTotal }),
    'orders/count': ({ filter }) => countOrders(db, filter, deps.now()),
    'orders/keys': ({ filter, offset, limit }) => queryOrderKeys(db, filter, offset, limit, deps.now()),

    'orders/find-by-buyer': async ({ query, filter }, ctx): Promise<BuyerSearchReply> => {
      const listed = await queryOrderKeys(db, filter, 0, MAX_KEYS, deps.now());
      // Only orders with a stored address can match; each one opened is an audited decrypt.
      const stored = new Set((await db.buyers.toCollection().primaryKeys()) as string[]);
      const candidates = listed.filter((sn) => stored.has(sn));
      const searched = candidates.slice(0, MAX_BUYER_SEARCH);
      const orderSns: string[] = [];
      for (let i = 0; i < searched.length; i += MAX_OPEN_ORDERS) {
        const chunk = searched.slice(i, i + MAX_OPEN_ORDERS);
        const { results } = await services.openBuyers(deps, chunk, ctx.actor);
        for (const sn of chunk) {
          const opened = results[sn];
          if (opened?.state === 'ok' && buyerNameMatches(opened.pii.name, query)) orderSns.push(sn);
        }
      }
      return { orderSns, searched: searched.length, truncated: candidates.length > searched.length };
    },

    'export/prepare': async ({ orderSns, format }, ctx): Promise<PreparedExport> => {
      const wanted = [...new Set(orderSns)];
      const opened = await services.openBuyers(deps, wanted, ctx.actor);
      const settings = await readSettings();
      const at = deps.now();
      const [orders, items] = await db.transaction('r', db.orders, db.items, () =>
        Promise.all([db.orders.bulkGet(wanted), db.items.where('orderSn').anyOf(wanted).toArray()]),
      );
      const { labels, skipped } = buildShipmentLabels({ orderSns: wanted, orders, items, opened: opened.results, shipFrom: settings.returnAddress });
      // One entry per export (issue 6): format, counts and order numbers, never names or addresses.
      await recordAudit(db, at, {
        actor: ctx.actor,
        action: 'export',
        counts: { orders: labels.length, skipped: skipped.length },
        orderSns: labels.map((l) => l.orderSn),
        detail: format,
      });
      await deps.notifyChanged();
      return { labels, skipped, labelSheetLayout: settings.labelSheetLayout, csvCustomColumns: settings.csvCustomColumns, at };
    },

    'export/record': async ({ downloadId, fileName, format, orderSns, dueNow }, ctx) => {
      const now = deps.now();
      const reply = await db.transaction('rw', [db.orders, db.buyers, db.exports, db.audit], async () => {
        const known = (await db.orders.bulkGet([...new Set(orderSns)])).filter((o): o is OrderRecord => o !== undefined);
        if (known.length === 0) throw new MessageError('not-found', 'None of these orders is stored');
        const sns = known.map((o) => o.orderSn);
        const buyers = await db.buyers.bulkGet(sns);
        // The file holds every order's PII, so it goes when the first of them is purged. An order
        // whose PII was purged (or whose buyers row is gone) since export/prepare means the file
        // already holds data past its deletion: due at once, not at the others' purge time.
        const alreadyGone = known.some((o, i) => o.piiState === 'purged' || buyers[i] === undefined);
        const times = [...known.map((o) => o.purgeAt), ...buyers.map((b) => b?.purgeAt ?? null)].filter((t): t is number => t !== null);
        const purgeAt = dueNow === true || alreadyGone || times.length === 0 ? now : Math.min(...times);
        const exportId = await db.exports.add({ createdAt: now, purgeAt, downloadId, fileName, format, orderSns: sns, state: 'live', removedAt: null });
        await db.orders.bulkPut(known.map((o) => ({ ...o, exportedAt: now, exportFormat: format })));
        await appendAudit(db, now, {
          actor: ctx.actor,
          action: 'export.record',
          counts: { orders: sns.length, download: downloadId === null ? 0 : 1, ...(dueNow ? { dueNow: 1 } : {}) },
          orderSns: sns,
          detail: format,
        });
        return { exportId: exportId as number, purgeAt };
      });
      await deps.notifyChanged();
      return reply;
    },

    'orders/mark-shipped': async ({ orderSns }, ctx): Promise<MarkShippedReply> => {
      // Read before the transaction: storage.local is not Dexie (PrematureCommitError).
      const { retentionDays } = await readSettings();
      const now = deps.now();
      const reply = await db.transaction('rw', [db.orders, db.buyers, db.audit], async () => {
        const wanted = [...new Set(orderSns)];
        const [orders, buyers] = await Promise.all([db.orders.bulkGet(wanted), db.buyers.bulkGet(wanted)]);
        const result: MarkShippedReply = { marked: [], alreadyShipped: [], unknown: [] };
        for (const [i, order] of orders.entries()) {
          const sn = wanted[i]!;
          if (!order) {
            result.unknown.push(sn);
            continue;
          }
          // A ship time the seller center reported (or an earlier mark) is never moved later.
          if (order.shippedAt !== null) {
            result.alreadyShipped.push(sn);
            continue;
          }
          const buyer = buyers[i];
          const previous = minOrNull(order.purgeAt, buyer?.purgeAt ?? null);
          const purgeAt =
            previous === null && !buyer
              ? null
              : computePurgeAt({ shippedAt: now, capturedAt: order.capturedAt, cancelled: order.status === 'cancelled' }, retentionDays, now, previous);
          await db.orders.put({ ...order, shippedAt: now, shippedAtSource: 'seller', purgeAt });
          if (buyer && purgeAt !== null) await db.buyers.update(sn, { purgeAt });
          result.marked.push(sn);
        }
        if (result.marked.length > 0) {
          await appendAudit(db, now, {
            actor: ctx.actor,
            action: 'orders.mark-shipped',
            counts: { marked: result.marked.length, alreadyShipped: result.alreadyShipped.length, unknown: result.unknown.length },
            orderSns: result.marked,
          });
        }
        return result;
      });
      if (reply.marked.length > 0) await deps.notifyChanged();
      return reply;
    },
  };
}

function minOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
