import { formatCount, plural } from '../../format/numbers';
import type { Asset, Lead, Touch } from '../../model/schemas';
import { putRows } from '../../store/bulk';
import { type BatonDb, fromStoredLead, type StoredLead, toStoredLead } from '../../store/db';
import { readSummaries } from '../../store/summaries';
import { catchUpSummaries, markSummariesStale } from '../../store/summary-catch-up';
import { withLead } from '../../store/summary-record';
import {
  type AssetRow,
  type CellIssue,
  type Converted,
  convertAssetRow,
  convertLeadRow,
  convertTouchRow,
  type LeadRow,
  type LeadRowOptions,
  type TouchRow,
} from './convert';
import { type AttemptRow, convertAttemptRow, convertHandbackRow, type HandbackRow } from './convert-activity';
import { type ColumnMapping, checkMapping, columnLetter, type ImportKind } from './fields';
import { contentHash } from './hash';
import { apartKey, samePerson } from './match';
import { cleanHeaders, ImportFileError, readCsv, readJsonRows, sniffFile } from './read';
import { ImportReport, type ReportEntry } from './report';
import {
  isEmpty,
  newRunIndex,
  type RunIndex,
  resolveIds,
  resolveKeys,
  resolveLeadRefs,
  unique,
  unknownLeadReason,
} from './run-index';
import { StatusStages } from './status-values';
import { writeAttempts, writeHandbacks } from './write-activity';

/**
 * The import pipeline: read the file in chunks, convert and validate each row, and write each
 * chunk in one IndexedDB transaction. A bad row is skipped and reported; it never aborts the
 * import. Re-importing updates records in place: leads are matched by CRM id, then email (then by
 * Baton id, or an id derived from the name for rows with neither), touches and assets by their id
 * (given, or derived from their content), so the same file twice creates no duplicates. A CRM id
 * a spreadsheet mangled is never used (convert.ts), and a row whose email finds a lead of another
 * name is kept apart as a lead of its own (match.ts) and reported as a possible duplicate.
 *
 * Cancel keeps what was written: each chunk commits on its own, and cancelling stops before the
 * next chunk. Rolling back would mean keeping a before-image of every lead a re-import updated in
 * place; instead, importing the same file again finishes the job without duplicates.
 */

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

/** Rows per write for JSON files (CSV files write one text chunk at a time). */
const JSON_BATCH = 2000;
/** Bytes of CSV text per chunk, so per transaction and per progress update: ~2,500 lead rows. */
export const CHUNK_BYTES = 512 * 1024;

