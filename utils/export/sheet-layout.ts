import type { Box, DrawOp } from './label-layout';

export type SheetPaper = 'a4' | 'letter';
export type SheetLayout = '4up' | '2up';

/** Page sizes in points (ISO 216 A4; ANSI Letter 8.5x11 in). */
export const PAGE_SIZES_PT = {
  '4x6': [288, 432],
  a4: [595.28, 841.89],
  letter: [612, 792],
} as const;

/**
 * Label cells of one sheet: 4-up is a 2x2 grid (quarter sheets), 2-up two stacked halves (the
 * common half-sheet label stock). Order: top-left first, reading order.
 */
export function sheetCells(paper: SheetPaper, layout: SheetLayout): Box[] {
  const [width, height] = PAGE_SIZES_PT[paper];
  if (layout === '2up') {
    return [
      { x: 0, y: height / 2, width, height: height / 2 },
      { x: 0, y: 0, width, height: height / 2 },
    ];
  }
  const w = width / 2;
  const h = height / 2;
  return [
    { x: 0, y: h, width: w, height: h },
    { x: w, y: h, width: w, height: h },
    { x: 0, y: 0, width: w, height: h },
    { x: w, y: 0, width: w, height: h },
  ];
}

/** Dashed cut lines between cells, with the page edges left clean. */
export function cutGuides(paper: SheetPaper, layout: SheetLayout): DrawOp[] {
  const [width, height] = PAGE_SIZES_PT[paper];
  const dash = [4, 3];
  const guides: DrawOp[] = [{ kind: 'line', x1: 0, y1: height / 2, x2: width, y2: height / 2, thickness: 0.4, dash }];
  if (layout === '4up') guides.push({ kind: 'line', x1: width / 2, y1: 0, x2: width / 2, y2: height, thickness: 0.4, dash });
  return guides;
}

/** Space kept free around each label inside its cell, so a cut slightly off the guide spares the text. */
export const CELL_PADDING_PT = 12;

export function labelBoxInCell(cell: Box): Box {
  return {
    x: cell.x + CELL_PADDING_PT,
    y: cell.y + CELL_PADDING_PT,
    width: cell.width - 2 * CELL_PADDING_PT,
    height: cell.height - 2 * CELL_PADDING_PT,
  };
}
