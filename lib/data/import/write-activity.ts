import { Attempt, Disposition, Lead, STAGE_AFTER_DISPOSITION, type Touch } from '../../model/schemas';
import { putRows } from '../../store/bulk';
import { type BatonDb, fromStoredLead, type StoredLead, toStoredLead } from '../../store/db';
import { readSummaries } from '../../store/summaries';
import { markSummariesStale } from '../../store/summary-catch-up';
import { type SummaryRecord, withLead, withRows } from '../../store/summary-record';
import { contentHash, derivedUuid } from './hash';
import type { AttemptRow, HandbackRow, TouchRow } from './rows';
import { type RunIndex, resolveLeadRefs, unique, unknownLeadReason } from './run-index';
import type { Counts, Pending, Reject } from './write';

/**
 * Writers for touches, attempts and hand-backs: one transaction per chunk. Attempts and hand-backs
 * update the leads' summaries in it (the queue and the report read those); a touches import marks
 * them stale and catches them up once, when it ends (store/summary-catch-up.ts). Activity never
 * creates a lead: a row naming nobody Baton knows is skipped and reported. Each row's id comes from
 * the file's own record id, else from its content, so importing the same file twice changes
 * nothing.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Baton's own export carries the UUID; a CRM's record id ("00T…", "48213") is turned into one. */
function rowId(kind: string, sourceId: string | undefined, content: readonly string[]): string {
  if (sourceId && UUID.test(sourceId)) return sourceId.toLowerCase();
  return derivedUuid(sourceId ? `${kind}-record:${sourceId}` : `${kind}:${content.join('|')}`);
}

export async function writeTouches(
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

export async function writeAttempts(
  db: BatonDb,
  rows: Array<Pending<AttemptRow>>,
  reject: Reject,
  run: RunIndex,
): Promise<Counts> {
  return db.transaction('rw', db.leads, db.attempts, db.summaries, async () => {
    const leadOf = await resolveLeadRefs(
      db,
      rows.map((r) => r.value.lead),
      run,
    );
    const attempts = new Map<string, Attempt>();
    for (const { row, value } of rows) {
      const leadId = leadOf(value.lead);
      if (!leadId) {
        reject(row, { column: value.source.leadId ?? 0, reason: unknownLeadReason(value.lead) });
        continue;
      }
      const { at, channel, outcome } = value.attempt;
      const id = rowId('attempt', value.sourceId, [leadId, at, channel, outcome]);
      const parsed = Attempt.safeParse({ ...value.attempt, id, leadId, sync: 'local', sample: false });
      if (!parsed.success) {
        reject(row, { column: value.source.at ?? 0, reason: parsed.error.issues[0]?.message ?? 'not valid' });
        continue;
      }
      attempts.set(id, parsed.data);
    }
    if (attempts.size === 0) return { created: 0, updated: 0 };
    const replaced = (await db.attempts.bulkGet([...attempts.keys()])).filter(Boolean).length;
    await putRows(db.attempts, [...attempts.values()]);
    await putSummaries(db, [...attempts.values()], (record, list) => withRows(record, { attempts: list }));
    return { created: attempts.size - replaced, updated: replaced };
  });
}

export async function writeHandbacks(
  db: BatonDb,
  rows: Array<Pending<HandbackRow>>,
  reject: Reject,
  run: RunIndex,
): Promise<Counts> {
  return db.transaction('rw', db.leads, db.dispositions, db.summaries, async () => {
    const leadOf = await resolveLeadRefs(
      db,
      rows.map((r) => r.value.lead),
      run,
    );
    const leadIds = unique(rows.flatMap((r) => [leadOf(r.value.lead)]).filter((id): id is string => !!id));
    const leads = new Map<string, StoredLead>();
    for (const lead of await db.leads.bulkGet(leadIds)) if (lead) leads.set(lead.id, lead);
    const dispositions = new Map<string, Disposition>();
    for (const { row, value } of rows) {
      const leadId = leadOf(value.lead);
      const lead = leadId ? leads.get(leadId) : undefined;
      if (!leadId || !lead) {
        reject(row, { column: value.source.leadId ?? 0, reason: unknownLeadReason(value.lead) });
        continue;
      }
      const { kind, at } = value.handback;
      const id = rowId('handback', value.sourceId, [leadId, kind, at]);
      const parsed = Disposition.safeParse({ ...value.handback, id, leadId, previousStage: lead.stage });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const column = value.source[String(issue?.path[0] ?? '')] ?? value.source.kind ?? 0;
        reject(row, { column, reason: issue?.message ?? 'not a valid hand-back' });
        continue;
      }
      dispositions.set(id, parsed.data);
    }
    if (dispositions.size === 0) return { created: 0, updated: 0 };
    const replaced = (await db.dispositions.bulkGet([...dispositions.keys()])).filter(Boolean).length;
    await putRows(db.dispositions, [...dispositions.values()]);
    const stagedLeads: StoredLead[] = [];
    await putSummaries(db, [...dispositions.values()], (record, list) => {
      const next = withRows(record, { dispositions: list });
      const lead = leads.get(record.leadId);
      const standing = next.dispositions.at(-1);
      // The latest hand-back sets the stage, as it did in the CRM; a customer stays a customer.
      if (!lead || !standing || lead.stage === 'customer') return next;
      const stage = STAGE_AFTER_DISPOSITION[standing.kind];
      if (stage === lead.stage) return next;
      const moved = toStoredLead(Lead.parse({ ...fromStoredLead(lead), stage, updatedAt: standing.at }));
      stagedLeads.push(moved);
      return withLead(fromStoredLead(moved), next);
    });
    await putRows(db.leads, stagedLeads);
    return { created: dispositions.size - replaced, updated: replaced };
  });
}

/** Each row's lead's summary with the rows laid in (rows of a lead with no summary: none yet). */
async function putSummaries<T extends { leadId: string }>(
  db: BatonDb,
  rows: readonly T[],
  apply: (record: SummaryRecord, rows: T[]) => SummaryRecord,
): Promise<void> {
  const byLead = new Map<string, T[]>();
  for (const row of rows) byLead.set(row.leadId, [...(byLead.get(row.leadId) ?? []), row]);
  const summaries = await readSummaries(db, [...byLead.keys()]);
  const updated: SummaryRecord[] = [];
  for (const [leadId, list] of byLead) {
    const record = summaries.get(leadId);
    if (record) updated.push(apply(record, list));
  }
  await putRows(db.summaries, updated);
}
