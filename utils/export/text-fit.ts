import { ELLIPSIS, type TextShaper } from './pdf-text';

export interface FitBox {
  width: number;
  height: number;
}

export interface FitOptions {
  maxSize: number;
  minSize: number;
  /** Most lines one paragraph may take before it must shrink (default: no limit). */
  maxLinesPerParagraph?: number;
}

export interface FittedText {
  size: number;
  lineHeight: number;
  lines: string[];
  /** True when text was cut (ellipsis) because even `minSize` did not fit. */
  truncated: boolean;
}

/** Smallest shrink step in points; finer steps cost time and do not show on a 203 dpi printer. */
const SIZE_STEP = 0.5;

/**
 * Fits paragraphs (each starts a new line) into a box: wraps at spaces and between CJK
 * characters, breaks over-long words by character, shrinks from `maxSize` to `minSize`, and at
 * `minSize` cuts the last line with an ellipsis. Every returned line is at most `box.width` wide.
 */
export function fitParagraphs(shaper: TextShaper, paragraphs: string[], box: FitBox, options: FitOptions): FittedText {
  const cleaned = paragraphs.map((p) => shaper.clean(p)).filter((p) => p.length > 0);
  const lineHeightAt = (size: number) => (shaper.ascent + shaper.descent) * size;
  for (let size = options.maxSize; size >= options.minSize - 1e-9; size -= SIZE_STEP) {
    const wrapped = cleaned.map((p) => wrapParagraph(shaper, p, box.width, size));
    const withinParagraphLimit = wrapped.every((lines) => lines.length <= (options.maxLinesPerParagraph ?? Infinity));
    const lines = wrapped.flat();
    if (withinParagraphLimit && lines.length * lineHeightAt(size) <= box.height + 1e-6) {
      return { size, lineHeight: lineHeightAt(size), lines, truncated: false };
    }
  }
  const size = options.minSize;
  const lineHeight = lineHeightAt(size);
  const maxLines = Math.floor((box.height + 1e-6) / lineHeight);
  const perParagraph = options.maxLinesPerParagraph ?? Infinity;
  const lines: string[] = [];
  let truncated = false;
  for (const paragraph of cleaned) {
    const wrapped = wrapParagraph(shaper, paragraph, box.width, size);
    const room = Math.min(perParagraph, maxLines - lines.length);
    if (room <= 0) {
      truncated = true;
      break;
    }
    if (wrapped.length > room) {
      truncated = true;
      const kept = wrapped.slice(0, room);
      kept[room - 1] = ellipsize(shaper, `${kept[room - 1]} ${wrapped.slice(room).join(' ')}`, box.width, size);
      lines.push(...kept);
    } else {
      lines.push(...wrapped);
    }
  }
  const last = lines.at(-1);
  if (truncated && last !== undefined && !last.endsWith(ELLIPSIS)) {
    lines[lines.length - 1] = ellipsize(shaper, last, box.width, size);
  }
  return { size, lineHeight, lines, truncated };
}

/** Cuts `text` so that text + '…' fits `width` (always ends with the ellipsis). */
export function ellipsize(shaper: TextShaper, text: string, width: number, size: number): string {
  const chars = Array.from(text);
  let end = chars.length;
  // Binary search on the prefix length: widths only grow with length.
  let low = 0;
  let high = end;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (shaper.width(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS, size) <= width) low = mid;
    else high = mid - 1;
  }
  end = low;
  const cut = chars.slice(0, end).join('').trimEnd() + ELLIPSIS;
  return shaper.width(cut, size) <= width ? cut : '';
}

/** One line for `text`, shrunk then ellipsized: for single-line fields such as the order number. */
export function fitSingleLine(shaper: TextShaper, text: string, width: number, options: FitOptions): { text: string; size: number } {
  const clean = shaper.clean(text);
  for (let size = options.maxSize; size >= options.minSize - 1e-9; size -= SIZE_STEP) {
    if (shaper.width(clean, size) <= width) return { text: clean, size };
  }
  return { text: ellipsize(shaper, clean, width, options.minSize), size: options.minSize };
}

/** Break opportunities: runs of spaces, single CJK characters, and everything else up to them. */
const TOKEN = /\s+|[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]|[^\s\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]+/gu;

function wrapParagraph(shaper: TextShaper, paragraph: string, width: number, size: number): string[] {
  // Widths add up over tokens (see TextShaper.width), so the line width is kept as a running
  // sum instead of re-measuring the growing line for every token.
  const spaceWidth = shaper.width(' ', size);
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  let pendingSpace = false;
  const flush = () => {
    if (line) lines.push(line);
    line = '';
    lineWidth = 0;
    pendingSpace = false;
  };
  for (const token of paragraph.match(TOKEN) ?? []) {
    if (/^\s+$/.test(token)) {
      pendingSpace = line.length > 0;
      continue;
    }
    const tokenWidth = shaper.width(token, size);
    const gap = pendingSpace ? spaceWidth : 0;
    if (lineWidth + gap + tokenWidth <= width) {
      line += (pendingSpace ? ' ' : '') + token;
      lineWidth += gap + tokenWidth;
      pendingSpace = false;
      continue;
    }
    flush();
    if (tokenWidth <= width) {
      line = token;
      lineWidth = tokenWidth;
      continue;
    }
    // A word wider than the box (long house names, URLs): break it by character.
    for (const char of token) {
      const charWidth = shaper.width(char, size);
      if (line && lineWidth + charWidth > width) flush();
      line += char;
      lineWidth += charWidth;
    }
  }
  flush();
  return lines;
}
