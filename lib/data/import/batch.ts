import { convertRow } from './convert';
import type { LeadRowOptions } from './convert-lead';
import { type ColumnMapping, columnLetter, type ImportKind } from './fields';
import type { ReportEntry } from './import-report';
import type { ImportResult } from './result';
import type { AnyRow } from './rows';
import type { Pending } from './write';

/**
 * One batch of rows converted and checked (no I/O): its valid rows in file order, and what it adds
 * to the progress and the report once it is written (a batch cancelled before its write counts
 * for nothing: the result names only rows that were imported or skipped).
 */
export type ConvertedBatch = {
  valid: Array<Pending<AnyRow>>;
  rowsRead: number;
  rejected: number;
  warnings: number;
  unusableIds: ImportResult['unusableIds'];
  entries: ReportEntry[];
};

/** What the rows are read as: the kind, the mapping, the file's headers, the user's choices. */
export type BatchShape = {
  kind: ImportKind;
  mapping: ColumnMapping;
  headers: readonly string[];
  options: LeadRowOptions;
};

/** A column as the report names it: its header, or its spreadsheet letter. */
export function columnName(headers: readonly string[], column: number): string {
  return headers[column] ?? `Column ${columnLetter(column)}`;
}

export function convertBatch(
  shape: BatchShape,
  rows: readonly string[][],
  rowNumbers: readonly number[],
  notes: ReadonlyArray<{ row: number; reason: string }> = [],
): ConvertedBatch {
  const { headers } = shape;
  const batch: ConvertedBatch = {
    valid: [],
    rowsRead: rows.length,
    rejected: 0,
    warnings: 0,
    unusableIds: { scientific: 0, shape: 0 },
    entries: [],
  };
  const note = (row: number, column: string, reason: string, severity: ReportEntry['severity']) => {
    if (severity === 'warning') batch.warnings++;
    batch.entries.push({ row, column, reason, severity });
  };
  for (const { row, reason } of notes) note(row, '', reason, 'warning');
  rows.forEach((cells, index) => {
    const row = rowNumbers[index] ?? 0;
    if (cells.length > headers.length && cells.slice(headers.length).some((cell) => cell.trim() !== '')) {
      batch.rejected++;
      note(
        row,
        '',
        `has ${cells.length} cells but the header has ${headers.length} columns (a stray delimiter or an unclosed quote?)`,
        'rejected',
      );
      return;
    }
    const converted = convertRow(shape.kind, shape.mapping, cells, shape.options);
    for (const warning of converted.warnings) {
      note(row, columnName(headers, warning.column), warning.reason, 'warning');
      if (warning.code === 'unusable-id')
        batch.unusableIds[warning.reason.includes('scientific notation') ? 'scientific' : 'shape']++;
    }
    if (!converted.ok) {
      batch.rejected++;
      for (const issue of converted.issues)
        note(row, columnName(headers, issue.column), issue.reason, 'rejected');
      return;
    }
    batch.valid.push({ row, value: converted.value });
  });
  return batch;
}
