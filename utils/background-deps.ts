import type { ConsentMap, ShopConsent } from './consent/consent-schema';
import type { VaultKeys } from './crypto/vault-keys';
import type { AppDb } from './db/app-db';
import type { CountryAlpha2 } from './geo/country-lookup';
import type { ExportFileRemover } from './retention/export-file-remover';
import type { Settings, SettingsPatch } from './settings/settings-schema';
import type { ShredKeyStore } from './shred/shred-key-store';
import type { PassphraseDictionaries } from './vault/passphrase-estimator';

/**
 * The one way a background service reaches the browser (docs/architecture.md, "Ports"): every
 * browser-backed capability is a port here, implemented by a `*-adapter.ts` module and built once
 * in the composition root (entrypoints/background.ts via utils/browser-ports-adapter.ts). Services
 * import no adapter and keep no default: tests hand them fakes or the adapters over fakeBrowser.
 */
export interface BrowserPorts {
  /** Seller settings: trusted copy in extension IndexedDB, mirrored to storage.local `settings` (utils/storage-trust). */
  settings: {
    read(): Promise<Settings>;
    write(patch: SettingsPatch): Promise<Settings>;
  };
  /** Authorized shops: trusted copy in extension IndexedDB, mirrored to storage.local `consent` (utils/storage-trust). */
  consent: {
    read(): Promise<ConsentMap>;
    grant(entry: ShopConsent): Promise<void>;
    /** false when the shop was not authorized. */
    revoke(shopId: string): Promise<boolean>;
  };
  /** Which shop each seller-center tab shows, and the tabs' URLs (popup capture state). */
  tabs: {
    recordShop(tabId: number, shopId: string): Promise<void>;
    readShop(tabId: number): Promise<string | null>;
    /** Visible only for hosts the extension holds permission for; else undefined. */
    readUrl(tabId: number): Promise<string | undefined>;
    /** Opens the options authorization screen for a shop. */
    openAuthorization(shopId: string): Promise<void>;
  };
  /** Unlocked key material in storage.session (trusted contexts only). */
  sessionKeys: {
    read(): Promise<SessionVault>;
    write(keys: VaultKeys, now: number): Promise<void>;
    touch(now: number): Promise<void>;
    clear(): Promise<void>;
  };
  /** The idle auto-lock alarm: one-shot at `at`, or cleared with null. */
  autoLockAlarm: {
    schedule(at: number | null): Promise<void>;
  };
  /** Retention's alarms: the repeating sweep and the one-shot at the next deadline. */
  retentionAlarms: {
    /** Creates the sweep alarm when it is missing; true when it had to. */
    ensureSweep(): Promise<boolean>;
    /** One-shot after `delayMinutes`, or cleared with null. */
    armNextPurge(delayMinutes: number | null): Promise<void>;
  };
  /** Removes tracked export files from disk and from the download history. */
  exportFiles: ExportFileRemover;
  /**
   * Shred keys of sealed buyer records (utils/shred), in files whose deletion is physical (OPFS):
   * deleting one makes its record unrecoverable wherever copies of the row survive.
   */
  shredKeys: ShredKeyStore;
  /** Starts saving an export file that an extension page holds as a blob URL; answers its download id. */
  exportDownloads: {
    start(file: { url: string; fileName: string }): Promise<number>;
  };
  /** storage.session keys that are not owned state (caches): listed and cleared by "clear all". */
  sessionCaches: {
    list(): Promise<string[]>;
    clear(): Promise<number>;
  };
  /** The country-name lookup for captured addresses: a packaged file, read on the first address capture of a worker's life. */
  countryNames: {
    lookup(): Promise<CountryAlpha2>;
  };
  /** The passphrase-strength dictionaries: a packaged file, read only when a passphrase is set or changed. */
  passphraseDictionaries: {
    load(): Promise<PassphraseDictionaries>;
  };
}

export interface SessionVault {
  keys: VaultKeys | null;
  lastActivityAt: number | null;
}

/** What every background service is built from (composition root: entrypoints/background.ts). */
export interface BackgroundDeps extends BrowserPorts {
  db: AppDb;
  /** The clock. Pure logic takes `now` as a parameter; services read it here. */
  now: () => number;
  /** Call after any write: open pages refresh, and retention re-arms its next-purge alarm. */
  notifyChanged: () => Promise<void>;
}