export type Pending<T> = { row: number; value: T };
type AnyRow = LeadRow | TouchRow | AttemptRow | HandbackRow | AssetRow;
type ConvertedBatch = {
  valid: Array<Pending<AnyRow>>;
  rowsRead: number;
  rejected: number;
  warnings: number;
  unusableIds: ImportResult['unusableIds'];
  entries: ReportEntry[];
};

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
  const started = Date.now();
  const now = options.now ?? (() => new Date());
  const report = new ImportReport();
  const progress: ImportProgress = {
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
  let headers: string[] = [];
  const timings = { readMs: 0, convertMs: 0, writeMs: 0, lookupMs: 0 };
  const unusableIds = { scientific: 0, shape: 0 };
  let possibleDuplicates = 0;
  const finish = (status: ImportStatus, message: string): ImportResult => {
    progress.elapsedMs = Date.now() - started;
    progress.etaMs = status === 'done' ? 0 : null;
    timings.lookupMs = run.lookupMs;
    const notes = status === 'failed' ? '' : matchNotes(unusableIds, possibleDuplicates);
    return {
      ...progress,
      status,
      message: notes ? `${message} ${notes}` : message,
      unusableIds,
      possibleDuplicates,
      report: report.entries,
      reportOmitted: report.omitted,
      timings,
    };
  };
  const statusStages = StatusStages.optional().safeParse(options.statusStages);
  let run = newRunIndex(false);
  const tick = (bytesRead: number) => {
    progress.bytesRead = bytesRead;
    progress.elapsedMs = Date.now() - started;
    progress.etaMs =
      bytesRead > 0 && progress.elapsedMs > 0
        ? Math.round((progress.elapsedMs * (file.size - bytesRead)) / bytesRead)
        : null;
    options.onProgress?.({ ...progress });
  };
  const columnName = (column: number) => headers[column] ?? `Column ${columnLetter(column)}`;

  /**
   * Converts and checks one batch of rows (no I/O): its valid rows in file order, and what it adds
   * to the progress and the report once it is written (a batch cancelled before its write counts
   * for nothing: the result names only rows that were imported or skipped).
   */
  const convertRows = (
    rows: readonly string[][],
    rowNumbers: readonly number[],
    notes: ReadonlyArray<{ row: number; reason: string }> = [],
  ): ConvertedBatch => {
    const convertStart = performance.now();
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
      const converted = convertRow(options.kind, options.mapping, cells, {
        statusStages: statusStages.data,
      });
      for (const warning of converted.warnings) {
        note(row, columnName(warning.column), warning.reason, 'warning');
        if (warning.code === 'unusable-id')
          batch.unusableIds[warning.reason.includes('scientific notation') ? 'scientific' : 'shape']++;
      }
      if (!converted.ok) {
        batch.rejected++;
        for (const issue of converted.issues) note(row, columnName(issue.column), issue.reason, 'rejected');
        return;
      }
      batch.valid.push({ row, value: converted.value });
    });
    timings.convertMs += performance.now() - convertStart;
    return batch;
  };
  /** Counts a converted batch in, as its write starts; returns the rows to write. */
  const countIn = (batch: ConvertedBatch) => {
    progress.rowsRead += batch.rowsRead;
    progress.rejected += batch.rejected;
    progress.warnings += batch.warnings;
    unusableIds.scientific += batch.unusableIds.scientific;
    unusableIds.shape += batch.unusableIds.shape;
    for (const entry of batch.entries) report.add(entry);
    return batch.valid;
  };
  /** Writes one converted batch; resolves after its transaction committed. */
  const writeRows = async (valid: Array<Pending<AnyRow>>) => {
    if (valid.length === 0) return;
    const writeStart = performance.now();
    const reject = (row: number, issue: CellIssue) => {
      progress.rejected++;
      addIssue(row, issue, 'rejected');
    };
    const keptApart = (row: number, issue: CellIssue) => {
      possibleDuplicates++;
      addIssue(row, issue, 'warning');
    };
    const counts =
      options.kind === 'leads'
        ? await writeLeads(
            db,
            valid as Array<Pending<LeadRow>>,
            now(),
            { reject, keptApart },
            options.mapping,
            run,
          )
        : options.kind === 'touches'
          ? await writeTouches(db, valid as Array<Pending<TouchRow>>, reject, run, runId ?? '')
          : options.kind === 'attempts'
            ? await writeAttempts(db, valid as Array<Pending<AttemptRow>>, reject, run)
            : options.kind === 'handbacks'
              ? await writeHandbacks(db, valid as Array<Pending<HandbackRow>>, reject, run)
              : await writeAssets(db, valid as Array<Pending<AssetRow>>, now());
    progress.created += counts.created;
    progress.updated += counts.updated;
    timings.writeMs += performance.now() - writeStart;
  };
  /** A warning about the file itself (encoding, headers, quotes): the rows are kept. */
  const warn = (row: number, reason: string) => {
    progress.warnings++;
    report.add({ row, column: '', reason, severity: 'warning' });
  };
  const addIssue = (row: number, issue: CellIssue, severity: ReportEntry['severity']) => {
    if (severity === 'warning') progress.warnings++;
    report.add({ row, column: columnName(issue.column), reason: issue.reason, severity });
  };

  // IndexedDB does its writing outside this thread, so the next CSV chunk is read and converted
  // while the previous one is written: at most one write in flight, chunks still in file order
  // (the next write starts after the previous committed, so it sees the leads it created).
  let writing: { promise: Promise<void>; bytesRead: number } | undefined;
  try {
    if (!statusStages.success)
      throw new ImportFileError(
        'The meanings chosen for the status values are not valid: choose them again.',
      );
    const sniffed = await sniffFile(file, fileName);
    run = newRunIndex(options.kind === 'leads' && (await isEmpty(db.leads)));
    if (options.kind === 'touches' && (await isEmpty(db.touches))) run.touchIds = new Set();
    for (const note of sniffed.notes) warn(0, note);
    const mappingProblemsFor = (found: string[]) => {
      if (found.length !== options.mapping.length)
        throw new ImportFileError(
          `The file has ${found.length} columns but the mapping has ${options.mapping.length}: choose the file again.`,
        );
      const problems = checkMapping(options.kind, found, options.mapping);
      if (problems.length > 0) throw new ImportFileError(problems.join(' '));
    };

    if (sniffed.format === 'json') {
      const { headers: found, rows } = await readJsonRows(file, sniffed.encoding, sniffed.bomBytes);
      headers = found;
      mappingProblemsFor(headers);
      for (let start = 0; start < rows.length; start += JSON_BATCH) {
        if (options.signal?.aborted) return finish('cancelled', cancelledMessage(progress));
        const slice = rows.slice(start, start + JSON_BATCH);
        // Records are numbered from 1, like rows under a header.
        await writeRows(
          countIn(
            convertRows(
              slice,
              slice.map((_, i) => start + i + 2),
            ),
          ),
        );
        tick(Math.round((file.size * Math.min(rows.length, start + JSON_BATCH)) / rows.length));
      }
    } else {
      let headerSeen = false;
      let readStart = performance.now();
      const waitForWrite = async () => {
        if (!writing) return;
        const done = writing;
        writing = undefined;
        await done.promise;
        tick(done.bytesRead);
      };
      for await (const batch of readCsv(file, {
        encoding: sniffed.encoding,
        startByte: sniffed.bomBytes,
        chunkBytes: options.chunkBytes ?? CHUNK_BYTES,
      })) {
        timings.readMs += performance.now() - readStart;
        if (options.signal?.aborted) {
          await waitForWrite();
          return finish('cancelled', cancelledMessage(progress));
        }
        let rows = batch.rows;
        let rowNumbers = batch.rowNumbers;
        if (!headerSeen && rows.length > 0) {
          const header = cleanHeaders(rows[0] ?? []);
          headers = header.headers;
          for (const note of header.notes) warn(1, note);
          mappingProblemsFor(headers);
          headerSeen = true;
          rows = rows.slice(1);
          rowNumbers = rowNumbers.slice(1);
        }
        const converted = convertRows(rows, rowNumbers, batch.notes);
        await waitForWrite();
        if (options.signal?.aborted) return finish('cancelled', cancelledMessage(progress));
        const promise = writeRows(countIn(converted));
        // Awaited before the next chunk's write (or after the last); until then a failure waits here.
        promise.catch(() => undefined);
        writing = { promise, bytesRead: batch.bytesRead };
        readStart = performance.now();
      }
      await waitForWrite();
      if (!headerSeen) return finish('failed', 'The file has no rows: it is empty or only blank lines.');
    }
    if (progress.rowsRead === 0) return finish('failed', 'The file has a header row but no data rows.');
    return finish('done', doneMessage(options.kind, progress));
  } catch (error) {
    // A read that failed part-way leaves the previous chunk's write running: count it first.
    await writing?.promise.catch(() => undefined);
    const message =
      error instanceof ImportFileError
        ? error.message
        : `The import stopped: ${error instanceof Error ? error.message : String(error)}. ${
            progress.created + progress.updated > 0
              ? `The ${formatCount(progress.created + progress.updated)} rows written before are kept.`
              : 'Nothing was written.'
          }`;
    return finish('failed', message);
  }
}

