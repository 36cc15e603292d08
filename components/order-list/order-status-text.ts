import { i18n } from '../common/i18n';
import type { OrderStatus, PiiState } from '../../utils/db/records';

/** Display string keys by status: one table, checked complete by the type. */
const STATUS_TEXT = {
  pending: 'export.status.pending',
  to_ship: 'export.status.toShip',
  cancelled: 'export.status.cancelled',
  shipped: 'export.status.shipped',
  delivered: 'export.status.delivered',
  partially_shipped: 'export.status.partiallyShipped',
  partially_delivered: 'export.status.partiallyDelivered',
  unknown: 'export.status.unknown',
} as const satisfies Record<OrderStatus, string>;

const PII_STATE_TEXT = {
  none: 'export.pii.none',
  present: 'export.pii.present',
  purged: 'export.pii.purged',
} as const satisfies Record<PiiState, string>;

export function orderStatusText(status: OrderStatus): string {
  return i18n.t(STATUS_TEXT[status]);
}

export function piiStateText(state: PiiState): string {
  return i18n.t(PII_STATE_TEXT[state]);
}
