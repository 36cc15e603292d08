import { rgb, type PDFPage } from 'pdf-lib';
import type { DrawOp } from './label-layout';
import type { TextShaper } from './pdf-text';

const BLACK = rgb(0, 0, 0);

/** Draws layout ops on a page; text is split into runs, one font slice each. */
export function drawOps(page: PDFPage, shaper: TextShaper, ops: DrawOp[]): void {
  for (const op of ops) {
    if (op.kind === 'bar') {
      page.drawRectangle({ x: op.x, y: op.y, width: op.width, height: op.height, color: BLACK });
    } else if (op.kind === 'line') {
      page.drawLine({
        start: { x: op.x1, y: op.y1 },
        end: { x: op.x2, y: op.y2 },
        thickness: op.thickness,
        color: BLACK,
        dashArray: op.dash,
      });
    } else {
      let x = op.x;
      for (const run of shaper.runs(op.text)) {
        const font = shaper.font(run.font);
        page.drawText(run.text, { x, y: op.baseline, size: op.size, font, color: BLACK });
        x += font.widthOfTextAtSize(run.text, op.size);
      }
    }
  }
}
