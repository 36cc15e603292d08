import type { FontProvider } from '../export/fonts';
import type { DrawOp } from '../export/label-layout';
import { placeLines } from '../export/label-layout';
import { createExportDocument, saveExportDocument } from '../export/label-pdf';
import { createPageWriter } from '../export/pdf-draw';
import { embedTextFonts, type TextShaper } from '../export/pdf-text';
import { PAGE_SIZES_PT } from '../export/sheet-layout';
import type { EvidencePack } from './evidence-pack';

type Line = { text: string; size: number };
const yesNo = (v: boolean | null) => (v === null ? 'pending' : v ? 'met' : 'MISSED');

/** The readable report, in English (the marketplace reads it), from the same pack as the JSON. */
export function evidenceLines(p: EvidencePack): Line[] {
  const h = (text: string): Line => ({ text, size: 13 });
  const t = (text: string): Line => ({ text, size: 9 });
  const lines: Line[] = [
    { text: 'Seller Vault for Temu - compliance evidence pack', size: 16 },
    t(`Generated ${p.generatedAt}; privacy policy version ${p.policy.version}. Holds no buyer personal data.`),
    t(''),
  ];
  const r = p.retention;
  lines.push(
    h('1. Retention'),
    t(`Buyer data kept ${r.retentionDays} days after shipment (policy maximum ${p.policy.retentionDaysMax}).`),
    t(`Orders holding buyer data: ${r.ordersHoldingBuyerData}; live export files: ${r.liveExportFiles}; next purge: ${r.nextPurgeAt ?? 'none'}.`),
    t(`Last purge: ${r.lastPurge ? `${r.lastPurge.at}, ${r.lastPurge.orders} orders (${r.lastPurge.trigger})` : 'none yet'}.`),
    ...r.upcomingPurges.map((d) => t(`  purge from ${d.first}: ${d.orders} orders`)),
    t(''),
    h('2. Deletion notices (72 h / 90 days)'),
  );
  if (p.deletionNotices.length === 0) lines.push(t('None received.'));
  for (const n of p.deletionNotices) {
    lines.push(
      t(
        `#${n.id} received ${n.receivedAt}, scope ${n.scope}; carried out ${n.carriedOutAt ?? 'no'}; 72 h ${yesNo(n.within72h)}; ${n.deletedBuyers} records, ${n.removedFiles} files; no live copy: ${n.noLiveCopy ? 'yes' : 'NO'} (due ${n.liveCopyDueBy})`,
      ),
    );
  }
  lines.push(t(''), h('3. Buyer requests (24 h / 48 h / 7 days)'));
  if (p.requests.length === 0) lines.push(t('None received.'));
  for (const q of p.requests) {
    lines.push(
      t(`#${q.id} ${q.kind}, ${q.state}; received ${q.receivedAt}; verified ${q.verifiedAt ?? '-'}; closed ${q.closedAt ?? '-'}`),
      t(
        `   identity 24 h ${yesNo(q.verifiedOnTime)}; done 48 h ${yesNo(q.completedOnTime)}; 7 days ${yesNo(q.withinSevenDays)}; buyer told of delay: ${q.buyerToldOfDelay ? 'yes' : 'no'}`,
      ),
      ...q.actions.map((a) => t(`   ${a}`)),
    );
  }
  lines.push(t(''), h('4. Security incidents (72 h)'));
  if (p.incidents.length === 0) lines.push(t('None recorded.'));
  for (const i of p.incidents) {
    lines.push(
      t(
        `#${i.id} ${i.state}; detected ${i.detectedAt}; due ${i.dueAt}; reported ${i.reportedAt ?? '-'} (${yesNo(i.reportedOnTime)}); resolved ${i.resolvedAt ?? '-'} (${yesNo(i.resolvedOnTime)}); data: ${i.dataCategories.join(', ') || '-'}; orders: ${i.affectedOrders}`,
      ),
    );
  }
  const a = p.audit;
  lines.push(
    t(''),
    h('5. Audit log'),
    t(`Verification: ${a.intact ? `intact (${a.checked} entries)` : `BROKEN at entry ${a.brokenAtSeq} (${a.reason})`}; kept ${a.retentionDays} days.`),
    t(`Chain head: ${a.head ? `#${a.head.seq} ${a.head.hash}` : 'none'}`),
    t(`Checkpoint: ${a.checkpoint ? `through #${a.checkpoint.throughSeq} ${a.checkpoint.throughHash}, signed by ${a.checkpoint.publicKey}` : 'none (nothing pruned)'}`),
    t(''),
    h('6. Records of processing'),
  );
  for (const g of p.recordsOfProcessing) {
    lines.push(t(`${g.table}: ${g.personal ? 'personal data' : 'no personal data'}, ${g.keeping}; access: ${g.access}; deleted: ${g.deletion}`));
    for (const f of g.fields) lines.push(t(`   ${f.name} (${f.source}): ${f.purpose}`));
  }
  return lines;
}

/** Splits a line at spaces so it fits `width` (a word longer than the line is cut). */
function wrap(shaper: TextShaper, text: string, size: number, width: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of text.split(' ')) {
    const next = current ? `${current} ${word}` : word;
    if (shaper.width(next, size) <= width || !current) current = next;
    else {
      out.push(current);
      current = `   ${word}`;
    }
  }
  out.push(current);
  return out;
}

/** A4 portrait PDF of the evidence pack. */
export async function renderEvidencePdf(pack: EvidencePack, fonts: FontProvider, createdAt: number): Promise<Uint8Array> {
  const lines = evidenceLines(pack);
  const doc = await createExportDocument('Compliance evidence pack', createdAt);
  const shaper = await embedTextFonts(
    doc,
    fonts,
    lines.map((l) => l.text),
  );
  const writer = createPageWriter(doc, shaper);
  const [width, height] = PAGE_SIZES_PT.a4;
  const margin = 40;
  let page = doc.addPage([width, height]);
  let ops: DrawOp[] = [];
  let top = height - margin;
  for (const line of lines) {
    const lineHeight = (shaper.ascent + shaper.descent) * line.size * 1.15;
    for (const part of wrap(shaper, line.text, line.size, width - 2 * margin)) {
      if (top - lineHeight < margin) {
        writer.draw(page, ops);
        page = doc.addPage([width, height]);
        ops = [];
        top = height - margin;
      }
      placeLines(ops, shaper, [part], line.size, { x: margin, y: top - lineHeight, width: width - 2 * margin, height: lineHeight });
      top -= lineHeight;
    }
  }
  writer.draw(page, ops);
  writer.finish();
  return saveExportDocument(doc);
}
