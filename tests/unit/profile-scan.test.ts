import { describe, expect, it } from 'vitest';
import { logRecordsJoined } from '../support/profile-scan';

/** A LevelDB log holding `payload` as one record cut into fragments at 32 KB block boundaries. */
function logOf(payload: Buffer, startAt: number): Buffer {
  const BLOCK = 32 * 1024;
  const out: Buffer[] = [Buffer.alloc(startAt)];
  // The first record (filler) takes the block up to startAt.
  const filler = out[0]!;
  filler.writeUInt16LE(startAt - 7, 4);
  filler[6] = 1;
  let offset = startAt;
  let rest = payload;
  let first = true;
  while (rest.length > 0) {
    const room = BLOCK - (offset % BLOCK) - 7;
    const piece = rest.subarray(0, room);
    rest = rest.subarray(piece.length);
    const header = Buffer.alloc(7);
    header.writeUInt16LE(piece.length, 4);
    header[6] = first && rest.length === 0 ? 1 : first ? 2 : rest.length === 0 ? 4 : 3;
    out.push(header, piece);
    offset += 7 + piece.length;
    first = false;
  }
  return Buffer.concat(out);
}

describe('profile scan: LevelDB logs', () => {
  it('joins a record cut at block boundaries, so a value written across them is found whole', () => {
    const value = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 7) % 251));
    const log = logOf(value, 32 * 1024 - 100);
    expect(log.includes(value)).toBe(false);
    expect(logRecordsJoined(log).includes(value)).toBe(true);
  });

  it('gives up on bytes that are not a log without throwing', () => {
    expect(() => logRecordsJoined(Buffer.from('not a leveldb log at all, just text'))).not.toThrow();
  });
});
