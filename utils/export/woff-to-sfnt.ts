/**
 * Unwraps a WOFF 1.0 font into the plain SFNT (TrueType/OpenType) it carries.
 *
 * Why: @pdf-lib/fontkit reads WOFF fonts directly but inflates the whole `glyf` table with a
 * pure-JS inflater on EVERY glyph access (WOFFFont._getTableStream has no cache). Measured:
 * 500 labels spent ~1.6 s of 3 in tiny-inflate. Unwrapping once removes that. No font data
 * changes: tables are copied or inflated byte for byte, per the WOFF 1.0 spec (W3C, section 4–5).
 * Inflated with pako (issue 11): the platform's DecompressionStream costs several ms per stream
 * in Chromium, and a font has a dozen compressed tables (a CJK label's fonts: about 0.5 s).
 */
import pako from 'pako';

const WOFF_SIGNATURE = 0x774f4646; // 'wOFF'
const WOFF_HEADER_SIZE = 44;
const WOFF_TABLE_ENTRY_SIZE = 20;
const SFNT_HEADER_SIZE = 12;
const SFNT_TABLE_ENTRY_SIZE = 16;

export function isWoff(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) === WOFF_SIGNATURE;
}

interface WoffTable {
  tag: number;
  offset: number;
  compLength: number;
  origLength: number;
  checksum: number;
}

export async function woffToSfnt(woff: Uint8Array): Promise<Uint8Array> {
  if (!isWoff(woff)) return woff;
  const view = new DataView(woff.buffer, woff.byteOffset, woff.byteLength);
  const flavor = view.getUint32(4);
  const numTables = view.getUint16(12);
  if (woff.byteLength < WOFF_HEADER_SIZE + numTables * WOFF_TABLE_ENTRY_SIZE) throw new Error('Font file is truncated.');
  const tables: WoffTable[] = [];
  for (let i = 0; i < numTables; i++) {
    const at = WOFF_HEADER_SIZE + i * WOFF_TABLE_ENTRY_SIZE;
    const table = {
      tag: view.getUint32(at),
      offset: view.getUint32(at + 4),
      compLength: view.getUint32(at + 8),
      origLength: view.getUint32(at + 12),
      checksum: view.getUint32(at + 16),
    };
    if (table.offset + table.compLength > woff.byteLength || table.compLength > table.origLength) throw new Error('Font file is damaged.');
    tables.push(table);
  }
  const data = tables.map((t) => {
    const stored = woff.subarray(t.offset, t.offset + t.compLength);
    if (t.compLength === t.origLength) return stored;
    const inflated = inflateZlib(stored);
    if (inflated.byteLength !== t.origLength) throw new Error('Font file is damaged.');
    return inflated;
  });

  const pad4 = (n: number) => (n + 3) & ~3;
  const directorySize = SFNT_HEADER_SIZE + numTables * SFNT_TABLE_ENTRY_SIZE;
  const total = data.reduce((sum, d) => sum + pad4(d.byteLength), directorySize);
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(numTables));
  const searchRange = 2 ** entrySelector * 16;
  outView.setUint32(0, flavor);
  outView.setUint16(4, numTables);
  outView.setUint16(6, searchRange);
  outView.setUint16(8, entrySelector);
  outView.setUint16(10, numTables * 16 - searchRange);
  let offset = directorySize;
  tables.forEach((table, i) => {
    const bytes = data[i]!;
    const at = SFNT_HEADER_SIZE + i * SFNT_TABLE_ENTRY_SIZE;
    outView.setUint32(at, table.tag);
    outView.setUint32(at + 4, table.checksum);
    outView.setUint32(at + 8, offset);
    outView.setUint32(at + 12, bytes.byteLength);
    out.set(bytes, offset);
    offset += pad4(bytes.byteLength);
  });
  return out;
}

/** WOFF compresses tables with zlib (RFC 1950). */
function inflateZlib(bytes: Uint8Array): Uint8Array {
  try {
    return pako.inflate(bytes);
  } catch {
    throw new Error('Font file is damaged.');
  }
}
