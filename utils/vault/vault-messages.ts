import { z } from '../validation/zod';
import type { BuyerPii } from './buyer-pii';
import type { PasskeySummary } from './passkeys';
import type { AddressChangeView } from './buyer-store';
import type { VaultState } from './vault-state';
import { defineMessage } from '../messaging/define-message';
import { MAX_OPEN_ORDERS } from './vault-limits';

/** What every page shows about the vault (popup lock panel, options, other concerns' UI). */
export interface VaultStatus {
  state: VaultState;
  setUp: boolean;
  /** Buyer rows stored (all sealed); "N addresses waiting" while locked. */
  sealedCount: number;
  /** Epoch ms until which unlock attempts are refused (back-off), or null. */
  backoffUntil: number | null;
  autoLockMinutes: number;
  /** Passkeys registered (issue 15 item 8): pages offer "Unlock with passkey" when > 0. */
  passkeyCount: number;
}

export interface PasskeysReply {
  passkeys: PasskeySummary[];
  max: number;
}

/** One order's buyer data as answered by `buyers/open` (and `openBuyers` in the background). */
export type BuyerOpenResult = { state: 'ok'; pii: BuyerPii } | { state: 'cannot-decrypt' } | { state: 'none' };

export interface BuyersOpenReply {
  /** By order number, one entry for every requested order. */
  results: Record<string, BuyerOpenResult>;
}

export interface VaultResetResult {
  deletedBuyers: number;
  purgedOrders: number;
}

export interface CapturedFieldsReply {
  captureBuyerEmail: boolean;
  captureBackupPhone: boolean;
  /** Stored records re-sealed without a field just turned off. */
  resealed: number;
}

export { MAX_OPEN_ORDERS } from './vault-limits';
/** Typed confirmation the seller must enter to reset a vault whose passphrase is lost. */
export const VAULT_RESET_CONFIRMATION = 'DELETE';

const passphrase = z.string().check(z.minLength(1), z.maxLength(1024));
/** WebAuthn credential ids are at most 1,023 bytes; sent as lower-case hex. */
const credentialIdHex = z.string().check(z.regex(/^(?:[0-9a-f]{2}){1,1023}$/));
/** The PRF output (and the PRF salt): exactly 32 bytes, hex. */
const bytes32Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/));

/** Messages of the vault concern: lock state and buyer PII reads. All `page` only. */
export const vaultMessages = {
  'vault/status': defineMessage('page', z.object({})).returns<VaultStatus>(),
  'vault/setup': defineMessage('page', z.object({ passphrase })).returns<VaultStatus>(),
  'vault/unlock': defineMessage('page', z.object({ passphrase })).returns<VaultStatus>(),
  'vault/lock': defineMessage('page', z.object({})).returns<VaultStatus>(),
  'vault/change-passphrase': defineMessage('page', z.object({ current: passphrase, next: passphrase })).returns<VaultStatus>(),
  /** Registered passkeys with what a page needs to ask the authenticator (credential ids, PRF salts); no key material. */
  'vault/passkeys': defineMessage('page', z.object({})).returns<PasskeysReply>(),
  /**
   * Registers a passkey the page just created: needs the vault unlocked AND the passphrase again
   * (a thief at an unlocked vault must not plant a lasting way in). Wrong passphrase = back-off.
   */
  'vault/passkey-add': defineMessage(
    'page',
    z.object({ passphrase, label: z.string().check(z.maxLength(200)), credentialId: credentialIdHex, prfSalt: bytes32Hex, prfOutput: bytes32Hex }),
  ).returns<PasskeysReply>(),
  /** Removes one passkey (vault unlocked). */
  'vault/passkey-remove': defineMessage('page', z.object({ id: z.string().check(z.regex(/^[0-9a-f]{32}$/)) })).returns<PasskeysReply>(),
  /** Unlock with a passkey's PRF output; the same back-off, audit and error as a wrong passphrase. */
  'vault/passkey-unlock': defineMessage('page', z.object({ credentialId: credentialIdHex, prfOutput: bytes32Hex })).returns<VaultStatus>(),
  /** Forgotten passphrase: deletes every buyer row and the keys; order facts stay. */
  'vault/reset': defineMessage('page', z.object({ confirm: z.literal(VAULT_RESET_CONFIRMATION) })).returns<VaultResetResult>(),
  /** Decrypts buyer PII (purges due rows first; `locked` error while locked). */
  'buyers/open': defineMessage(
    'page',
    z.object({ orderSns: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(MAX_OPEN_ORDERS)) }),
  ).returns<BuyersOpenReply>(),
  /** Addresses that changed since they were stored, each beside the one in use (unlocked only; audited). */
  'buyers/address-changes': defineMessage('page', z.object({})).returns<AddressChangeView[]>(),
  /**
   * Which optional buyer fields are captured (issue 15, data minimization). Turning one off while
   * buyer rows exist needs the vault unlocked: they are re-sealed without it at once.
   */
  'buyers/set-captured-fields': defineMessage('page', z.object({ captureBuyerEmail: z.boolean(), captureBackupPhone: z.boolean() })).returns<CapturedFieldsReply>(),
  /** The seller's decision on one changed address: accept (labels use it from now on) or keep the stored one. */
  'buyers/resolve-address-change': defineMessage('page', z.object({ orderSn: z.string().check(z.minLength(1), z.maxLength(64)), accept: z.boolean() })).returns<void>(),
};
