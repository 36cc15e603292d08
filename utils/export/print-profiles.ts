import { PDF_PROFILE_IDS, ZPL_PROFILE_IDS } from '../settings/settings-read';
import { PAGE_SIZES_PT, type SheetLayout, type SheetPaper } from './sheet-layout';

/**
 * Print profiles (issue 14): what a label run is printed on. Built in, not seller-defined: the
 * label stocks sellers use (4x6 in and 4x8 in thermal rolls, A6 and 100x150 mm in Europe and
 * China, A4 / Letter sheets with 2 or 4 labels) and Zebra printers at 203 or 300 dpi. The seller
 * picks a default per format (settings.shippingRun) and may pick another for one run.
 */
const MM_PT = 72 / 25.4;

/** One label per page (thermal rolls and fan-fold stock), width x height in points, portrait. */
export const LABEL_MEDIA = {
  '4x6': { widthPt: 288, heightPt: 432 },
  '4x8': { widthPt: 288, heightPt: 576 },
  a6: { widthPt: 105 * MM_PT, heightPt: 148 * MM_PT },
  '100x150': { widthPt: 100 * MM_PT, heightPt: 150 * MM_PT },
} as const;
export type LabelMedia = keyof typeof LABEL_MEDIA;
export { PDF_PROFILE_IDS, ZPL_PROFILE_IDS };
export const LABEL_MEDIA_IDS = Object.keys(LABEL_MEDIA) as LabelMedia[];

export type PdfProfileId = (typeof PDF_PROFILE_IDS)[number];

export const ZPL_DPIS = [203, 300] as const;
export type ZplDpi = (typeof ZPL_DPIS)[number];
export type ZplProfileId = (typeof ZPL_PROFILE_IDS)[number];

export type PrintProfileId = PdfProfileId | ZplProfileId;

export type PdfProfile = { kind: 'label'; id: PdfProfileId; media: LabelMedia } | { kind: 'sheet'; id: PdfProfileId; paper: SheetPaper; layout: SheetLayout };
export interface ZplProfile {
  kind: 'zpl';
  id: ZplProfileId;
  media: LabelMedia;
  dpi: ZplDpi;
}

export const isPdfProfileId = (id: string): id is PdfProfileId => (PDF_PROFILE_IDS as readonly string[]).includes(id);
export const isZplProfileId = (id: string): id is ZplProfileId => (ZPL_PROFILE_IDS as readonly string[]).includes(id);

export function pdfProfile(id: PdfProfileId): PdfProfile {
  if (id.startsWith('label-')) return { kind: 'label', id, media: id.slice('label-'.length) as LabelMedia };
  const [paper, layout] = id.split('-') as [SheetPaper, SheetLayout];
  return { kind: 'sheet', id, paper, layout };
}

export function zplProfile(id: ZplProfileId): ZplProfile {
  const [, media, dpi] = id.split('-') as [string, LabelMedia, string];
  return { kind: 'zpl', id, media, dpi: Number(dpi) as ZplDpi };
}

/** Page size in points of one page of the profile (a label, or a whole sheet). */
export function profilePageSizePt(profile: PdfProfile): [number, number] {
  if (profile.kind === 'label') return [LABEL_MEDIA[profile.media].widthPt, LABEL_MEDIA[profile.media].heightPt];
  const [width, height] = PAGE_SIZES_PT[profile.paper];
  return [width, height];
}

/** Labels per page: 1 for label stock, 2 or 4 for sheets. */
export function labelsPerPage(profile: PdfProfile): number {
  return profile.kind === 'label' ? 1 : profile.layout === '2up' ? 2 : 4;
}

/**
 * Start position on a partly used sheet (1 = the first cell): the number of cells to leave
 * empty on the first page. Out-of-range values are clamped, label stock ignores it.
 */
export function cellsToSkip(profile: PdfProfile, startPosition: number | undefined): number {
  const perPage = labelsPerPage(profile);
  if (perPage === 1 || startPosition === undefined || !Number.isFinite(startPosition)) return 0;
  return Math.min(perPage, Math.max(1, Math.floor(startPosition))) - 1;
}

/** Media size in printer dots (ZPL ^PW / ^LL). */
export function mediaDots(media: LabelMedia, dpi: ZplDpi): { width: number; height: number } {
  const { widthPt, heightPt } = LABEL_MEDIA[media];
  return { width: Math.round((widthPt / 72) * dpi), height: Math.round((heightPt / 72) * dpi) };
}

/** The legacy fixed formats, as profiles (their files are unchanged). */
export function legacyPdfProfile(format: 'pdf-4x6' | 'pdf-a4' | 'pdf-letter', sheetLayout: SheetLayout): PdfProfile {
  if (format === 'pdf-4x6') return pdfProfile('label-4x6');
  return { kind: 'sheet', id: `${format === 'pdf-a4' ? 'a4' : 'letter'}-${sheetLayout}`, paper: format === 'pdf-a4' ? 'a4' : 'letter', layout: sheetLayout };
}
