import { useBackground } from '../common/use-background';

/** The vault's lock state for any page; refreshes when the background reports a change. */
export function useVault() {
  return useBackground('vault/status', {});
}

/** The registered passkeys (labels, dates, what the authenticator is asked for); no key material. */
export function usePasskeys() {
  return useBackground('vault/passkeys', {});
}
