import type { PackageFact } from '../db/records';

/** Tracking numbers and package numbers: letters, digits and dashes (carriers' formats). */
const PACKAGE_ID = /^[A-Za-z0-9][A-Za-z0-9 _-]{2,63}$/;
/** Carriers' names are shown and exported: plain text, no control characters, short. */
const CARRIER = /^[\p{L}\p{N} .&()'/-]{1,60}$/u;
const MAX_PACKAGES = 20;

function cleanId(value: string | null): string | null {
  const trimmed = value?.trim() ?? '';
  return PACKAGE_ID.test(trimmed) ? trimmed : null;
}

/**
 * Packages of one order, cleaned and de-duplicated: two mentions are one package when they share
 * the package number or the tracking number (the ship action knows only the tracking number, the
 * package query both); the later mention fills what the earlier lacked. Entries with neither
 * number say nothing and are dropped.
 */
export function packageFacts(raw: readonly PackageFact[]): PackageFact[] {
  const out: PackageFact[] = [];
  for (const p of raw) {
    const fact: PackageFact = {
      packageSn: cleanId(p.packageSn),
      trackingNumber: cleanId(p.trackingNumber),
      carrier: p.carrier && CARRIER.test(p.carrier.trim()) ? p.carrier.trim() : null,
    };
    if (!fact.packageSn && !fact.trackingNumber) continue;
    const same = out.findIndex(
      (known) => (fact.packageSn !== null && known.packageSn === fact.packageSn) || (fact.trackingNumber !== null && known.trackingNumber === fact.trackingNumber),
    );
    if (same === -1) {
      if (out.length < MAX_PACKAGES) out.push(fact);
      continue;
    }
    const earlier = out[same]!;
    out[same] = {
      packageSn: fact.packageSn ?? earlier.packageSn,
      trackingNumber: fact.trackingNumber ?? earlier.trackingNumber,
      carrier: fact.carrier ?? earlier.carrier,
    };
  }
  return out;
}

/** The stored packages after a capture: merged by package number, never forgetting a known tracking number. */
export function mergePackages(stored: readonly PackageFact[] | undefined, captured: readonly PackageFact[]): PackageFact[] {
  return packageFacts([...(stored ?? []), ...captured]);
}
