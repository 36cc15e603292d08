import { PROCESSING_RECORDS } from '../processing/processing-records';
import type { EvidencePack, EvidenceReport } from './evidence-pack';

/** The evidence pack the seller saves: the background's report and the records of processing. */
export function evidencePackOf(report: EvidenceReport): EvidencePack {
  return {
    ...report,
    recordsOfProcessing: PROCESSING_RECORDS.map((g) => ({
      table: g.table,
      personal: g.personal,
      keeping: g.keeping,
      access: g.access,
      deletion: g.deletionText,
      fields: Object.entries(g.fields).map(([name, p]) => ({ name, source: p.source, purpose: p.purpose })),
    })),
  };
}
