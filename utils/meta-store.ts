import type { AuditCheckpoint } from './audit/audit-checkpoint';
import type { WrappedVaultKeys } from './crypto/vault-keys';
import type { AppDb } from './db/app-db';
import type { DownloadIntent } from './export-jobs/download-intents';
import type { OpenApiSyncReport } from './open-api/open-api-messages';
import type { OpenApiConnection } from './open-api/open-api-service';
import type { LastPurge } from './retention/purge-service';

/**
 * The one typed home of the `meta` table's keys and values (issue 9: no casts of `meta.value`
 * elsewhere). Only the background writes them; each owner reads and writes through these two
 * functions, inside its own Dexie transaction when it needs one.
 */
export interface MetaValues {
  /** The wrapped vault keys and KDF parameters (utils/vault). */
  vault: WrappedVaultKeys;
  /** Passkeys that also open the vault keys (utils/vault/passkeys.ts); parsed again on read. */
  'vault.passkeys': unknown;
  /** Failed unlock attempts, kept across worker restarts; parsed again on read (utils/vault/unlock-backoff). */
  vaultUnlockBackoff: unknown;
  /** The last purge that deleted something (retention page). */
  'retention.lastPurge': LastPurge;
  /** Every legacy (v1, no shred key) sealed row was re-sealed with a shred key (utils/vault/buyer-store). */
  'vault.legacyResealed': true;
  /** The Temu Open API connection: region, shop, sealed credentials (utils/open-api, issue 12). */
  'openApi.connection': OpenApiConnection;
  /** The last Open API sync's report (counts only, no PII). */
  'openApi.lastSync': OpenApiSyncReport;
  /** The marketplace security contact incident reports go to (utils/incidents). */
  'compliance.securityContact': string;
  /** Audit log retention in days, at least 90 (utils/audit). */
  'audit.retentionDays': number;
  /** The last signed checkpoint the log was pruned behind (utils/audit/audit-checkpoint.ts). */
  'audit.checkpoint': AuditCheckpoint;
  /** The extension's audit signing key (Ed25519), generated on first use; never leaves the background. */
  'audit.signingKey': { secretKey: Uint8Array; publicKey: string };
  /**
   * Downloads of export files about to start (issue 16): the blob URL and when. Chromium can lose a
   * download's byExtensionId when the browser dies (its history is written lazily), never its URL;
   * the start-up reconcile finds such downloads by URL (utils/export-jobs/download-intents.ts).
   */
  'export.downloadIntents': DownloadIntent[];
  /** Deadlines already announced by a notification ("request:<id>:<dueAt>"), so each is announced once. */
  'compliance.notified': string[];
}
export type MetaKey = keyof MetaValues;

export async function readMeta<K extends MetaKey>(db: AppDb, key: K): Promise<MetaValues[K] | undefined> {
  // The only cast of a meta value: each key is written by writeMeta with its own type.
  return (await db.meta.get(key))?.value as MetaValues[K] | undefined;
}

export async function writeMeta<K extends MetaKey>(db: AppDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

export async function deleteMeta(db: AppDb, ...keys: MetaKey[]): Promise<void> {
  await db.meta.bulkDelete(keys);
}
