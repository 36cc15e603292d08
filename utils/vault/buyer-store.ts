import type { BackgroundDeps } from '../background/background-deps';
import type { CapturedAddress } from '../capture/buyer-pii';
import type { AuditActor } from '../db/records';

export interface StoreAddressesResult {
  stored: number;
  skipped: { reason: string; count: number }[];
}

/**
 * Seals captured addresses to the vault public key (works while locked) and stores them in one
 * transaction with an audit entry. Skips: no vault set up, order unknown, PII already due.
 * OWNED BY the vault work (issue 4); this is the contract the capture work codes against.
 */
export async function storeCapturedAddresses(
  _deps: BackgroundDeps,
  addresses: CapturedAddress[],
  _actor: AuditActor,
): Promise<StoreAddressesResult> {
  return { stored: 0, skipped: [{ reason: 'vault-not-implemented', count: addresses.length }] };
}
