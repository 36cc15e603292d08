import { describe, expect, it } from 'vitest';
import { isStorageFailure } from './quota-error';

describe('isStorageFailure', () => {
  // The shapes measured in Chromium with the profile on a full disk (tests/e2e/fault-storage-full.e2e.ts).
  it('recognizes full-disk IndexedDB failures, wrapped as Dexie wraps them', () => {
    expect(
      isStorageFailure(
        Object.assign(new Error('orders.bulkPut(): 10 of 10 operations failed.'), {
          name: 'BulkError',
          failures: [{ name: 'AbortError', message: 'The transaction was aborted' }],
        }),
      ),
    ).toBe(true);
    expect(isStorageFailure({ name: 'UnknownError', message: 'Internal error opening backing store for indexedDB.open.' })).toBe(true);
    expect(isStorageFailure({ name: 'InvalidStateError', message: "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing." })).toBe(true);
    expect(isStorageFailure({ name: 'DataError', message: 'Failed to write blobs (IOError)' })).toBe(true);
    expect(isStorageFailure(Object.assign(new Error('x'), { inner: { name: 'QuotaExceededError', message: '' } }))).toBe(true);
  });

  it('leaves other failures alone', () => {
    expect(isStorageFailure(new Error('boom'))).toBe(false);
    expect(isStorageFailure({ name: 'ConstraintError', message: 'Key already exists' })).toBe(false);
    expect(isStorageFailure(null)).toBe(false);
  });
});
