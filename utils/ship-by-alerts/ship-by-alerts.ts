import type { BackgroundDeps } from '../background-deps';
import { countOrders } from '../orders/order-page-query';
import { orderFilterSchema } from '../orders/orders-messages';
import { nextMorningAt, nextRecountAt, shipByBadgeText } from './ship-by-schedule';

/** What the ship-by alerts need from the background: the database, the clock, settings and their own port. */
export type ShipByAlertDeps = Pick<BackgroundDeps, 'db' | 'now' | 'settings' | 'shipByAlerts'>;

export interface ShipByAlerts {
  /** Counts the orders due today or overdue, shows the count on the toolbar badge, arms the next recount and morning notice. */
  refresh(): Promise<number>;
  /** The morning alarm: a notification when anything is due (and the setting is on). */
  morning(): Promise<void>;
}

/**
 * Ship-by alerts (issue 14): the toolbar badge shows how many to-ship orders are due today or
 * overdue (the popup's "ship-by due" filter: not shipped, not closed, ship-by before the seller's
 * midnight), counted again after writes, at local midnight and on wake; an optional notification
 * at 08:00. `utcOffsetMinutes` is the browser's zone, read when asked (the seller's machine).
 */
export function createShipByAlerts(deps: ShipByAlertDeps, utcOffsetMinutes: () => number): ShipByAlerts {
  const countDue = async () => {
    const now = deps.now();
    return { now, due: await countOrders(deps.db, orderFilterSchema.parse({ shipByDue: true, utcOffsetMinutes: utcOffsetMinutes() }), now) };
  };
  return {
    async refresh() {
      const { now, due } = await countDue();
      const settings = await deps.settings.read();
      await Promise.all([
        deps.shipByAlerts.showBadge(shipByBadgeText(due)),
        deps.shipByAlerts.scheduleRecount(nextRecountAt(now, utcOffsetMinutes())),
        deps.shipByAlerts.scheduleMorning(settings.shippingRun.shipByMorningNotice ? nextMorningAt(now, utcOffsetMinutes()) : null),
      ]);
      return due;
    },
    async morning() {
      const settings = await deps.settings.read();
      const due = await this.refresh();
      if (settings.shippingRun.shipByMorningNotice && due > 0) await deps.shipByAlerts.notify(due);
    },
  };
}
