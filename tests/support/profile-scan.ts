import fs from 'node:fs';
import path from 'node:path';

/**
 * Reads a Chromium profile directory the way someone holding the disk would (issue 11 deletion
 * tests and bench/deletion-probe.pw-bench.ts): every file as bytes, LevelDB tables (`.ldb`) also
 * decompressed, since a Snappy-compressed block can cut a value with back-references.
 */
export interface ProfileFile {
  path: string;
  bytes: Buffer;
}

export function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...allFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/* ---------- LevelDB .ldb tables: data blocks are Snappy-compressed ----------
 * In a compressed block a random hex marker is often cut by back-references (4-byte matches with
 * nearby hex), so the raw file bytes can miss it. Every .ldb is therefore also scanned decompressed
 * (all blocks listed by its index block), on top of its raw bytes. */

function varint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++]!;
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

function snappyDecompress(src: Buffer): Buffer {
  let [len, pos] = varint(src, 0);
  const out = Buffer.alloc(len);
  let o = 0;
  while (pos < src.length && o < len) {
    const tag = src[pos++]!;
    const type = tag & 3;
    if (type === 0) {
      let n = tag >> 2;
      if (n >= 60) {
        const extra = n - 59;
        n = 0;
        for (let i = 0; i < extra; i++) n += src[pos + i]! * 2 ** (8 * i);
        pos += extra;
      }
      n += 1;
      src.copy(out, o, pos, pos + n);
      pos += n;
      o += n;
      continue;
    }
    let n: number;
    let off: number;
    if (type === 1) {
      n = ((tag >> 2) & 7) + 4;
      off = ((tag >> 5) << 8) | src[pos++]!;
    } else if (type === 2) {
      n = (tag >> 2) + 1;
      off = src.readUInt16LE(pos);
      pos += 2;
    } else {
      n = (tag >> 2) + 1;
      off = src.readUInt32LE(pos);
      pos += 4;
    }
    for (let i = 0; i < n; i++, o++) out[o] = out[o - off]!;
  }
  len = o;
  return out.subarray(0, len);
}

function ldbBlock(file: Buffer, offset: number, size: number): Buffer {
  const raw = file.subarray(offset, offset + size);
  return file[offset + size] === 1 ? snappyDecompress(raw) : raw;
}

/** Decompressed contents of every block of a LevelDB table file (empty on any parse error). */
export function ldbDecompressed(file: Buffer): Buffer {
  try {
    const footer = file.subarray(file.length - 48);
    const [, p1] = varint(footer, 0); // metaindex offset
    const [, p2] = varint(footer, p1); // metaindex size
    const [indexOffset, p3] = varint(footer, p2);
    const [indexSize] = varint(footer, p3);
    const index = ldbBlock(file, indexOffset, indexSize);
    const restarts = index.readUInt32LE(index.length - 4);
    const end = index.length - 4 - 4 * restarts;
    const parts: Buffer[] = [];
    let q = 0;
    while (q < end) {
      let shared: number;
      let nonShared: number;
      let valueLen: number;
      [shared, q] = varint(index, q);
      [nonShared, q] = varint(index, q);
      [valueLen, q] = varint(index, q);
      void shared;
      q += nonShared;
      const value = index.subarray(q, q + valueLen);
      q += valueLen;
      const [off, r] = varint(value, 0);
      const [size] = varint(value, r);
      parts.push(ldbBlock(file, off, size));
    }
    return Buffer.concat(parts);
  } catch {
    return Buffer.alloc(0);
  }
}

/* ---------- LevelDB write-ahead logs (`.log`): 32 KB blocks, each record cut into fragments with
 * a 7-byte header (checksum 4, length 2, type 1). A value written across a block boundary is not
 * contiguous in the raw file; the fragments' data joined is (someone holding the disk does that). */
const LOG_BLOCK = 32 * 1024;

export function logRecordsJoined(file: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let block = 0; block < file.length; block += LOG_BLOCK) {
    let at = block;
    const end = Math.min(block + LOG_BLOCK, file.length);
    while (at + 7 <= end) {
      const length = file.readUInt16LE(at + 4);
      const type = file[at + 6]!;
      if (type < 1 || type > 4 || at + 7 + length > end) break; // padding or not a log
      parts.push(file.subarray(at + 7, at + 7 + length));
      at += 7 + length;
    }
  }
  return Buffer.concat(parts);
}

/**
 * Every file of the profile; `.ldb` files carry their raw bytes followed by their decompressed
 * blocks, `.log` files theirs followed by their records' fragments joined.
 */
export function readProfileFiles(profileDir: string): ProfileFile[] {
  return allFiles(profileDir).map((f) => {
    try {
      const bytes = fs.readFileSync(f);
      const extra = f.endsWith('.ldb') ? ldbDecompressed(bytes) : f.endsWith('.log') ? logRecordsJoined(bytes) : null;
      return { path: path.relative(profileDir, f), bytes: extra ? Buffer.concat([bytes, extra]) : bytes };
    } catch {
      return { path: path.relative(profileDir, f), bytes: Buffer.alloc(0) };
    }
  });
}
