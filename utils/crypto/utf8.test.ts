import { describe, expect, it } from 'vitest';
import { utf8Bytes, utf8InScratch, utf8Text } from './utf8';

describe('utf8InScratch', () => {
  it('writes into the scratch when the text fits, and the view holds exactly its bytes', () => {
    const scratch = new Uint8Array(64).fill(0xff);
    const bytes = utf8InScratch('Łódź 王', scratch);
    expect(bytes.buffer).toBe(scratch.buffer);
    expect(bytes).toEqual(utf8Bytes('Łódź 王'));
    expect(utf8Text(bytes)).toBe('Łódź 王');
  });

  it('falls back to a new array when the text does not fit, also when a multi-byte character would straddle the end', () => {
    const scratch = new Uint8Array(4);
    for (const text of ['abcde', 'abc王', '🌸🌸']) {
      const bytes = utf8InScratch(text, scratch);
      expect(bytes.buffer).not.toBe(scratch.buffer);
      expect(utf8Text(bytes)).toBe(text);
    }
  });
});
