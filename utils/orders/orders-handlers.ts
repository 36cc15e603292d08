import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import type { AuditActor, OrderRecord } from '../db/records';
import { MessageError } from '../messaging/envelope';
import type { HandlerTable } from '../messaging/router';
import { computePurgeAt, retentionFactsOf } from '../retention/retention-rule';
import { openBuyers, type OpenBuyersOptions } from '../vault/buyer-store';
import { MAX_OPEN_ORDERS, type BuyersOpenReply } from '../vault/vault-messages';
import { buyerNameMatches } from './buyer-name-match';
import { countOrders, queryOrderKeys, queryOrderPage } from './order-page-query';
import { MAX_BUYER_SEARCH, MAX_KEYS, type BuyerSearchReply, type MarkShippedReply, type ordersMessages } from './orders-messages';
import { summarizeOrders } from './orders-summary';

/** The vault's reader (decrypts for display/export; purges due PII first; `locked` while locked). */
export type OpenBuyers = (deps: BackgroundDeps, orderSns: string[], actor: AuditActor, options?: OpenBuyersOptions) => Promise<BuyersOpenReply>;

export interface OrdersServices {
  openBuyers: OpenBuyers;
}

export function createOrdersHandlers(deps: BackgroundDeps, services: OrdersServices = { openBuyers }): HandlerTable<typeof ordersMessages> {
  const { db } = deps;
  return {
    'orders/summary': ({ shopId, limit }) => summarizeOrders(db, shopId, limit),
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

    'orders/mark-shipped': async ({ orderSns }, ctx): Promise<MarkShippedReply> => {
      // Read before the transaction: storage.local is not Dexie (PrematureCommitError).
      const { retentionDays } = await deps.settings.read();
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
          const purgeAt = previous === null && !buyer ? null : computePurgeAt(retentionFactsOf({ ...order, shippedAt: now }), retentionDays, now, previous);
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
    'orders/resolve-page-fact': async ({ orderSn, apply }, ctx) => {
      const { retentionDays } = await deps.settings.read();
      const now = deps.now();
      await db.transaction('rw', [db.orders, db.buyers, db.audit], async () => {
        const order = await db.orders.get(orderSn);
        const fact = order?.heldPageFact;
        if (!order || !fact) throw new MessageError('not-found', 'Nothing waits for this order');
        let next: OrderRecord = { ...order, heldPageFact: null };
        if (apply) {
          next = fact.kind === 'cancelled' ? { ...next, status: 'cancelled' } : { ...next, shippedAt: Math.min(fact.at, order.shippedAt ?? fact.at), shippedAtSource: 'captured' };
          if (order.piiState === 'present') {
            next.purgeAt = computePurgeAt(retentionFactsOf(next), retentionDays, now, order.purgeAt);
            await db.buyers.update(orderSn, { purgeAt: next.purgeAt });
          }
        }
        await db.orders.put(next);
        await appendAudit(db, now, { actor: ctx.actor, action: apply ? 'orders.page-fact-applied' : 'orders.page-fact-dismissed', orderSns: [orderSn], detail: fact.kind });
      });
      // A purge time now due is carried out at once (retention re-arms after every write).
      await deps.notifyChanged();
    },
  };
}

function minOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}
