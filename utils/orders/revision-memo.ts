/**
 * Values derived from the database, kept while it is unchanged: every entry belongs to the
 * revision (a write count) current when it was asked for, and all entries are dropped as soon as
 * the revision moves. Concurrent askers of one key share one computation; a failed computation
 * is not kept. At most `maxEntries` settled values are kept (least recently used dropped first).
 */
export class RevisionMemo {
  private revision: number | null = null;
  private running = new Map<string, Promise<unknown>>();
  private settled = new Map<string, unknown>();

  constructor(
    private readonly currentRevision: () => number,
    private readonly maxEntries = 48,
  ) {}

  /** The value for `key` in the current revision, computed now if it is not known yet. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    this.sync();
    if (this.settled.has(key)) {
      const value = this.settled.get(key) as T;
      this.settled.delete(key);
      this.settled.set(key, value);
      return Promise.resolve(value);
    }
    const running = this.running.get(key);
    if (running) return running as Promise<T>;
    // Bound to this revision's maps: a value computed across a write lands in dropped maps.
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
        settledMap.set(key, value);
        for (const oldest of settledMap.keys()) {
          if (settledMap.size <= this.maxEntries) break;
          settledMap.delete(oldest);
        }
      },
      () => runningMap.delete(key),
    );
    return promise;
  }

  /** The value for `key` if it is already known in the current revision (nothing is read). */
  peek<T>(key: string): T | undefined {
    this.sync();
    return this.settled.get(key) as T | undefined;
  }

  private sync(): void {
    const revision = this.currentRevision();
    if (revision === this.revision) return;
    this.revision = revision;
    this.running = new Map();
    this.settled = new Map();
  }
}
