import type { AppDb } from '../db/app-db';
import type { StagedKeyRows } from './shred-key-store';

/** The `shredStaging` rows of the app's database (written by captures in their own transactions: utils/vault/sealed-writes.ts). */
export function stagedKeyRows(db: AppDb): StagedKeyRows {
  return {
    readAll: () => db.transaction('r', db.shredStaging, () => db.shredStaging.toArray()),
    deleteUnder: async (stagingKeys) => {
      if (stagingKeys.length === 0) return;
      await db.transaction('rw', db.shredStaging, () =>
        db.shredStaging
          .where('stagingKey')
          .anyOf([...stagingKeys])
          .delete(),
      );
    },
  };
}
