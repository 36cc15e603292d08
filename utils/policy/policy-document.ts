/** Version of docs/privacy-policy.md shown to the seller and recorded with each shop authorization. */
export const POLICY_VERSION = '1.1';
/** Date the bundled version takes effect (the "Version: x — effective <date>" line). */
export const POLICY_DATE = '2026-12-02';

/** Policy sections a change summary can name (each has a locale key `policyChanges.section.<id>`). */
export type PolicySection = 'whatIsRead' | 'cookies' | 'changes';

/**
 * What each version changed, one short summary per changed section (locale keys
 * `policyChanges.v<version with _>.<section>`), newest last. A seller who accepted an older
 * version is shown every entry after it, and capture pauses until they accept (consent-read.ts).
 */
export const POLICY_CHANGES: readonly { version: string; date: string; sections: readonly PolicySection[] }[] = [
  { version: '1.1', date: '2026-12-02', sections: ['whatIsRead', 'cookies', 'changes'] },
];

/** Numeric comparison of dotted versions ("1.10" after "1.9"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The changes a seller who accepted `acceptedVersion` has not seen yet. */
export function policyChangesSince(acceptedVersion: string, changes = POLICY_CHANGES): typeof POLICY_CHANGES {
  return changes.filter((c) => compareVersions(c.version, acceptedVersion) > 0);
}

export type PolicyBlock = { kind: 'title' | 'heading' | 'paragraph'; text: string };

/**
 * Splits the policy markdown (headings and paragraphs only, by design) into blocks that React
 * renders as text; no markdown-to-HTML step, so nothing is ever injected as HTML.
 */
export function parsePolicyDocument(markdown: string): PolicyBlock[] {
  return markdown
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .flatMap((chunk): PolicyBlock[] => {
      const [first = '', ...rest] = chunk.split('\n');
      const heading = /^(#{1,2})\s+(.*)$/.exec(first);
      const body = (heading ? rest : [first, ...rest])
        .map((l) => l.trim())
        .filter(Boolean)
        .join(' ');
      const blocks: PolicyBlock[] = [];
      if (heading) blocks.push({ kind: heading[1] === '#' ? 'title' : 'heading', text: heading[2]!.trim() });
      if (body) blocks.push({ kind: 'paragraph', text: body });
      return blocks;
    });
}

/** The "Version: x" line of a policy document, so a test can keep POLICY_VERSION and the text in step. */
export function policyVersionOf(markdown: string): string | null {
  return /^(?:Version|版本)[:：]\s*([0-9.]+)/m.exec(markdown)?.[1] ?? null;
}

/** The date on the version line ("— effective 2026-12-02" / "— 2026-12-02 生效"). */
export function policyDateOf(markdown: string): string | null {
  return /^(?:Version|版本)[:：].*?(\d{4}-\d{2}-\d{2})/m.exec(markdown)?.[1] ?? null;
}

/** The policy's number: buyer PII is deleted 28 days after shipment (never later). */
export const MAX_RETENTION_DAYS = 28;
