import { formatCount, plural } from '../../format/numbers';
import type { ImportKind } from './fields';
import type { ReportEntry } from './import-report';
import { ImportFileError } from './read';

/** What an import tells the page as it runs and when it ends, and the sentences of its result line. */

export type ImportProgress = {
  /** Data rows read so far (blank lines excluded). */
  rowsRead: number;
  created: number;
  updated: number;
  rejected: number;
  warnings: number;
  bytesRead: number;
  totalBytes: number;
  elapsedMs: number;
  /** Estimated time left, from bytes read so far; null until there is something to go by. */
  etaMs: number | null;
};

export type ImportStatus = 'done' | 'cancelled' | 'failed';
export type ImportResult = ImportProgress & {
  status: ImportStatus;
  /** CRM ids not used to match or kept, by why: mangled by a spreadsheet, or not an id's shape. */
  unusableIds: { scientific: number; shape: number };
  /** Rows kept apart from the lead their email found, whose name differs: possible duplicates. */
  possibleDuplicates: number;
  /** One sentence for the result line. */
  message: string;
  report: ReportEntry[];
  reportOmitted: number;
  /**
   * Where the time went (ms): reading and parsing, converting and validating, writing (of which
   * `lookupMs` asking the store which records already exist). A CSV chunk's write runs while the
   * next chunk is read and converted, so the three overlap and add up to more than the wall time.
   * `summariesMs`: a touches import's summaries laid in after its last chunk.
   */
  timings: { readMs: number; convertMs: number; writeMs: number; lookupMs: number; summariesMs?: number };
};

const NOUNS: Record<ImportKind, [string, string]> = {
  leads: ['lead', 'leads'],
  touches: ['touch', 'touches'],
  attempts: ['attempt', 'attempts'],
  handbacks: ['hand-back', 'hand-backs'],
  assets: ['asset', 'assets'],
};

export function doneMessage(kind: ImportKind, p: ImportProgress): string {
  const [one, many] = NOUNS[kind];
  const rejected =
    p.rejected === 0 ? 'no rows skipped' : `${plural(p.rejected, 'row')} skipped (see the report)`;
  return `Imported ${formatCount(p.rowsRead)} rows: ${plural(p.created, one, many)} new, ${formatCount(p.updated)} updated; ${rejected}.`;
}

/** What the result says about matching: ids that could not be used, rows kept apart. */
export function matchNotes(ids: ImportResult['unusableIds'], apart: number): string {
  const notes: string[] = [];
  const total = ids.scientific + ids.shape;
  if (total > 0) {
    const why = [
      ids.scientific > 0
        ? `${formatCount(ids.scientific)} written in scientific notation by a spreadsheet (digits lost)`
        : '',
      ids.shape > 0 ? `${formatCount(ids.shape)} not shaped like that CRM's ids` : '',
    ].filter(Boolean);
    notes.push(
      `${formatCount(total)} CRM id${total === 1 ? ' was' : 's were'} unusable (${why.join('; ')}): not used to match, those rows were matched by email or added new.`,
    );
  }
  if (apart > 0)
    notes.push(
      `${plural(apart, 'row')} shared an email with a lead of another name: kept apart, listed in the report as possible duplicates.`,
    );
  return notes.join(' ');
}

export function cancelledMessage(p: ImportProgress): string {
  return `Cancelled after ${formatCount(p.rowsRead)} rows. The ${formatCount(p.created + p.updated)} records written so far are kept; importing the same file again finishes the job without duplicates.`;
}

/** Why the import stopped, and what of it stays: a problem with the file, or a failure mid-way. */
export function stoppedMessage(error: unknown, p: ImportProgress): string {
  if (error instanceof ImportFileError) return error.message;
  return `The import stopped: ${error instanceof Error ? error.message : String(error)}. ${
    p.created + p.updated > 0
      ? `The ${formatCount(p.created + p.updated)} rows written before are kept.`
      : 'Nothing was written.'
  }`;
}
