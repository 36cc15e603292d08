import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareVersions, parsePolicyDocument, POLICY_CHANGES, POLICY_DATE, POLICY_VERSION, policyChangesSince, policyDateOf, policyVersionOf } from './policy-document';

const docs = ['docs/privacy-policy.md', 'docs/privacy-policy.zh-CN.md'].map((p) => fs.readFileSync(p, 'utf8'));

describe('privacy policy document', () => {
  it('states the version the extension records with each authorization, in every language', () => {
    for (const doc of docs) expect(policyVersionOf(doc)).toBe(POLICY_VERSION);
    for (const doc of docs) expect(policyDateOf(doc)).toBe(POLICY_DATE);
  });

  it('has a change summary for the current version, and shows a seller only what is newer than what they accepted', () => {
    expect(POLICY_CHANGES.at(-1)).toMatchObject({ version: POLICY_VERSION, date: POLICY_DATE });
    expect(policyChangesSince('1.0').map((c) => c.version)).toEqual(['1.1']);
    expect(policyChangesSince(POLICY_VERSION)).toEqual([]);
    const many = [
      { version: '1.1', date: 'a', sections: [] },
      { version: '1.2', date: 'b', sections: [] },
      { version: '1.10', date: 'c', sections: [] },
    ];
    expect(policyChangesSince('1.1', many).map((c) => c.version)).toEqual(['1.2', '1.10']);
    expect(compareVersions('1.10', '1.9')).toBeGreaterThan(0);
  });

  it('states the policy numbers the extension enforces', () => {
    const [en] = docs;
    for (const promise of ['28 days after the order ships', '72 hours', '90 days', '48 hours', '24 hours', '7 days']) {
      expect(en).toContain(promise);
    }
  });

  it('parses into title, headings and paragraphs, keeping markup as plain text', () => {
    const blocks = parsePolicyDocument('# T\n\nVersion: 2\n\n## H\nline one\nline two\n\n<b>x</b>');
    expect(blocks).toEqual([
      { kind: 'title', text: 'T' },
      { kind: 'paragraph', text: 'Version: 2' },
      { kind: 'heading', text: 'H' },
      { kind: 'paragraph', text: 'line one line two' },
      { kind: 'paragraph', text: '<b>x</b>' },
    ]);
  });
});
