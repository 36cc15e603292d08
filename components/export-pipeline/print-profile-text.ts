import { i18n } from '../common/i18n';
import type { LabelSortKey } from '../../utils/export/label-order';
import type { PdfProfileId, ZplProfileId } from '../../utils/export/print-profiles';

/** Profile names as the seller sees them: one table, checked complete by the type. */
const PROFILE_TEXT = {
  'label-4x6': 'shippingRun.profiles.label4x6',
  'label-4x8': 'shippingRun.profiles.label4x8',
  'label-a6': 'shippingRun.profiles.labelA6',
  'label-100x150': 'shippingRun.profiles.label100x150',
  'a4-2up': 'shippingRun.profiles.a4TwoUp',
  'a4-4up': 'shippingRun.profiles.a4FourUp',
  'letter-2up': 'shippingRun.profiles.letterTwoUp',
  'letter-4up': 'shippingRun.profiles.letterFourUp',
  'zpl-4x6-203': 'shippingRun.profiles.zpl4x6at203',
  'zpl-4x6-300': 'shippingRun.profiles.zpl4x6at300',
  'zpl-4x8-203': 'shippingRun.profiles.zpl4x8at203',
  'zpl-4x8-300': 'shippingRun.profiles.zpl4x8at300',
  'zpl-100x150-203': 'shippingRun.profiles.zpl100x150at203',
  'zpl-100x150-300': 'shippingRun.profiles.zpl100x150at300',
  'zpl-a6-203': 'shippingRun.profiles.zplA6at203',
  'zpl-a6-300': 'shippingRun.profiles.zplA6at300',
} as const satisfies Record<PdfProfileId | ZplProfileId, string>;

const SORT_TEXT = {
  selection: 'shippingRun.sort.selection',
  sku: 'shippingRun.sort.sku',
  shipBy: 'shippingRun.sort.shipBy',
  orderTime: 'shippingRun.sort.orderTime',
  orderSn: 'shippingRun.sort.orderSn',
} as const satisfies Record<LabelSortKey, string>;

export const profileText = (id: PdfProfileId | ZplProfileId): string => i18n.t(PROFILE_TEXT[id]);
export const sortText = (key: LabelSortKey): string => i18n.t(SORT_TEXT[key]);
