import type { z } from 'zod';
import { formatCount, plural } from '../../format/numbers';
import type { Cell } from './cells';
import type { ColumnMapping } from './fields';
import type { IdSystem } from './ids';

/**
 * A row's problems in the words of the import report: each names the column it came from, so the
 * report can say "row 12, Email: must be an email address". zod's own checks are worded here too.
 */

/** `code` marks issues the result counts apart (CRM ids that could not be used). */
export type CellIssue = { column: number; reason: string; code?: 'unusable-id' };
export type Converted<T> =
  | { ok: true; value: T; warnings: CellIssue[] }
  | { ok: false; issues: CellIssue[]; warnings: CellIssue[] };

/** The column a field came from, for messages raised after conversion (e.g. while writing). */
export type SourceColumns = Partial<Record<string, number>>;

/** A mapped cell: its text and the column it came from. */
type MappedCell = { column: number; text: string };

/**
 * Reads one mapped cell with `parse`: notes its column in `row.source` under `target`, and when
 * the text cannot be read, adds an issue worded by `unreadable`. Undefined when the cell is
 * absent or unreadable.
 */
export function readCell<T>(
  cell: MappedCell | undefined,
  target: string,
  parse: (text: string) => T | undefined,
  unreadable: (text: string) => string,
  row: { source: SourceColumns; issues: CellIssue[] },
): T | undefined {
  if (!cell) return undefined;
  row.source[target] = cell.column;
  const value = parse(cell.text);
  if (value === undefined) row.issues.push({ column: cell.column, reason: unreadable(cell.text) });
  return value;
}

/** How an unknown word is worded: `unknown kind "fax" (use page view, email click, …)`. */
export const unknownWord =
  (what: string, words: readonly string[]) =>
  (text: string): string =>
    `unknown ${what} "${clip(text)}" (use ${listWords(words)})`;

/** A list of a schema's values as a message names them: "page view, email click". */
export function listWords(values: readonly string[]): string {
  return values.join(', ').replace(/_/g, ' ');
}

/** Plain-words messages for zod's built-in checks; the schemas' own messages take precedence. */
export const importErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string' && typeof issue.input === 'string')
        return `too long: ${plural(issue.input.length, 'character')} (at most ${formatCount(Number(issue.maximum))})`;
      if (issue.origin === 'number') return `must be at most ${issue.maximum}`;
      return undefined;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'number') return `must be at least ${issue.minimum}`;
      return undefined;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      return undefined;
    default:
      return undefined;
  }
};

/**
 * zod's issues as cell issues. When converting already failed, only issues on other mapped columns
 * are added: "title is required" after "unknown kind" (the title comes from the kind) is noise.
 */
export function zodIssues(
  error: z.ZodError,
  source: SourceColumns,
  fallbackColumn: number,
  already: CellIssue[],
): CellIssue[] {
  const failed = new Set(already.map((issue) => issue.column));
  return error.issues.flatMap((issue) => {
    const column = source[String(issue.path[0] ?? '')];
    if (already.length > 0 && (column === undefined || failed.has(column))) return [];
    return [{ column: column ?? fallbackColumn, reason: issue.message }];
  });
}

export function unusableId(
  cell: Cell,
  system: IdSystem,
  why: string,
  then = 'the row is matched by email, or added new',
): CellIssue {
  const name = system === 'hubspot' ? 'HubSpot' : 'Salesforce';
  return {
    column: cell.column,
    code: 'unusable-id',
    reason: `${name} id "${clip(cell.text)}" is ${why}: not kept, and not used to match (${then})`,
  };
}

export function dateReason(text: string): string {
  return `"${clip(text)}" is not a date (e.g. 2026-11-20, 2026-11-20 14:30 or 11/20/2026)`;
}

/** A value quoted in a message: short, on one line (a 10 MB cell is not repeated in the report). */
export function clip(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function firstMapped(mapping: ColumnMapping): number {
  const index = mapping.findIndex((target) => Boolean(target));
  return Math.max(0, index);
}

export function firstMappedOf(mapping: ColumnMapping, targets: readonly string[]): number {
  const index = mapping.findIndex((target) => target !== null && targets.includes(target));
  return index < 0 ? firstMapped(mapping) : index;
}

export function dedupe(issues: CellIssue[]): CellIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.column}\u0000${issue.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
