import type { BatonDb } from '../../store/db';
import { catchUpSummaries } from '../../store/summary-catch-up';
import { type ConvertedBatch, columnName, convertBatch } from './batch';
import { type ColumnMapping, checkMapping, type ImportKind } from './fields';
import { ImportReport, type ReportEntry } from './import-report';
import type { CellIssue } from './issues';
import { cleanHeaders, ImportFileError, readCsv, readJsonRows, sniffFile } from './read';
import {
  cancelledMessage,
  doneMessage,
  type ImportProgress,
  type ImportResult,
  type ImportStatus,
  matchNotes,
  stoppedMessage,
} from './result';
import type { AnyRow } from './rows';
import { isEmpty, newRunIndex, type RunIndex } from './run-index';
import { StatusStages } from './status-values';
import { type Pending, writeBatch } from './write';

/**
 * The import pipeline: read the file in chunks, convert and validate each row, and write each
 * chunk in one IndexedDB transaction. A bad row is skipped and reported; it never aborts the
 * import. Re-importing updates records in place: leads are matched by CRM id, then email (then by
 * Baton id, or an id derived from the name for rows with neither), touches and assets by their id
 * (given, or derived from their content), so the same file twice creates no duplicates. A CRM id
 * a spreadsheet mangled is never used (ids.ts), and a row whose email finds a lead of another
 * name is kept apart as a lead of its own (match.ts) and reported as a possible duplicate.
 *
 * Cancel keeps what was written: each chunk commits on its own, and cancelling stops before the
 * next chunk. Rolling back would mean keeping a before-image of every lead a re-import updated in
 * place; instead, importing the same file again finishes the job without duplicates.
 */

export type ImportOptions = {
  kind: ImportKind;
  mapping: ColumnMapping;
  /** Leads: what each value of the status column means (checked here: it crosses from the page). */
  statusStages?: StatusStages;
  now?: () => Date;
  signal?: AbortSignal;
  chunkBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
};

type Sniffed = Awaited<ReturnType<typeof sniffFile>>;

/** Rows per write for JSON files (CSV files write one text chunk at a time). */
const JSON_BATCH = 2000;
/** Bytes of CSV text per chunk, so per transaction and per progress update: ~2,500 lead rows. */
export const CHUNK_BYTES = 512 * 1024;

export async function runImport(
  db: BatonDb,
  file: Blob,
  fileName: string,
  options: ImportOptions,
): Promise<ImportResult> {
  if (options.kind !== 'touches') return importFile(db, file, fileName, options, undefined);
  // A touches import lays the touch times into the leads' summaries once, when it ends
  // (store/summary-catch-up.ts): done, cancelled or failed, whatever it wrote is caught up.
  const runId = crypto.randomUUID();
  const started = Date.now();
  const result = await importFile(db, file, fileName, options, runId);
  if (result.created + result.updated === 0) return result;
  const catchUpStart = performance.now();
  await catchUpSummaries(db, runId);
  return {
    ...result,
    elapsedMs: Date.now() - started,
    timings: { ...result.timings, summariesMs: performance.now() - catchUpStart },
  };
}

async function importFile(
  db: BatonDb,
  file: Blob,
  fileName: string,
  options: ImportOptions,
  runId: string | undefined,
): Promise<ImportResult> {
  const statusStages = StatusStages.optional().safeParse(options.statusStages);
  const run = new ImportRun(db, file, options, runId, statusStages.data);
  try {
    if (!statusStages.success)
      throw new ImportFileError(
        'The meanings chosen for the status values are not valid: choose them again.',
      );
    const sniffed = await sniffFile(file, fileName);
    await run.openIndex();
    for (const note of sniffed.notes) run.warn(0, note);
    const stopped =
      sniffed.format === 'json' ? await importJson(run, file, sniffed) : await importCsv(run, file, sniffed);
    if (stopped) return stopped;
    if (run.progress.rowsRead === 0)
      return run.finish('failed', 'The file has a header row but no data rows.');
    return run.finish('done', doneMessage(options.kind, run.progress));
  } catch (error) {
    // A read that failed part-way leaves the previous chunk's write running: count it first.
    await run.writing?.promise.catch(() => undefined);
    return run.finish('failed', stoppedMessage(error, run.progress));
  }
}

