/**
 * CSV/formula injection (OWASP "CSV Injection"): a cell that starts with = + - @ TAB or CR can
 * be run as a formula by Excel, LibreOffice or Google Sheets. Buyer names and addresses are
 * typed by strangers, so every such cell gets a leading apostrophe, which spreadsheets read as
 * "this is text".
 *
 * Phone numbers such as "+1 555 0100" start with '+' and are neutralized too, on purpose:
 * OWASP recommends neutralizing every listed character, and Excel would otherwise evaluate
 * "+1-555-0100" as arithmetic (-654) and lose the number. The digits stay intact after the
 * apostrophe, so the number is still readable and copyable; see docs/decisions.md.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeCsvCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
