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
 * Packages of one order, cleaned and de-duplicated: a package is known by its number (or its
 * tracking number when the number is missing); the later mention fills what the earlier lacked.
 * Entries without a tracking number or package number say nothing and are dropped.
 */
export function packageFacts(raw: readonly PackageFact[]): PackageFact[] {
  const byKey = new Map<string, PackageFact>();
  for (const p of raw) {
    const fact: PackageFact = {
      packageSn: cleanId(p.packageSn),
      trackingNumber: cleanId(p.trackingNumber),
      carrier: p.carrier && CARRIER.test(p.carrier.trim()) ? p.carrier.trim() : null,
    };
    const key = fact.packageSn ?? fact.trackingNumber;
    if (!key) continue;
    const earlier = byKey.get(key);
    byKey.set(key, {
      packageSn: fact.packageSn ?? earlier?.packageSn ?? null,
      trackingNumber: fact.trackingNumber ?? earlier?.trackingNumber ?? null,
      carrier: fact.carrier ?? earlier?.carrier ?? null,
    });
    if (byKey.size >= MAX_PACKAGES) break;
  }
  return [...byKey.values()];
}

/** The stored packages after a capture: merged by package number, never forgetting a known tracking number. */
export function mergePackages(stored: readonly PackageFact[] | undefined, captured: readonly PackageFact[]): PackageFact[] {
  return packageFacts([...(stored ?? []), ...captured]);
}
