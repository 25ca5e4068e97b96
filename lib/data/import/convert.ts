import { convertAttemptRow, convertHandbackRow, convertTouchRow } from './convert-activity';
import { convertAssetRow } from './convert-asset';
import { convertLeadRow, type LeadRowOptions } from './convert-lead';
import type { ColumnMapping, ImportKind } from './fields';
import type { Converted } from './issues';
import type { AnyRow } from './rows';

/**
 * One CSV or JSON row → the record it gives, by what the file holds. The converters are pure and
 * name the column of every problem: cells.ts reads a cell's text, words.ts the words CRMs use,
 * issues.ts words the problems, rows.ts groups a row's cells and finds whose record it is.
 */
export function convertRow(
  kind: ImportKind,
  mapping: ColumnMapping,
  cells: readonly string[],
  options: LeadRowOptions,
): Converted<AnyRow> {
  if (kind === 'leads') return convertLeadRow(mapping, cells, options);
  if (kind === 'touches') return convertTouchRow(mapping, cells);
  if (kind === 'attempts') return convertAttemptRow(mapping, cells);
  if (kind === 'handbacks') return convertHandbackRow(mapping, cells);
  return convertAssetRow(mapping, cells);
}
