import { i18n } from '#i18n';
import type { OrderStatus, PiiState } from '../../utils/db/records';

export function orderStatusLabel(status: OrderStatus): string {
  switch (status) {
    case 'pending':
      return i18n.t('export.status.pending');
    case 'to_ship':
      return i18n.t('export.status.toShip');
    case 'cancelled':
      return i18n.t('export.status.cancelled');
    case 'shipped':
      return i18n.t('export.status.shipped');
    case 'delivered':
      return i18n.t('export.status.delivered');
    case 'partially_shipped':
      return i18n.t('export.status.partiallyShipped');
    case 'partially_delivered':
      return i18n.t('export.status.partiallyDelivered');
    case 'unknown':
      return i18n.t('export.status.unknown');
  }
}

export function piiStateLabel(state: PiiState): string {
  switch (state) {
    case 'none':
      return i18n.t('export.pii.none');
    case 'present':
      return i18n.t('export.pii.present');
    case 'purged':
      return i18n.t('export.pii.purged');
  }
}
