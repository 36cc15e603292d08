import { bytesToHex, hexToBytes, randomBytes } from '@noble/hashes/utils.js';
import { appendAudit } from '../audit/audit-log';
import type { BackgroundDeps } from '../background-deps';
import { UnwrapError } from '../crypto/key-wrap';
import { unwrapVaultKeysWithPasskey, wrapVaultKeysForPasskey } from '../crypto/passkey-wrap';
import { unwrapVaultKeys } from '../crypto/vault-keys';
import type { AuditActor } from '../db/records';
import { deleteMeta, writeMeta } from '../meta-store';
import { MessageError } from '../messaging/envelope';
import {
  assertRoomForPasskey,
  findPasskey,
  MAX_PASSKEYS,
  markPasskeyUsed,
  PasskeyListError,
  passkeyLabel,
  summarizePasskeys,
  withoutPasskey,
  withPasskey,
  type PasskeyRecord,
} from './passkeys';
import type { PasskeysReply } from './vault-messages';
import { completeUnlock, currentState, readPasskeys, readWrappedKeys, requireTransition, requireUnlockedKeys, serialized, unwrapWithBackoff } from './vault-service';

/**
 * Passkey unlock (issue 15 item 8), background side. The page runs the WebAuthn ceremony
 * (components/vault/passkey-ceremony-adapter.ts) and sends the PRF output here; the output opens
 * a wrap of the vault keys and is dropped. The audit names the method and counts, never a label
 * or credential id.
 */

function reply(list: readonly PasskeyRecord[]): PasskeysReply {
  return { passkeys: summarizePasskeys(list), max: MAX_PASSKEYS };
}

function listError(err: unknown): never {
  if (err instanceof PasskeyListError) throw new MessageError(err.reason === 'not-found' ? 'not-found' : 'conflict', err.message);
  throw err;
}

export async function listPasskeys(deps: BackgroundDeps): Promise<PasskeysReply> {
  return reply(await readPasskeys(deps));
}

export interface NewPasskey {
  passphrase: string;
  label: string;
  credentialId: string;
  prfSalt: string;
  prfOutput: string;
}

/**
 * Adds a passkey: the vault must be unlocked and the passphrase given again. Someone who finds
 * the vault unlocked can read what is there today, but a passkey of their own would open every
 * address captured later, and it would survive a passphrase change; the passphrase check (with the
 * unlock back-off) stops that. The wrap is made from the passphrase-opened keys.
 */
export function addPasskey(deps: BackgroundDeps, request: NewPasskey, actor: AuditActor): Promise<PasskeysReply> {
  return serialized(async () => {
    await requireUnlockedKeys(deps);
    const wrapped = await readWrappedKeys(deps);
    if (!wrapped) throw new MessageError('not-found', 'No vault is set up yet');
    // Refused before the passphrase is tried: a full list or a known credential changes nothing.
    try {
      assertRoomForPasskey(await readPasskeys(deps), request.credentialId);
    } catch (err) {
      listError(err);
    }
    const keys = await unwrapWithBackoff(deps, () => unwrapVaultKeys(wrapped, request.passphrase), actor, 'passphrase');
    const prfOutput = hexToBytes(request.prfOutput);
    const wrap = wrapVaultKeysForPasskey(keys, prfOutput, hexToBytes(request.prfSalt), request.credentialId);
    prfOutput.fill(0);
    const { db } = deps;
    const after = await db.transaction('rw', [db.meta, db.audit], async () => {
      const current = await readPasskeys(deps);
      const record: PasskeyRecord = {
        id: bytesToHex(randomBytes(16)),
        credentialId: request.credentialId,
        label: passkeyLabel(request.label, current),
        createdAt: deps.now(),
        lastUsedAt: null,
        ...wrap,
      };
      let next: PasskeyRecord[];
      try {
        next = withPasskey(current, record);
      } catch (err) {
        listError(err);
      }
      await writeMeta(db, 'vault.passkeys', next);
      // The right passphrase was just given: earlier failures stop counting (as after a passphrase change).
      await deleteMeta(db, 'vaultUnlockBackoff');
      await appendAudit(db, deps.now(), { actor, action: 'vault.passkey-added', counts: { passkeys: next.length } });
      return next;
    });
    await deps.notifyChanged();
    return reply(after);
  });
}

/** Removes one passkey; needs the vault unlocked (nobody at a locked screen edits the ways in). */
export async function removePasskey(deps: BackgroundDeps, id: string, actor: AuditActor): Promise<PasskeysReply> {
  await requireUnlockedKeys(deps);
  const { db } = deps;
  const after = await db.transaction('rw', [db.meta, db.audit], async () => {
    let next: PasskeyRecord[];
    try {
      next = withoutPasskey(await readPasskeys(deps), id);
    } catch (err) {
      listError(err);
    }
    await writeMeta(db, 'vault.passkeys', next);
    await appendAudit(db, deps.now(), { actor, action: 'vault.passkey-removed', counts: { passkeys: next.length } });
    return next;
  });
  await deps.notifyChanged();
  return reply(after);
}

/**
 * Unlock with a passkey's PRF output. An unknown credential, a forged or wrong output and a
 * tampered wrap all answer the wrong-passphrase error and count toward the same back-off.
 */
export function unlockWithPasskey(deps: BackgroundDeps, credentialId: string, prfOutputHex: string, actor: AuditActor): Promise<void> {
  return serialized(async () => {
    const wrapped = await readWrappedKeys(deps);
    requireTransition(await currentState(deps), 'unlock');
    const passkey = findPasskey(await readPasskeys(deps), credentialId);
    const prfOutput = hexToBytes(prfOutputHex);
    let keys: Awaited<ReturnType<typeof unwrapWithBackoff>>;
    try {
      keys = await unwrapWithBackoff(
        deps,
        () => {
          if (!passkey) throw new UnwrapError();
          return unwrapVaultKeysWithPasskey(passkey, wrapped!.publicKey, prfOutput, credentialId);
        },
        actor,
        'passkey',
      );
    } finally {
      prfOutput.fill(0);
    }
    await completeUnlock(deps, keys, actor, 'passkey', async () => {
      await writeMeta(deps.db, 'vault.passkeys', markPasskeyUsed(await readPasskeys(deps), passkey!.id, deps.now()));
    });
  });
}
