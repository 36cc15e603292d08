// Every unit test gets a fresh fake browser and no trusted copies (each test file its own in-memory IndexedDB).
import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(async () => {
  fakeBrowser.reset();
  // The trusted copies of consent and settings (utils/storage-trust) live in IndexedDB, not in the
  // fake storage: start every test without them, as fakeBrowser.reset() does for storage.
  await new Promise((resolve) => {
    const request = indexedDB.deleteDatabase('seller-vault-trusted');
    request.onsuccess = request.onerror = request.onblocked = resolve;
  });
});