function convertRow(
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

const NOUNS: Record<ImportKind, [string, string]> = {
  leads: ['lead', 'leads'],
  touches: ['touch', 'touches'],
  attempts: ['attempt', 'attempts'],
  handbacks: ['hand-back', 'hand-backs'],
  assets: ['asset', 'assets'],
};

function doneMessage(kind: ImportKind, p: ImportProgress): string {
  const [one, many] = NOUNS[kind];
  const rejected =
    p.rejected === 0 ? 'no rows skipped' : `${plural(p.rejected, 'row')} skipped (see the report)`;
  return `Imported ${formatCount(p.rowsRead)} rows: ${plural(p.created, one, many)} new, ${formatCount(p.updated)} updated; ${rejected}.`;
}

/** What the result says about matching: ids that could not be used, rows kept apart. */
function matchNotes(ids: ImportResult['unusableIds'], apart: number): string {
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

function cancelledMessage(p: ImportProgress): string {
  return `Cancelled after ${formatCount(p.rowsRead)} rows. The ${formatCount(p.created + p.updated)} records written so far are kept; importing the same file again finishes the job without duplicates.`;
}

// ---------------------------------------------------------------------------------------------
// Writers: one transaction per batch

/** A new lead's id: from its first email or CRM ref, else its name and company (so re-imports find it). */
export function derivedLeadId(fields: LeadRow['fields']): string {
  const key =
    fields.emails[0] ??
    (fields.crm[0]
      ? `${fields.crm[0].system}:${fields.crm[0].id}`
      : `${fields.name ?? ''}|${fields.company ?? ''}`);
  return `lead-${contentHash(key.toLowerCase())}`;
}

/** The id of a lead kept apart from others with its email (match.ts): found again on re-import. */
export function apartLeadId(email: string, name: string): string {
  return `lead-${contentHash(apartKey(email, name))}`;
}

export type Counts = { created: number; updated: number };
export type Reject = (row: number, issue: CellIssue) => void;

async function writeLeads(
  db: BatonDb,
  rows: Array<Pending<LeadRow>>,
  now: Date,
  { reject, keptApart }: { reject: Reject; keptApart: Reject },
  mapping: ColumnMapping,
  run: RunIndex,
): Promise<Counts> {
  const updatedAt = now.toISOString();
  const fallbackColumn = Math.max(0, mapping.findIndex(Boolean));
  const crmKeyOf = (ref: { system: string; id: string }) => `${ref.system}:${ref.id}`;
  return db.transaction('rw', db.leads, db.summaries, async () => {
    const emails = unique(rows.flatMap((r) => r.value.fields.emails));
    const crmKeys = unique(rows.flatMap((r) => r.value.fields.crm.map(crmKeyOf)));
    // A derived id only matters for rows with neither email nor CRM id (others are found by those).
    const ids = unique(
      rows.flatMap(({ value: { fields } }) =>
        fields.id
          ? [fields.id]
          : fields.emails.length + fields.crm.length === 0
            ? [derivedLeadId(fields)]
            : [],
      ),
    );
    const lookupStart = performance.now();
    await Promise.all([
      resolveKeys(db, 'emails', emails, run.leadOfEmail, run.fresh, run.sharedEmails),
      resolveKeys(db, 'crmKeys', crmKeys, run.leadOfCrm, run.fresh),
      resolveIds(db, ids, run),
    ]);
    run.lookupMs += performance.now() - lookupStart;
    const matched = unique([
      ...emails.map((key) => run.leadOfEmail.get(key)),
      ...crmKeys.map((key) => run.leadOfCrm.get(key)),
      ...ids.filter((id) => run.leadIds.get(id)),
    ]).filter((id): id is string => Boolean(id));
    const current = new Map<string, StoredLead>();
    if (matched.length > 0)
      for (const lead of await db.leads.bulkGet(matched)) if (lead) current.set(lead.id, lead);
    const register = (lead: StoredLead) => {
      current.set(lead.id, lead);
      run.leadIds.set(lead.id, true);
      for (const email of lead.emails) if (!run.leadOfEmail.get(email)) run.leadOfEmail.set(email, lead.id);
      for (const key of lead.crmKeys) if (!run.leadOfCrm.get(key)) run.leadOfCrm.set(key, lead.id);
    };
    /** A lead this chunk knows or the store holds (a lead kept apart is looked up when needed). */
    const load = async (id: string) => {
      const known = current.get(id);
      if (known || (run.fresh && !run.leadIds.get(id))) return known;
      const stored = await db.leads.get(id);
      if (stored) current.set(id, stored);
      return stored;
    };
    /**
     * Every lead with this email: the store's (one request, only for an email leads of different
     * names share) and this run's, so the same person is found again whatever order rows come in.
     */
    const sharing = async (email: string, knownId: string) => {
      const ids = new Set([knownId, ...(run.sharers.get(email) ?? [])]);
      if (!run.fresh)
        for (const id of await db.leads.where('emails').equals(email).primaryKeys()) ids.add(id);
      const leads: StoredLead[] = [];
      for (const id of ids) {
        const lead = await load(id);
        if (lead) leads.push(lead);
      }
      return leads;
    };
    const changed = new Map<string, StoredLead>();
    const counts: Counts = { created: 0, updated: 0 };
    for (const { row, value } of rows) {
      const { fields, source } = value;
      const derived = fields.emails.length + fields.crm.length === 0 ? derivedLeadId(fields) : undefined;
      let matchId =
        (fields.id && current.has(fields.id) ? fields.id : undefined) ??
        fields.crm.map((ref) => run.leadOfCrm.get(crmKeyOf(ref))).find(Boolean);
      let newId: string | undefined;
      if (!matchId && !fields.id) {
        const email = fields.emails.find((address) => run.leadOfEmail.get(address));
        const found = email ? current.get(run.leadOfEmail.get(email) ?? '') : undefined;
        if (email && found && fields.name && !samePerson(found.name, fields.name)) {
          // A shared or placeholder address: the same person if one of its leads has this name,
          // else a lead of its own (an id from email and name, so a re-import finds it again).
          const leads = await sharing(email, found.id);
          matchId = leads.find((lead) => samePerson(lead.name, fields.name))?.id;
          newId = apartLeadId(email, fields.name);
          const sharers = run.sharers.get(email) ?? new Set([found.id]);
          sharers.add(matchId ?? newId);
          run.sharers.set(email, sharers);
        } else if (found) matchId = found.id;
      }
      if (!matchId && derived && current.has(derived)) matchId = derived;
      const existing = matchId ? current.get(matchId) : undefined;
      const lead = mergeLead(
        existing ? fromStoredLead(existing) : undefined,
        newId && !existing ? { ...fields, id: newId } : fields,
        updatedAt,
      );
      // Every field was checked by the row's zod schema and the stored lead when it was stored; what
      // a merge can still lack is a name for a new lead (a row with only a CRM id has one made up).
      if (!lead.name) {
        reject(row, { column: source.name ?? fallbackColumn, reason: 'a new lead needs a name or an email' });
        continue;
      }
      // A lead kept apart is listed as a possible duplicate every time its row is imported
      // (whichever lead its email finds first), so the same file gives the same report. Only
      // emails known to be on several leads are checked: hashing every row's would cost time.
      const apartEmail = fields.name
        ? fields.emails.find(
            (email) =>
              (run.sharers.has(email) || run.sharedEmails.has(email)) &&
              apartLeadId(email, fields.name ?? '') === lead.id,
          )
        : undefined;
      if (apartEmail) {
        const others = (await sharing(apartEmail, lead.id)).filter((other) => other.id !== lead.id);
        if (others.length > 0)
          keptApart(row, {
            column: source.emails ?? fallbackColumn,
            reason: `possible duplicate: "${apartEmail}" is also the email of ${others
              .slice(0, 3)
              .map((other) => `"${other.name}"`)
              .join(', ')}, whose name differs, so this row is kept as a lead of its own`,
          });
      }
      const stored = toStoredLead(lead as Lead);
      register(stored);
      changed.set(stored.id, stored);
      if (existing) counts.updated++;
      else counts.created++;
    }
    const leads = [...changed.values()];
    // Each lead's summary takes its new fields over the rows it already sums up (a lead new to a
    // store that had no leads has none).
    const before = run.fresh ? new Map() : await readSummaries(db, [...changed.keys()]);
    await putRows(db.leads, leads);
    await putRows(
      db.summaries,
      leads.map((lead) => withLead(lead, before.get(lead.id))),
    );
    return counts;
  });
}

const CRM_LABEL = { hubspot: 'HubSpot contact', salesforce: 'Salesforce record' } as const;

/** The stored lead with what the row says laid over it; lists (emails, CRM refs) are merged. */
function mergeLead(
  existing: Lead | undefined,
  fields: LeadRow['fields'],
  updatedAt: string,
): Omit<Lead, 'name'> & { name: string | undefined } {
  const { emails, crm, id, ...rest } = fields;
  const mergedEmails = unique([...(existing?.emails ?? []), ...emails]);
  const mergedCrm = [...(existing?.crm ?? [])];
  for (const ref of crm)
    if (!mergedCrm.some((have) => have.system === ref.system && have.id === ref.id)) mergedCrm.push(ref);
  const firstRef = mergedCrm[0];
  const name =
    rest.name ??
    existing?.name ??
    mergedEmails[0] ??
    (firstRef ? `${CRM_LABEL[firstRef.system]} ${firstRef.id}` : undefined);
  return {
    ...(existing ?? { stage: rest.mqlAt ? ('mql' as const) : ('lead' as const) }),
    ...rest,
    stage: rest.stage ?? existing?.stage ?? (rest.mqlAt ? 'mql' : 'lead'),
    id: existing?.id ?? id ?? derivedLeadId(fields),
    name,
    emails: mergedEmails,
    crm: mergedCrm,
    // Imported records are the user's own, even when they update a sample lead.
    sample: false,
    updatedAt,
  };
}

async function writeTouches(
  db: BatonDb,
  rows: Array<Pending<TouchRow>>,
  reject: Reject,
  run: RunIndex,
  runId: string,
): Promise<Counts> {
  return db.transaction('rw', db.leads, db.touches, db.summaries, async () => {
    const leadOf = await resolveLeadRefs(
      db,
      rows.map((r) => r.value.lead),
      run,
    );
    const touches = new Map<string, Touch>();
    for (const { row, value } of rows) {
      const { lead, touch, source } = value;
      const leadId = leadOf(lead);
      if (!leadId) {
        reject(row, { column: source.leadId ?? 0, reason: unknownLeadReason(lead) });
        continue;
      }
      const id =
        touch.id ??
        `touch-${contentHash([leadId, touch.at, touch.kind, touch.title, touch.url ?? '', touch.assetId ?? ''].join('|'))}`;
      touches.set(id, { ...touch, id, leadId, sample: false });
    }
    if (touches.size === 0) return { created: 0, updated: 0 };
    // New or replaced? Into a table that was empty when the run began, only this run's own ids can
    // repeat; otherwise ask for the chunk's ids (IndexedDB's count() walks the table: not that).
    const touchIds = [...touches.keys()];
    let replaced: Touch[];
    if (run.touchIds) {
      // Only ids this run wrote already can be there: read just those (a file's repeated rows).
      const repeated = touchIds.filter((id) => run.touchIds?.has(id));
      for (const id of touchIds) run.touchIds.add(id);
      replaced = repeated.length > 0 ? present(await db.touches.bulkGet(repeated)) : [];
    } else replaced = present(await db.touches.bulkGet(touchIds));
    await putRows(db.touches, [...touches.values()]);
    await markSummariesStale(db, runId);
    return { created: touches.size - replaced.length, updated: replaced.length };
  });
}

const present = <T>(rows: ReadonlyArray<T | undefined>): T[] =>
  rows.filter((row): row is T => row !== undefined);

async function writeAssets(db: BatonDb, rows: Array<Pending<AssetRow>>, now: Date): Promise<Counts> {
  const updatedAt = now.toISOString();
  return db.transaction('rw', db.assets, async () => {
    const withIds = rows.map((r) => ({
      ...r,
      id: r.value.asset.id ?? `asset-${contentHash(r.value.asset.url)}`,
    }));
    const stored = await db.assets.bulkGet(unique(withIds.map((r) => r.id)));
    const current = new Map<string, Asset>();
    for (const asset of stored) if (asset) current.set(asset.id, asset);
    const counts: Counts = { created: 0, updated: 0 };
    const changed = new Map<string, Asset>();
    for (const { id, value } of withIds) {
      const existing = current.get(id);
      const { asset } = value;
      const merged: Asset = {
        ...(existing ?? { industries: [], needs: [], stages: [], personas: [], summary: '' }),
        ...asset,
        // An empty list or summary in the file keeps what the library had.
        industries: asset.industries.length > 0 ? asset.industries : (existing?.industries ?? []),
        needs: asset.needs.length > 0 ? asset.needs : (existing?.needs ?? []),
        stages: asset.stages.length > 0 ? asset.stages : (existing?.stages ?? []),
        personas: asset.personas.length > 0 ? asset.personas : (existing?.personas ?? []),
        summary: asset.summary || existing?.summary || '',
        id,
        sample: false,
        updatedAt,
      };
      if (existing) counts.updated++;
      else counts.created++;
      current.set(id, merged);
      changed.set(id, merged);
    }
    await db.assets.bulkPut([...changed.values()]);
    return counts;
  });
}
