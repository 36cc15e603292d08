import type { BackgroundDeps } from '../background-deps';
import type { vaultMessages } from './vault-messages';
import type { HandlerTable } from '../messaging/router';
import { openBuyers, resealLegacyEnvelopes, resolveAddressChange, reviewPendingAddresses } from './buyer-store';
import { changePassphrase, getVaultStatus, lockVault, resetVault, setupVault, unlockVault } from './vault-service';

export function createVaultHandlers(deps: BackgroundDeps): HandlerTable<typeof vaultMessages> {
  return {
    'vault/status': () => getVaultStatus(deps),
    'vault/setup': async ({ passphrase }, ctx) => {
      await setupVault(deps, passphrase, ctx.actor);
      return getVaultStatus(deps);
    },
    'vault/unlock': async ({ passphrase }, ctx) => {
      await unlockVault(deps, passphrase, ctx.actor);
      // Rows sealed before shred keys get one (once): from now on deleting them is for good.
      await resealLegacyEnvelopes(deps, 'background');
      // Addresses captured while locked are compared now: identical ones go, changed ones wait.
      await reviewPendingAddresses(deps, 'background');
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
    'buyers/resolve-address-change': ({ orderSn, accept }, ctx) => resolveAddressChange(deps, orderSn, accept, ctx.actor),
  };
}
