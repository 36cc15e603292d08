import type { ProcessingGroup } from '../../utils/processing/processing-records';
import { i18n } from '../common/i18n';

/**
 * The records-of-processing table in the seller's language. The English texts in
 * utils/processing/processing-records.ts stay what the evidence pack (PDF and JSON for the
 * marketplace) carries; the page reads the same texts from the locale files, keyed by table and
 * field. The keys are built from stored table and field names, which the message types cannot
 * follow; processing-text.test.ts checks that both locales hold every one, and that the English
 * locale says exactly what the evidence pack says.
 */
const t = i18n.t as (key: string) => string;

export function purposeKey(table: string, field: string): string {
  return `processing.purpose.${table}.${field}`;
}

export function processingPurposeText(group: ProcessingGroup, field: string): string {
  return t(purposeKey(group.table, field));
}

export function processingAccessText(group: ProcessingGroup): string {
  return t(`processing.access.${group.table}`);
}

export function processingDeletionText(group: ProcessingGroup): string {
  return t(`processing.deleted.${group.table}`);
}
