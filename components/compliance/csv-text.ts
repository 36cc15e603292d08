import Papa from 'papaparse';
import { neutralizeCsvCell } from '../../utils/export/csv-safety';

/** RFC 4180 CSV with formula-looking cells neutralized (every captured string is data, never a formula). */
export function csvText(rows: string[][]): string {
  return Papa.unparse(rows.map((row) => row.map((cell) => neutralizeCsvCell(cell))));
}
