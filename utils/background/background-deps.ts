import type { AppDb } from '../db/app-db';

/** What every background service is built from (composition root: entrypoints/background.ts). */
export interface BackgroundDeps {
  db: AppDb;
  /** The clock. Pure logic takes `now` as a parameter; services read it here. */
  now: () => number;
  /** Call after any write: open pages refresh, and retention re-arms its next-purge alarm. */
  notifyChanged: () => Promise<void>;
}
