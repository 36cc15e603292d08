import Dexie from 'dexie';
import type { AppDb } from '../db/app-db';
import type { StagedKeyRows } from './shred-key-store';

/**
 * The `shredStaging` rows of the app's database (written by captures in their own transactions:
 * utils/vault/sealed-writes.ts). Each call is a transaction of its own, never part of the caller's
 * (the shred key store's queue runs them, whoever is waiting for it).
 */
export function stagedKeyRows(db: AppDb): StagedKeyRows {
  return {
    readAll: () => Dexie.ignoreTransaction(() => db.transaction('r', db.shredStaging, () => db.shredStaging.toArray())),
    deleteUnder: async (stagingKeys) => {
      if (stagingKeys.length === 0) return;
      await Dexie.ignoreTransaction(() =>
        db.transaction('rw', db.shredStaging, () =>
          db.shredStaging
            .where('stagingKey')
            .anyOf([...stagingKeys])
            .delete(),
        ),
      );
    },
  };
}
