/**
 * CSV/formula injection (OWASP "CSV Injection"): a cell that starts with = + - @ TAB or CR can
 * be run as a formula by Excel, LibreOffice or Google Sheets. Buyer names and addresses are
 * typed by strangers, so every such cell gets a leading apostrophe, which spreadsheets read as
 * "this is text".
 *
 * The start is read after Unicode NFKC normalization and leading spaces: a full-width "＝" or
 * "＋" becomes "=" / "+" there, and some spreadsheets and IMEs normalize the same way, so it is
 * a formula start too (issue 14).
 *
 * One exception (issue 14): a cell that is only an international phone number — "+", then
 * digits in groups separated by single spaces, like "+49 151 55512345" — stays as it is.
 * Carriers import these files as data and a stray apostrophe corrupts the number, while such a
 * cell can call nothing: no function name, no reference, no operator other than the leading sign.
 * "+1-555-0100" is not exempt (a spreadsheet would compute 1 − 555 − 100), see docs/decisions.md.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PHONE_ONLY = /^\+\d+(?: \d+){0,5}$/;

export function neutralizeCsvCell(value: string): string {
  const normalized = value.normalize('NFKC');
  if (!FORMULA_START.test(normalized.replace(/^ +/, ''))) return value;
  if (isPhoneOnlyCell(value)) return value;
  return `'${value}`;
}

/** "+49 151 55512345": a leading plus and digit groups only, in plain ASCII (full-width digits are not exempt). */
export function isPhoneOnlyCell(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return PHONE_ONLY.test(value) && digits >= 7 && digits <= 15;
}
