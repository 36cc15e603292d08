import { z } from 'zod';
import { EXPORT_FORMATS, type ShipmentLabel } from '../export/shipment-label';
import { defineMessage } from '../messaging/define-message';
import { orderSnsSchema } from '../orders/orders-messages';
import type { Settings } from '../settings/settings-schema';

export const exportFormatSchema = z.enum(EXPORT_FORMATS);

/** `erased`: the buyer data was deleted (purge, notice, clear all) while the export page was open. */
export type ExportSkipReason = 'unknown-order' | 'no-buyer-data' | 'cannot-decrypt' | 'erased';

/** What an extension page needs to render one export; never persisted. */
export interface PreparedExport {
  labels: ShipmentLabel[];
  /** Requested orders left out of the file, with the reason (shown to the seller). */
  skipped: { orderSn: string; reason: ExportSkipReason }[];
  /** Rendering settings at the time of the export. */
  labelSheetLayout: Settings['labelSheetLayout'];
  csvCustomColumns: Settings['csvCustomColumns'];
  /** Start of the export (file names, audit). */
  at: number;
}

export interface ExportRecordReply {
  exportId: number;
  purgeAt: number;
}

export interface ExportSaveReply extends ExportRecordReply {
  downloadId: number;
  /** The file could be neither tracked normally nor removed: it is tracked as due now (the retention sweep deletes it). */
  dueNow: boolean;
}

/** Formats that are a file (everything but the print view). */
const fileFormatSchema = exportFormatSchema.exclude(['print']);

/** Messages of an export job: open the orders' data for one file, then track the written file. */
export const exportMessages = {
  /** Opens buyer PII for an export (purges due PII first), joins items + return address; one audit entry. */
  'export/prepare': defineMessage('page', z.object({ orderSns: orderSnsSchema, format: exportFormatSchema })).returns<PreparedExport>(),
  /**
   * Which of these orders still hold buyer data (a row not yet due): order numbers only, nothing
   * opened, so not audited. An open print view asks after every background write and drops the
   * labels of the others (issue 16: purged or cleared data leaves the screen too, not only on lock).
   */
  'export/still-held': defineMessage('page', z.object({ orderSns: orderSnsSchema })).returns<string[]>(),
  /** Tracks a written file (downloadId null for the print view) and marks its orders exported. */
  'export/record': defineMessage(
    'page',
    z.object({
      downloadId: z.number().int().min(0).nullable(),
      /** File names never hold PII (utils/export/file-names.ts). */
      fileName: z.string().max(255),
      format: exportFormatSchema,
      orderSns: orderSnsSchema,
      /** The page could neither track nor remove the file: keep it as a live export due now, so the retention sweep deletes it. */
      dueNow: z.boolean().optional(),
    }),
  ).returns<ExportRecordReply>(),
  /**
   * Saves a file an extension page made (its blob URL) through chrome.downloads and tracks it in
   * the same step, like export/record; a file that cannot be tracked is removed again.
   */
  'export/save': defineMessage(
    'page',
    z.object({
      url: z.string().startsWith('blob:').max(300),
      /** File names never hold PII (utils/export/file-names.ts). */
      fileName: z.string().min(1).max(255),
      format: fileFormatSchema,
      orderSns: orderSnsSchema,
    }),
  ).returns<ExportSaveReply>(),
};
