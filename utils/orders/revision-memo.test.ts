import { describe, expect, it } from 'vitest';
import { RevisionMemo } from './revision-memo';

describe('RevisionMemo', () => {
  it('computes a key once per revision and again after the revision moves', async () => {
    let revision = 0;
    let computed = 0;
    const memo = new RevisionMemo(() => revision);
    const compute = async () => ++computed;
    expect(await memo.get('a', compute)).toBe(1);
    expect(await memo.get('a', compute)).toBe(1);
    expect(memo.peek('a')).toBe(1);
    revision++;
    expect(memo.peek('a')).toBeUndefined();
    expect(await memo.get('a', compute)).toBe(2);
  });

  it('shares one running computation between askers', async () => {
    let release!: (n: number) => void;
    let calls = 0;
    const memo = new RevisionMemo(() => 0);
    const compute = () => {
      calls++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const first = memo.get('a', compute);
    const second = memo.get('a', compute);
    expect(memo.peek('a')).toBeUndefined();
    release(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(calls).toBe(1);
  });

  it('never keeps a value computed across a write for the new revision', async () => {
    let revision = 0;
    let release!: (n: number) => void;
    const memo = new RevisionMemo(() => revision);
    const stale = memo.get('a', () => new Promise<number>((resolve) => (release = resolve)));
    revision++; // a write while the read runs
    release(1);
    expect(await stale).toBe(1);
    expect(memo.peek('a')).toBeUndefined();
    expect(await memo.get('a', async () => 2)).toBe(2);
  });

  it('does not keep failures, synchronous or not', async () => {
    const memo = new RevisionMemo(() => 0);
    await expect(memo.get('a', () => Promise.reject(new Error('read failed')))).rejects.toThrow('read failed');
    await expect(
      memo.get('b', () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await memo.get('a', async () => 3)).toBe(3);
  });

  it('keeps at most maxEntries values, dropping the least recently used', async () => {
    const memo = new RevisionMemo(() => 0, 2);
    await memo.get('a', async () => 'a');
    await memo.get('b', async () => 'b');
    await memo.get('a', async () => 'a again'); // a used last
    await memo.get('c', async () => 'c');
    expect([memo.peek('a'), memo.peek('b'), memo.peek('c')]).toEqual(['a', undefined, 'c']);
  });
});
