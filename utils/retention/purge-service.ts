import type { BackgroundDeps } from '../background/background-deps';

export interface PurgeResult {
  purgedOrders: string[];
  removedFiles: number;
}

/**
 * Deletes every buyers row whose purgeAt <= now (index range, cost follows the number due),
 * marks orders purged, removes tracked export files, one audit entry.
 * OWNED BY the retention work (issue 5); the vault calls it before every read of buyer data.
 */
export async function purgeDueBuyers(_deps: BackgroundDeps): Promise<PurgeResult> {
  return { purgedOrders: [], removedFiles: 0 };
}
