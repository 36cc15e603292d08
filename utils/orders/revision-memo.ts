/**
 * How a kept value follows a committed write: the value after `changes`, or undefined when it
 * cannot be derived from them (it is then dropped and computed again when asked). `before` gives
 * the other kept values as they were before these changes.
 */
export type MemoUpdate<T, Change> = (value: T, changes: readonly Change[], before: (key: string) => unknown) => T | undefined;

interface Entry<Change> {
  value: unknown;
  update: MemoUpdate<unknown, Change> | undefined;
}

/** One write transaction whose changes the carried values still have to take. */
interface PendingWrite<Change> {
  trans: object;
  /** null: changes not known (too many to read, or a range deleted): nothing can be carried over it. */
  changes: Change[] | null;
  committed: boolean;
}

/**
 * Values derived from the database, kept while it is unchanged, and carried over a write when
 * they can take its changes (issue 11: the popup's counts and lists at 100,000 orders must stay
 * under 100 ms right after a capture; recounting took 190–660 ms).
 *
 * Every write transaction is announced before its first request (`writeStarted`): values being
 * computed then are never kept (their reads may or may not see the write), and kept values are
 * set aside. When the transaction commits (`writeEnded`), the values set aside take its changes
 * (`writeChanges`: each row before and after) through the update given when they were computed,
 * in commit order; a value without one, or whose update gives up, is dropped. A read started
 * after a write's first request sees that write (IndexedDB runs transactions on one store in
 * creation order), so a value computed then is kept as it is, and wins over a carried one.
 * Concurrent askers of one key share one computation; a failed computation is not kept. At most
 * `maxEntries` values are kept (least recently used dropped first).
 */
export class RevisionMemo<Change = never> {
  private running = new Map<string, Promise<unknown>>();
  private settled = new Map<string, Entry<Change>>();
  /** Values set aside at the first of `writes`, waiting for them to commit. */
  private carried: Map<string, Entry<Change>> | null = null;
  private writes: PendingWrite<Change>[] = [];

  /**
   * @param net one change per row from a transaction's changes in order (a row written twice),
   *   before the updates see them.
   */
  constructor(
    private readonly maxEntries = 48,
    private readonly net: (changes: readonly Change[]) => readonly Change[] = (changes) => changes,
  ) {}

  /** The value for `key`, computed now if it is not known yet; `update` lets it outlive a write. */
  get<T>(key: string, compute: () => Promise<T>, update?: MemoUpdate<T, Change>): Promise<T> {
    const entry = this.settled.get(key);
    if (entry) {
      this.settled.delete(key);
      this.settled.set(key, entry);
      return Promise.resolve(entry.value as T);
    }
    const running = this.running.get(key);
    if (running) return running as Promise<T>;
    // Bound to the maps of this moment: a value computed across a write lands in dropped maps.
    const runningMap = this.running;
    const settledMap = this.settled;
    let promise: Promise<T>;
    try {
      promise = compute();
    } catch (err) {
      return Promise.reject(err);
    }
    runningMap.set(key, promise);
    promise.then(
      (value) => {
        runningMap.delete(key);
        settledMap.set(key, { value, update: update as MemoUpdate<unknown, Change> | undefined });
        this.trim(settledMap);
      },
      () => runningMap.delete(key),
    );
    return promise;
  }

  /** The value for `key` if it is already known (nothing is read). */
  peek<T>(key: string): T | undefined {
    return this.settled.get(key)?.value as T | undefined;
  }

  /** A write transaction is about to send a request (called for every request). */
  writeStarted(trans: object): void {
    if (!this.writes.some((w) => w.trans === trans)) {
      // A copy: a computation running now still lands in the old map, and must not be carried.
      if (this.writes.length === 0) this.carried = new Map(this.settled);
      this.writes.push({ trans, changes: [], committed: false });
    }
    this.running = new Map();
    this.settled = new Map();
  }

  /** Whether the values set aside could use the rows a write changes (reading them costs a read). */
  wantsChanges(): boolean {
    if (!this.carried) return false;
    for (const entry of this.carried.values()) if (entry.update) return true;
    return false;
  }

  /** Rows one request of `trans` changed; null when they are not known. */
  writeChanges(trans: object, changes: readonly Change[] | null): void {
    const write = this.writes.find((w) => w.trans === trans);
    if (!write) return;
    if (changes === null || write.changes === null) write.changes = null;
    else write.changes.push(...changes);
  }

  /** The transaction committed, or failed (then nothing set aside is carried). */
  writeEnded(trans: object, committed: boolean): void {
    const write = this.writes.find((w) => w.trans === trans);
    if (!write) return;
    if (!committed) {
      this.writes = this.writes.filter((w) => w !== write);
      this.carried = null;
    } else {
      write.committed = true;
    }
    // Transactions on one store commit in order; carry the values over each one as it does.
    while (this.writes[0]?.committed) {
      const done = this.writes.shift()!;
      if (this.carried) this.carried = done.changes === null ? null : carry(this.carried, this.net(done.changes));
    }
    if (this.writes.length > 0) return;
    if (this.carried) {
      for (const [key, entry] of this.carried) if (!this.settled.has(key)) this.settled.set(key, entry);
      this.trim(this.settled);
    }
    this.carried = null;
  }

  private trim(map: Map<string, Entry<Change>>): void {
    for (const oldest of map.keys()) {
      if (map.size <= this.maxEntries) break;
      map.delete(oldest);
    }
  }
}

function carry<Change>(entries: Map<string, Entry<Change>>, changes: readonly Change[]): Map<string, Entry<Change>> {
  if (changes.length === 0) return entries;
  const before = (key: string) => entries.get(key)?.value;
  const next = new Map<string, Entry<Change>>();
  for (const [key, entry] of entries) {
    if (!entry.update) continue;
    const value = entry.update(entry.value, changes, before);
    if (value !== undefined) next.set(key, { value, update: entry.update });
  }
  return next;
}
