import { z } from '../validation/zod';
import type { FileExportFormat } from '../export/file-names';
import { EXPORT_FORMATS, type ShipmentLabel } from '../export/shipment-label';
import { defineMessage } from '../messaging/define-message';
import { orderSnsSchema } from '../orders/orders-messages';
import type { Settings } from '../settings/settings-schema';

export const exportFormatSchema = z.enum(EXPORT_FORMATS);

/**
 * `held`: the seller held the order back after the address pre-check (issue 14; decided in the page).
 * `erased`: the buyer data was deleted (purge, notice, clear all) while the export page was open (issue 16).
 */
export type ExportSkipReason = 'unknown-order' | 'no-buyer-data' | 'cannot-decrypt' | 'held' | 'erased';

/** What an extension page needs to render one export; never persisted. */
export interface PreparedExport {
  labels: ShipmentLabel[];
  /** Requested orders left out of the file, with the reason (shown to the seller). */
  skipped: { orderSn: string; reason: ExportSkipReason }[];
  /** Rendering settings at the time of the export. */
  labelSheetLayout: Settings['labelSheetLayout'];
  csvCustomColumns: Settings['csvCustomColumns'];
  /** Default print profiles, label order and CSV options (issue 14). */
  shippingRun: Settings['shippingRun'];
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

/** One export of the history (issue 14): no names, no addresses; order numbers and what is still held. */
export interface ExportHistoryEntry {
  id: number;
  createdAt: number;
  format: string;
  fileName: string;
  orderSns: string[];
  /** `live`: the file is tracked on disk (or the print view was shown); `removed`: deleted with its orders' data. */
  state: 'live' | 'removed';
  /** Orders of the run whose buyer data is still held: the run can be repeated for these. */
  stillHeld: string[];
}

/** Formats that are a file (everything but the print view). */
const fileFormatSchema = z.enum(EXPORT_FORMATS.filter((f): f is FileExportFormat => f !== 'print'));

/** Messages of an export job: open the orders' data for one file, then track the written file. */
export const exportMessages = {
  /** The newest exports, for reprinting and repeating a run (issue 14). Reads no PII. */
  'export/history': defineMessage('page', z.object({ limit: z._default(z.number().check(z.int(), z.gte(1), z.lte(200)), 50) })).returns<ExportHistoryEntry[]>(),
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
      downloadId: z.nullable(z.number().check(z.int(), z.gte(0))),
      /** File names never hold PII (utils/export/file-names.ts). */
      fileName: z.string().check(z.maxLength(255)),
      format: exportFormatSchema,
      orderSns: orderSnsSchema,
      /** The page could neither track nor remove the file: keep it as a live export due now, so the retention sweep deletes it. */
      dueNow: z.optional(z.boolean()),
    }),
  ).returns<ExportRecordReply>(),
  /**
   * Saves a file an extension page made (its blob URL) through chrome.downloads and tracks it in
   * the same step, like export/record; a file that cannot be tracked is removed again.
   */
  'export/save': defineMessage(
    'page',
    z.object({
      url: z.string().check(z.startsWith('blob:'), z.maxLength(300)),
      /** File names never hold PII (utils/export/file-names.ts). */
      fileName: z.string().check(z.minLength(1), z.maxLength(255)),
      format: fileFormatSchema,
      orderSns: orderSnsSchema,
    }),
  ).returns<ExportSaveReply>(),
};
