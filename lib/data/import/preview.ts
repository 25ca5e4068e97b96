import { parseInstant } from './cells';
import { convertLeadRow } from './convert-lead';
import { type ColumnMapping, handoffCandidates, type ImportKind } from './fields';
import { cleanHeaders, readCsv, readJsonRows, sniffFile } from './read';
import type { StatusStages } from './status-values';

/**
 * What the import would do, read from the whole file before anything is written: how full each
 * column is, the values of the status column (to choose what each means), and how many MQLs
 * would have no handoff date, with each date column that could give them one. Nothing is stored.
 */

export type ImportPreview = {
  rows: number;
  /** Non-empty cells per column. */
  filled: number[];
  /** The status column's values (trimmed) and how many rows have each; at most STATUS_VALUES. */
  statusValues: Array<{ value: string; rows: number }>;
  /** More distinct status values than listed. */
  statusValuesOmitted: number;
  /** Rows that would be MQLs, and of them those with no MQL date and no handoff date. */
  mqls: number;
  /** MQLs whose own MQL-date cell is empty (before any handoff column). */
  mqlsWithoutMqlDate: number;
  mqlsWithoutHandoff: number;
  /**
   * Date columns that could be the handoff: how many MQLs with no MQL date each would give a
   * date (the choice the user makes, shown beside each).
   */
  handoffColumns: Array<{ column: number; covers: number }>;
};

export const STATUS_VALUES = 60;

export async function previewImport(
  file: Blob,
  fileName: string,
  kind: ImportKind,
  mapping: ColumnMapping,
  statusStages: StatusStages = {},
  signal?: AbortSignal,
): Promise<ImportPreview> {
  const preview: ImportPreview = {
    rows: 0,
    filled: mapping.map(() => 0),
    statusValues: [],
    statusValuesOmitted: 0,
    mqls: 0,
    mqlsWithoutMqlDate: 0,
    mqlsWithoutHandoff: 0,
    handoffColumns: [],
  };
  const statusColumn = mapping.indexOf('leadStatus');
  const counts = new Map<string, number>();
  let candidates: number[] = [];
  const covers = new Map<number, number>();
  // Converted without the handoff column, to know which MQLs lack an MQL date of their own.
  const withoutHandoff = mapping.map((target) => (target === 'handoffAt' ? null : target));
  const handoff = mapping.indexOf('handoffAt');
  const visit = (cells: readonly string[]) => {
    preview.rows++;
    cells.forEach((cell, index) => {
      if (index < preview.filled.length && cell.trim() !== '')
        preview.filled[index] = (preview.filled[index] ?? 0) + 1;
    });
    if (statusColumn >= 0) {
      const value = (cells[statusColumn] ?? '').trim();
      if (value !== '' && (counts.has(value) || counts.size < STATUS_VALUES))
        counts.set(value, (counts.get(value) ?? 0) + 1);
      else if (value !== '') preview.statusValuesOmitted++;
    }
    if (kind !== 'leads') return;
    const converted = convertLeadRow(withoutHandoff, cells, { statusStages });
    if (!converted.ok || converted.value.fields.stage !== 'mql') return;
    preview.mqls++;
    if (converted.value.fields.mqlAt) return;
    preview.mqlsWithoutMqlDate++;
    for (const column of candidates)
      if (parseInstant(cells[column] ?? '') !== undefined) covers.set(column, (covers.get(column) ?? 0) + 1);
    if (handoff < 0 || parseInstant(cells[handoff] ?? '') === undefined) preview.mqlsWithoutHandoff++;
  };

  const sniffed = await sniffFile(file, fileName);
  if (sniffed.format === 'json') {
    const { headers, rows } = await readJsonRows(file, sniffed.encoding, sniffed.bomBytes);
    candidates = handoffCandidates(headers).filter((column) => mapping[column] !== 'mqlAt');
    for (const row of rows) visit(row);
  } else {
    let header = true;
    for await (const batch of readCsv(file, { encoding: sniffed.encoding, startByte: sniffed.bomBytes })) {
      signal?.throwIfAborted();
      for (const row of batch.rows) {
        if (header) {
          header = false;
          const headers = cleanHeaders(row).headers;
          candidates = handoffCandidates(headers).filter((column) => mapping[column] !== 'mqlAt');
          continue;
        }
        visit(row);
      }
    }
  }
  preview.statusValues = [...counts].map(([value, rows]) => ({ value, rows }));
  preview.handoffColumns = candidates.map((column) => ({ column, covers: covers.get(column) ?? 0 }));
  return preview;
}
