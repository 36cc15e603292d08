import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { chainAuditEntry, verifyAuditChain } from '../../utils/audit/audit-chain';
import type { AuditRecord } from '../../utils/db/records';
import { renderCsv } from '../../utils/export/csv-presets';
import { escapeFieldData } from '../../utils/export/zpl';
import { computePurgeAt, DAY_MS } from '../../utils/retention/retention-rule';
import { readSellerCenterTime, MAX_PLAUSIBLE_MS } from '../../utils/time/seller-center-time';
import { label } from '../support/label-test-data';
import { anyText, hostileJson, hostileText, RUNS } from './hostile-values';

/** Issue 16: the retention rule, time parsing, the CSV and ZPL text encoders and the audit chain, 10,000 generated inputs each. */
const opts = { numRuns: RUNS };
const FUZZ_TIMEOUT = 180_000;
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) });

describe('rules and encoders under 10,000 generated inputs each (issue 16)', () => {
  it(
    'purgeAt never moves later, never exceeds the retention period after the clock start, and never lies beyond now + period',
    () => {
      fc.assert(
        fc.property(
          fc.record({ shippedAt: fc.option(instant), capturedAt: instant, cancelled: fc.boolean() }),
          fc.integer({ min: -5, max: 400 }),
          instant,
          fc.option(instant),
          (facts, days, now, previous) => {
            const purgeAt = computePurgeAt(facts, days, now, previous);
            if (previous !== null) expect(purgeAt).toBeLessThanOrEqual(previous);
            expect(purgeAt).toBeLessThanOrEqual(now + 28 * DAY_MS);
            if (facts.cancelled) expect(purgeAt).toBeLessThanOrEqual(now);
          },
        ),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'a seller-center time never throws and is never implausible',
    () => {
      fc.assert(
        fc.property(fc.oneof(hostileJson, anyText, fc.double(), fc.integer()), fc.option(fc.integer({ min: -1000, max: 1000 })), (value, offset) => {
          const t = readSellerCenterTime(value, { utcOffsetMinutes: offset });
          if (t) expect(t.at).toBeLessThan(MAX_PLAUSIBLE_MS);
        }),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'no captured text comes out of a CSV as a formula (checked after NFKC, as spreadsheets may read full-width signs)',
    () => {
      const fields = fc.record({ name: hostileText, addressLine1: hostileText, city: hostileText, phone: fc.option(hostileText), email: fc.option(hostileText) });
      fc.assert(
        fc.property(fields, fc.constantFrom('generic', 'shippingeasy', 'shipandco') as fc.Arbitrary<'generic' | 'shippingeasy' | 'shipandco'>, (to, preset) => {
          const csv = renderCsv([label({}, { ...to, name: to.name || 'x', addressLine1: to.addressLine1 || 'x' })], { preset });
          const cells = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.flat();
          for (const cell of cells) {
            const text = cell.normalize('NFKC').trimStart();
            // A phone-only cell ("+49 151 55512345") is data (issue 14); anything else starting like a formula was neutralized.
            if (/^[=+\-@\t\r]/.test(text) && !/^\+\d+( \d+)*$/.test(text)) expect(cell.startsWith("'"), JSON.stringify(cell)).toBe(true);
          }
        }),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'ZPL field data never carries a command or line break',
    () => {
      fc.assert(
        fc.property(fc.oneof(anyText, hostileText), (text) => {
          const out = escapeFieldData(text);
          expect(out).not.toMatch(/[\^~\r\n]/);
        }),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );

  it(
    'a verified audit chain stays verified after any append, and any edit of any entry breaks it there',
    () => {
      const event = fc.record({
        at: instant,
        actor: fc.constantFrom('popup', 'options', 'background', 'content', 'print'),
        action: anyText,
        counts: fc.dictionary(anyText, fc.nat(), { maxKeys: 3 }),
        orderSns: fc.array(anyText, { maxLength: 3 }),
        detail: fc.option(anyText),
      });
      fc.assert(
        fc.property(fc.array(event, { minLength: 1, maxLength: 12 }), event, fc.nat(), anyText, (events, extra, pick, tamper) => {
          const chain: AuditRecord[] = [];
          for (const e of events) chain.push(chainAuditEntry(chain.at(-1), e as Omit<AuditRecord, 'seq' | 'hash' | 'prevHash'>));
          expect(verifyAuditChain(chain)).toMatchObject({ ok: true });
          const longer = [...chain, chainAuditEntry(chain.at(-1), extra as Omit<AuditRecord, 'seq' | 'hash' | 'prevHash'>)];
          expect(verifyAuditChain(longer)).toMatchObject({ ok: true, checked: longer.length });
          const i = pick % chain.length;
          const edited = chain.map((e, j) => (j === i ? { ...e, action: `${e.action}${tamper}x` } : e));
          expect(verifyAuditChain(edited)).toMatchObject({ ok: false, brokenAtSeq: chain[i]!.seq });
        }),
        opts,
      );
    },
    FUZZ_TIMEOUT,
  );
});