/** A JSON file is read whole, then converted and written JSON_BATCH records at a time. */
async function importJson(run: ImportRun, file: Blob, sniffed: Sniffed): Promise<ImportResult | undefined> {
  const { headers, rows } = await readJsonRows(file, sniffed.encoding, sniffed.bomBytes);
  run.headers = headers;
  run.checkMapping();
  for (let start = 0; start < rows.length; start += JSON_BATCH) {
    if (run.cancelled) return run.finish('cancelled', cancelledMessage(run.progress));
    const slice = rows.slice(start, start + JSON_BATCH);
    // Records are numbered from 1, like rows under a header.
    await run.write(
      run.countIn(
        run.convert(
          slice,
          slice.map((_, i) => start + i + 2),
        ),
      ),
    );
    run.tick(Math.round((file.size * Math.min(rows.length, start + JSON_BATCH)) / rows.length));
  }
  return undefined;
}

/**
 * A CSV file is read in chunks of text. IndexedDB does its writing outside this thread, so the
 * next chunk is read and converted while the previous one is written: at most one write in flight,
 * chunks still in file order (the next write starts after the previous committed, so it sees the
 * leads it created).
 */
async function importCsv(run: ImportRun, file: Blob, sniffed: Sniffed): Promise<ImportResult | undefined> {
  let headerSeen = false;
  let readStart = performance.now();
  for await (const batch of readCsv(file, {
    encoding: sniffed.encoding,
    startByte: sniffed.bomBytes,
    chunkBytes: run.options.chunkBytes ?? CHUNK_BYTES,
  })) {
    run.timings.readMs += performance.now() - readStart;
    if (run.cancelled) {
      await run.waitForWrite();
      return run.finish('cancelled', cancelledMessage(run.progress));
    }
    let rows = batch.rows;
    let rowNumbers = batch.rowNumbers;
    if (!headerSeen && rows.length > 0) {
      const header = cleanHeaders(rows[0] ?? []);
      run.headers = header.headers;
      for (const note of header.notes) run.warn(1, note);
      run.checkMapping();
      headerSeen = true;
      rows = rows.slice(1);
      rowNumbers = rowNumbers.slice(1);
    }
    const converted = run.convert(rows, rowNumbers, batch.notes);
    await run.waitForWrite();
    if (run.cancelled) return run.finish('cancelled', cancelledMessage(run.progress));
    run.startWrite(run.countIn(converted), batch.bytesRead);
    readStart = performance.now();
  }
  await run.waitForWrite();
  if (!headerSeen) return run.finish('failed', 'The file has no rows: it is empty or only blank lines.');
  return undefined;
}

/** One import's state: what it has counted, reported and timed, and the chunk being written. */
class ImportRun {
  readonly options: ImportOptions;
  readonly progress: ImportProgress;
  readonly timings = { readMs: 0, convertMs: 0, writeMs: 0, lookupMs: 0 };
  /** The file's headers, once read. */
  headers: string[] = [];
  /** The CSV chunk being written while the next is read and converted (at most one). */
  writing: { promise: Promise<void>; bytesRead: number } | undefined;
  private readonly db: BatonDb;
  private readonly file: Blob;
  private readonly runId: string | undefined;
  private readonly statusStages: StatusStages | undefined;
  private readonly started = Date.now();
  private readonly now: () => Date;
  private readonly report = new ImportReport();
  private readonly unusableIds = { scientific: 0, shape: 0 };
  private possibleDuplicates = 0;
  private index: RunIndex = newRunIndex(false);

  constructor(
    db: BatonDb,
    file: Blob,
    options: ImportOptions,
    runId: string | undefined,
    statusStages: StatusStages | undefined,
  ) {
    this.db = db;
    this.file = file;
    this.options = options;
    this.runId = runId;
    this.statusStages = statusStages;
    this.now = options.now ?? (() => new Date());
    this.progress = {
      rowsRead: 0,
      created: 0,
      updated: 0,
      rejected: 0,
      warnings: 0,
      bytesRead: 0,
      totalBytes: file.size,
      elapsedMs: 0,
      etaMs: null,
    };
  }

