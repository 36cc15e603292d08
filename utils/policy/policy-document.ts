/** Version of docs/privacy-policy.md shown to the seller and recorded with each shop authorization. */
export const POLICY_VERSION = '1.0';

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

/** The policy's number: buyer PII is deleted 28 days after shipment (never later). */
export const MAX_RETENTION_DAYS = 28;
