import type { AuditHead } from './audit/audit-head';
import type { ConsentMap, ShopConsent } from './consent/consent-schema';
import type { VaultKeys } from './crypto/vault-keys';
import type { AppDb } from './db/app-db';
import type { CountryAlpha2 } from './geo/country-lookup';
import type { OwnDownload } from './export-jobs/download-reconcile';
import type { ExportFileRemover } from './retention/export-file-remover';
import type { OpenApiTransport } from './open-api/open-api-client';
import type { OpenApiRegion } from './open-api/open-api-regions';
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
  /** Starts saving an export file that an extension page holds as a blob URL; answers its download id. */
  exportDownloads: {
    start(file: { url: string; fileName: string }): Promise<number>;
    /** Every download started before `startedBefore` (ms), any state (issue 16 reconcile; the planner picks ours). */
    listStartedBefore(startedBefore: number): Promise<OwnDownload[]>;
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
  /** Ship-by alerts (issue 14): the toolbar badge's due count, the recount and morning alarms, the morning notification. */
  shipByAlerts: {
    showBadge(text: string): Promise<void>;
    scheduleRecount(at: number): Promise<void>;
    /** Cleared with null (the setting is off). */
    scheduleMorning(at: number | null): Promise<void>;
    notify(dueCount: number): Promise<void>;
  };
  /** The audit chain head kept outside the log (storage.local), so truncation at the end is detected. */
  auditHead: {
    read(): Promise<AuditHead | null>;
    write(head: AuditHead): Promise<void>;
  };
  /** Deadline signals (utils/compliance): the toolbar badge, notifications and the check alarms. */
  deadlineSignals: {
    showBadge(count: number): Promise<void>;
    /** One notification per deadline that became due soon or overdue; `key` names it. */
    notify(key: string, what: { kind: 'request' | 'incident'; id: number; dueAt: number }): Promise<void>;
    /** One-shot check at `at` (the next moment a deadline becomes due soon), or cleared with null. */
    armCheck(at: number | null): Promise<void>;
    /** The repeating check (also prunes the audit log); created when missing. */
    ensureSweep(): Promise<void>;
  };
  /** The passphrase-strength dictionaries: a packaged file, read only when a passphrase is set or changed. */
  passphraseDictionaries: {
    load(): Promise<PassphraseDictionaries>;
  };
  /** The Temu Open API (issue 12): the network, the optional host permission, back-off pauses and the sync alarm. */
  openApi: {
    transport: OpenApiTransport;
    /** Whether the seller granted the region's host (optional permission, asked for at connect time). */
    hasHostAccess(region: OpenApiRegion): Promise<boolean>;
    /** Gives back every Open API host permission (disconnect). */
    removeHostAccess(): Promise<void>;
    sleep(ms: number): Promise<void>;
    /** The repeating sync alarm, or cleared with null. */
    scheduleSync(everyMinutes: number | null): Promise<void>;
  };
}

export interface SessionVault {
  keys: VaultKeys | null;
  lastActivityAt: number | null;
}

/** What every background service is built from (composition root: entrypoints/background.ts). */
export interface BackgroundDeps extends BrowserPorts {
  db: AppDb;
  /**
   * Shred keys of sealed buyer records (utils/shred), in files whose deletion is physical (OPFS),
   * or staged in `db` under a key kept there: deleting one makes its record unrecoverable wherever
   * copies of the row survive. Built with `db` (utils/shred/opfs-shred-files-adapter.ts).
   */
  shredKeys: ShredKeyStore;
  /** The clock. Pure logic takes `now` as a parameter; services read it here. */
  now: () => number;
  /** Call after any write: open pages refresh, and retention re-arms its next-purge alarm. */
  notifyChanged: () => Promise<void>;
}
