import type { BackgroundDeps } from '../background-deps';
import type { vaultMessages } from './vault-messages';
import type { HandlerTable } from '../messaging/router';
import { recordAudit } from '../audit/audit-log';
import { buyerFieldsOff } from './buyer-pii';
import { openBuyers, removeBuyerFields, resealLegacyEnvelopes, resolveAddressChange, reviewPendingAddresses } from './buyer-store';
import { addPasskey, listPasskeys, removePasskey, unlockWithPasskey } from './passkey-service';
import { changePassphrase, getVaultStatus, lockVault, requireUnlockedKeys, resetVault, setupVault, unlockVault } from './vault-service';

export function createVaultHandlers(deps: BackgroundDeps): HandlerTable<typeof vaultMessages> {
  /** The same follow-up work after either unlock method. */
  async function afterUnlock(): Promise<void> {
    // Rows sealed before shred keys get one (once): from now on deleting them is for good.
    await resealLegacyEnvelopes(deps, 'background');
    // Addresses captured while locked are compared now: identical ones go, changed ones wait.
    await reviewPendingAddresses(deps, 'background');
  }

  return {
    'vault/status': () => getVaultStatus(deps),
    'vault/setup': async ({ passphrase }, ctx) => {
      await setupVault(deps, passphrase, ctx.actor);
      return getVaultStatus(deps);
    },
    'vault/unlock': async ({ passphrase }, ctx) => {
      await unlockVault(deps, passphrase, ctx.actor);
      await afterUnlock();
      return getVaultStatus(deps);
    },
    'vault/passkeys': () => listPasskeys(deps),
    'vault/passkey-add': (request, ctx) => addPasskey(deps, request, ctx.actor),
    'vault/passkey-remove': ({ id }, ctx) => removePasskey(deps, id, ctx.actor),
    'vault/passkey-unlock': async ({ credentialId, prfOutput }, ctx) => {
      await unlockWithPasskey(deps, credentialId, prfOutput, ctx.actor);
      await afterUnlock();
      return getVaultStatus(deps);
    },
    'vault/lock': async (_data, ctx) => {
      await lockVault(deps, ctx.actor, 'lock');
      return getVaultStatus(deps);
    },
    'vault/change-passphrase': async ({ current, next }, ctx) => {
      await changePassphrase(deps, current, next, ctx.actor);
      return getVaultStatus(deps);
    },
    'vault/reset': (_data, ctx) => resetVault(deps, ctx.actor),
    'buyers/open': ({ orderSns }, ctx) => openBuyers(deps, orderSns, ctx.actor),
    'buyers/address-changes': (_data, ctx) => reviewPendingAddresses(deps, ctx.actor),
    'buyers/set-captured-fields': async (choice, ctx) => {
      const wasOff = buyerFieldsOff(await deps.settings.read());
      const turnedOff = buyerFieldsOff(choice).filter((field) => !wasOff.includes(field));
      const rowsHeld = turnedOff.length > 0 && (await deps.db.buyers.count()) > 0;
      // Refused before anything changes: a field turned off must leave stored records at once.
      if (rowsHeld) await requireUnlockedKeys(deps);
      const next = await deps.settings.write(choice);
      await recordAudit(deps.db, deps.now(), { actor: ctx.actor, action: 'settings.change', detail: 'captureBackupPhone,captureBuyerEmail' });
      const resealed = rowsHeld ? await removeBuyerFields(deps, turnedOff, ctx.actor) : 0;
      await deps.notifyChanged();
      return { captureBuyerEmail: next.captureBuyerEmail, captureBackupPhone: next.captureBackupPhone, resealed };
    },
    'buyers/resolve-address-change': ({ orderSn, accept }, ctx) => resolveAddressChange(deps, orderSn, accept, ctx.actor),
  };
}
