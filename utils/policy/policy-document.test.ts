import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePolicyDocument, POLICY_VERSION, policyVersionOf } from './policy-document';

const docs = ['docs/privacy-policy.md', 'docs/privacy-policy.zh-CN.md'].map((p) => fs.readFileSync(p, 'utf8'));

describe('privacy policy document', () => {
  it('states the version the extension records with each authorization, in every language', () => {
    for (const doc of docs) expect(policyVersionOf(doc)).toBe(POLICY_VERSION);
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