  get cancelled(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  /** What the run remembers of the store; into empty tables, only its own rows need be asked of. */
  async openIndex(): Promise<void> {
    const { kind } = this.options;
    this.index = newRunIndex(kind === 'leads' && (await isEmpty(this.db.leads)));
    if (kind === 'touches' && (await isEmpty(this.db.touches))) this.index.touchIds = new Set();
  }

  /** The mapping must fit the file's headers (it was made for them on the page). */
  checkMapping(): void {
    const { kind, mapping } = this.options;
    if (this.headers.length !== mapping.length)
      throw new ImportFileError(
        `The file has ${this.headers.length} columns but the mapping has ${mapping.length}: choose the file again.`,
      );
    const problems = checkMapping(kind, this.headers, mapping);
    if (problems.length > 0) throw new ImportFileError(problems.join(' '));
  }

  /** A warning about the file itself (encoding, headers, quotes): the rows are kept. */
  warn(row: number, reason: string): void {
    this.progress.warnings++;
    this.report.add({ row, column: '', reason, severity: 'warning' });
  }

  tick(bytesRead: number): void {
    const { progress } = this;
    progress.bytesRead = bytesRead;
    progress.elapsedMs = Date.now() - this.started;
    progress.etaMs =
      bytesRead > 0 && progress.elapsedMs > 0
        ? Math.round((progress.elapsedMs * (this.file.size - bytesRead)) / bytesRead)
        : null;
    this.options.onProgress?.({ ...progress });
  }

  convert(
    rows: readonly string[][],
    rowNumbers: readonly number[],
    notes?: ReadonlyArray<{ row: number; reason: string }>,
  ): ConvertedBatch {
    const convertStart = performance.now();
    const { kind, mapping } = this.options;
    const batch = convertBatch(
      { kind, mapping, headers: this.headers, options: { statusStages: this.statusStages } },
      rows,
      rowNumbers,
      notes,
    );
    this.timings.convertMs += performance.now() - convertStart;
    return batch;
  }

  /** Counts a converted batch in, as its write starts; returns the rows to write. */
  countIn(batch: ConvertedBatch): Array<Pending<AnyRow>> {
    const { progress, unusableIds } = this;
    progress.rowsRead += batch.rowsRead;
    progress.rejected += batch.rejected;
    progress.warnings += batch.warnings;
    unusableIds.scientific += batch.unusableIds.scientific;
    unusableIds.shape += batch.unusableIds.shape;
    for (const entry of batch.entries) this.report.add(entry);
    return batch.valid;
  }

  /** Writes one converted batch; resolves after its transaction committed. */
  async write(valid: Array<Pending<AnyRow>>): Promise<void> {
    if (valid.length === 0) return;
    const writeStart = performance.now();
    const counts = await writeBatch(this.db, this.options.kind, valid, {
      now: this.now,
      mapping: this.options.mapping,
      index: this.index,
      runId: this.runId ?? '',
      reject: (row, issue) => {
        this.progress.rejected++;
        this.addIssue(row, issue, 'rejected');
      },
      keptApart: (row, issue) => {
        this.possibleDuplicates++;
        this.addIssue(row, issue, 'warning');
      },
    });
    this.progress.created += counts.created;
    this.progress.updated += counts.updated;
    this.timings.writeMs += performance.now() - writeStart;
  }

  /** Starts a CSV chunk's write, awaited before the next chunk's (or after the last). */
  startWrite(valid: Array<Pending<AnyRow>>, bytesRead: number): void {
    const promise = this.write(valid);
    // Until it is awaited, a failure waits here.
    promise.catch(() => undefined);
    this.writing = { promise, bytesRead };
  }

  async waitForWrite(): Promise<void> {
    if (!this.writing) return;
    const done = this.writing;
    this.writing = undefined;
    await done.promise;
    this.tick(done.bytesRead);
  }

  finish(status: ImportStatus, message: string): ImportResult {
    const { progress, timings, unusableIds, possibleDuplicates } = this;
    progress.elapsedMs = Date.now() - this.started;
    progress.etaMs = status === 'done' ? 0 : null;
    timings.lookupMs = this.index.lookupMs;
    const notes = status === 'failed' ? '' : matchNotes(unusableIds, possibleDuplicates);
    return {
      ...progress,
      status,
      message: notes ? `${message} ${notes}` : message,
      unusableIds,
      possibleDuplicates,
      report: this.report.entries,
      reportOmitted: this.report.omitted,
      timings,
    };
  }

  private addIssue(row: number, issue: CellIssue, severity: ReportEntry['severity']): void {
    if (severity === 'warning') this.progress.warnings++;
    this.report.add({ row, column: columnName(this.headers, issue.column), reason: issue.reason, severity });
  }
}
