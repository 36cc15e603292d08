import { describe, expect, it } from 'vitest';
import { RevisionMemo } from './revision-memo';

/** A memo whose changes are numbers added to kept sums. */
const adding = (value: number, changes: readonly number[]) => value + changes.reduce((a, b) => a + b, 0);

describe('RevisionMemo', () => {
  it('computes a key once, and again after a write it cannot follow', async () => {
    let computed = 0;
    const memo = new RevisionMemo<number>();
    const compute = async () => ++computed;
    expect(await memo.get('a', compute)).toBe(1);
    expect(await memo.get('a', compute)).toBe(1);
    expect(memo.peek('a')).toBe(1);
    const tx = {};
    memo.writeStarted(tx);
    expect(memo.peek('a')).toBeUndefined();
    memo.writeChanges(tx, [5]);
    memo.writeEnded(tx, true);
    expect(memo.peek('a')).toBeUndefined(); // no update given: dropped
    expect(await memo.get('a', compute)).toBe(2);
  });

  it('shares one running computation between askers', async () => {
    let release!: (n: number) => void;
    let calls = 0;
    const memo = new RevisionMemo();
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

  it('never keeps a value computed across the start of a write, even one it could follow', async () => {
    let release!: (n: number) => void;
    const memo = new RevisionMemo<number>();
    const stale = memo.get('a', () => new Promise<number>((resolve) => (release = resolve)), adding);
    const tx = {};
    memo.writeStarted(tx); // a write while the read runs: the read may or may not see it
    release(1);
    expect(await stale).toBe(1);
    memo.writeChanges(tx, [10]);
    memo.writeEnded(tx, true);
    expect(memo.peek('a')).toBeUndefined();
    expect(await memo.get('a', async () => 11)).toBe(11);
  });

  it('carries values over committed writes through their updates, in commit order', async () => {
    const memo = new RevisionMemo<number>();
    await memo.get('sum', async () => 100, adding);
    await memo.get(
      'list',
      async () => [1],
      (list, changes) => [...list, ...changes],
    );
    await memo.get(
      'gives-up',
      async () => 0,
      () => undefined,
    );
    const [first, second] = [{}, {}];
    expect(memo.wantsChanges()).toBe(false);
    memo.writeStarted(first);
    expect(memo.wantsChanges()).toBe(true);
    memo.writeChanges(first, [1, 2]);
    memo.writeStarted(second); // queued behind the first: both carried before anything is kept again
    memo.writeChanges(second, [3]);
    memo.writeEnded(first, true);
    expect(memo.peek('sum')).toBeUndefined(); // the second has not committed yet
    memo.writeEnded(second, true);
    expect(memo.peek('sum')).toBe(106);
    expect(memo.peek('list')).toEqual([1, 1, 2, 3]);
    expect(memo.peek('gives-up')).toBeUndefined();
    // Later writes carry them again.
    const third = {};
    memo.writeStarted(third);
    memo.writeChanges(third, [4]);
    memo.writeEnded(third, true);
    expect(memo.peek('sum')).toBe(110);
  });

  it('keeps a value computed while a write was pending over the carried one (it already saw the write)', async () => {
    const memo = new RevisionMemo<number>();
    await memo.get('sum', async () => 100, adding);
    const tx = {};
    memo.writeStarted(tx);
    memo.writeChanges(tx, [1]);
    expect(await memo.get('sum', async () => 501, adding)).toBe(501);
    memo.writeEnded(tx, true);
    expect(memo.peek('sum')).toBe(501);
  });

  it('drops what it set aside when a write fails or its changes are not known', async () => {
    const memo = new RevisionMemo<number>();
    const failed = {};
    await memo.get('sum', async () => 100, adding);
    memo.writeStarted(failed);
    memo.writeChanges(failed, [1]);
    memo.writeEnded(failed, false);
    expect(memo.peek('sum')).toBeUndefined();
    await memo.get('sum', async () => 100, adding);
    const unknown = {};
    memo.writeStarted(unknown);
    memo.writeChanges(unknown, [1]);
    memo.writeChanges(unknown, null); // e.g. a range deleted
    memo.writeChanges(unknown, [2]);
    memo.writeEnded(unknown, true);
    expect(memo.peek('sum')).toBeUndefined();
  });

  it('nets a transaction’s changes before the updates see them', async () => {
    const memo = new RevisionMemo<number>(48, (changes) => [Math.max(...changes)]);
    await memo.get('sum', async () => 0, adding);
    const tx = {};
    memo.writeStarted(tx);
    memo.writeChanges(tx, [1, 7, 3]);
    memo.writeEnded(tx, true);
    expect(memo.peek('sum')).toBe(7);
  });

  it('does not keep failures, synchronous or not', async () => {
    const memo = new RevisionMemo();
    await expect(memo.get('a', () => Promise.reject(new Error('read failed')))).rejects.toThrow('read failed');
    await expect(
      memo.get('b', () => {
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await memo.get('a', async () => 3)).toBe(3);
  });

  it('keeps at most maxEntries values, dropping the least recently used', async () => {
    const memo = new RevisionMemo(2);
    await memo.get('a', async () => 'a');
    await memo.get('b', async () => 'b');
    await memo.get('a', async () => 'a again'); // a used last
    await memo.get('c', async () => 'c');
    expect([memo.peek('a'), memo.peek('b'), memo.peek('c')]).toEqual(['a', undefined, 'c']);
  });
});
