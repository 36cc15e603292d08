import type { BackgroundDeps } from '../background/background-deps';
import type { HandlerTable } from '../messaging/router';
import type { vaultMessages } from '../messaging/protocol/vault';

export function createVaultHandlers(_deps: BackgroundDeps): HandlerTable<typeof vaultMessages> {
  return {
    'vault/ping': async () => ({ ok: true }),
  };
}
