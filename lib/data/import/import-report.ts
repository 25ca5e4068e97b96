import { csvLine } from '../export/csv';

/** One line of the import report: a rejected row's problem, or a warning about a kept row. */
export type ReportEntry = {
  /** The row as a spreadsheet numbers it (the header is row 1); 0 for the file as a whole. */
  row: number;
  /** The column's header ("" for the whole row or file). */
  column: string;
  reason: string;
  severity: 'rejected' | 'warning';
};

/** How many report lines are kept for display and download; the rest are only counted. */
export const REPORT_LIMIT = 10_000;

export class ImportReport {
  readonly entries: ReportEntry[] = [];
  omitted = 0;

  add(entry: ReportEntry): void {
    if (this.entries.length < REPORT_LIMIT) this.entries.push(entry);
    else this.omitted++;
  }
}

/** The report as CSV (cells safe to open in a spreadsheet), for the "Download report" button. */
export function reportToCsv(entries: readonly ReportEntry[], omitted = 0): string {
  const lines = [csvLine(['Row', 'Column', 'Problem', 'Result'])];
  for (const entry of entries)
    lines.push(
      csvLine([
        entry.row === 0 ? 'file' : entry.row,
        entry.column,
        entry.reason,
        entry.severity === 'rejected' ? 'row skipped' : 'row kept',
      ]),
    );
  if (omitted > 0) lines.push(csvLine(['', '', `${omitted} more problems not listed`, '']));
  return `${lines.join('\r\n')}\r\n`;
}
