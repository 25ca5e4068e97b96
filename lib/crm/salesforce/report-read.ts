import { z } from 'zod';
import type { Asset, Lead } from '../../model/schemas';
import { LeadSummarySchema, type ReportDataWire, type ReportWindow } from '../../report/report-data-schema';
import type { ReportProgress } from '../../report/report-progress';
import type { LeadSummary } from '../../report/summary';
import {
  addBatonNote,
  type NoteFindings,
  noteFindings,
  type ReportLibrary,
  readBatonNoteText,
  reasonOfLabel,
  reportLibrary,
  standingKindOf,
} from '../report-notes';
import { type CompositeSubrequest, paths, QueryPage } from './api';
import { type Checked, errorFor, type SalesforceClient, SalesforceError } from './client';
import {
  AT_TAG,
  CAMPAIGN_MEMBER_FIELDS,
  campaignMemberToTouch,
  EVENT_FIELDS,
  eventToAttempt,
  leadIdOf,
  objectOf,
  recordFields,
  recordToLead,
  SALESFORCE_ID,
  sfInstant,
  TASK_FIELDS,
  taggedAt,
  taskToAttempt,
} from './mapping';
import type { SalesforceSetup } from './setup';
import { soqlDateTime, soqlField, soqlList } from './soql';

/** Ids per `IN (...)` list: a query's URL stays short (Salesforce reads up to 16,384 characters). */
export const ID_CHUNK = 200;
/** Queries per composite call (Salesforce's cap): five queries cost one API call. */
const QUERIES_PER_CALL = 5;
const STEPS = 3;

export const SALESFORCE_BLIND_SPOTS = [
  'Attempts never logged to Salesforce as Tasks or Events (calls from a phone, emails from a mailbox Salesforce does not track) are not counted.',
  'Content consumed is known only from campaign responses (Campaign Members that responded).',
  'Hand-back reasons are known only where the rep handed back in Baton (its tagged Tasks) or the reason field is filled in; other recycles count without a reason.',
  "Hand-back times come from Baton's Tasks and Lead status history where the org tracks Status; otherwise the record's last change stands in (a Contact's status has no history read).",
  'Assets sent are known only where Baton logged them (its tagged Tasks).',
  'Owner history: each lead counts for its owner now, not for whoever held it during the period.',
  'Customers are not read (opportunities): end to end stops at SQL.',
] as const;

export type SalesforceReportOptions = {
  window: ReportWindow;
  setup: SalesforceSetup;
  library: readonly Pick<Asset, 'id' | 'title' | 'url'>[];
  onProgress?: (progress: ReportProgress) => void;
};

/** What the read left out (records Salesforce sent that could not be read), and what it cost. */
export type SalesforceReportRead = ReportDataWire & { skipped: number; apiCalls: number };

type Who = { raw: Record<string, unknown>; lead: Lead };
type Activity = { kind: 'task' | 'event'; raw: unknown; whoId: string };
type StatusChange = { leadId: string; status: string; at: number };

const WhoRow = z.object({ WhoId: z.string().regex(SALESFORCE_ID) }).loose();
const StatusRow = z
  .object({ LeadId: z.string().regex(SALESFORCE_ID), NewValue: z.unknown(), CreatedDate: z.string() })
  .loose();
const UserRow = z.object({ Id: z.string().regex(SALESFORCE_ID), Name: z.string().trim().min(1) }).loose();
const MemberWho = z
  .object({ LeadId: z.string().nullable().optional(), ContactId: z.string().nullable().optional() })
  .loose();

const key15 = (id: string) => id.slice(0, 15);
const millis = (value: unknown) => {
  const at = sfInstant(value);
  return at === undefined ? undefined : Date.parse(at);
};
const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/**
 * The report's per-lead summaries from Salesforce, in as few API calls as the data allows. The
 * first call is one composite of five queries: the Leads (and, when Contacts are worked, the
 * Contacts) handed over in the period, every Task and Event since the period began (cadence
 * windows and hand-backs run past its end; attempts before a cohort lead's handoff never count),
 * and Lead status history since then (when the accepted, recycled or disqualified status was set).
 * Each query's further pages cost one call each. Then, five `IN (...)` lists of 200 ids a call: the
 * records of leads active in the period but handed over before it, the cohort's campaign responses
 * (touches before the handoff), and owner names from `User` only where a record came without
 * `Owner.Name`. A record that cannot be read is left out and counted in `skipped`.
 *
 * The handoff is the setup's handoff field when set, else CreatedDate. Unlike the card, the report
 * does not read owner history for the handoff (it would cost a query per lead's history; HubSpot's
 * report does the same with its owner date): a lead without the field is handed over when created.
 */
export async function readSalesforceReport(
  client: SalesforceClient,
  options: SalesforceReportOptions,
): Promise<SalesforceReportRead> {
  const { window, setup } = options;
  const library = reportLibrary(options.library);
  const progress = (step: number, label: string, done: number, total: number) =>
    options.onProgress?.({ from: window.from, to: window.to, step, steps: STEPS, label, done, total });
  let skipped = 0;
  let apiCalls = 0;
  const contactsWorked = setup.contactStatusField !== '';
  const handoff = soqlField(setup.handoffField || 'CreatedDate');
  const from = soqlDateTime(window.from);
  const to = soqlDateTime(window.to, 'ceil');
  const select = (object: 'Lead' | 'Contact') =>
    [...recordFields(object, setup), ...(object === 'Lead' ? ['ConvertedDate'] : [])]
      .map(soqlField)
      .join(', ');
  const asWho = (raw: unknown): Who | undefined => {
    const lead = recordToLead(raw, setup);
    return lead ? { raw: raw as Record<string, unknown>, lead } : undefined;
  };

  /** Queries in composites of five; each answer's later pages followed. A failed query throws, unless `optional`. */
  async function run<T>(
    queries: ReadonlyArray<{ soql: string; record: (raw: unknown) => T | undefined; optional?: boolean }>,
    onDone?: (done: number) => void,
  ): Promise<Checked<T>[]> {
    const results: Checked<T>[] = [];
    for (const batch of chunks(queries, QUERIES_PER_CALL)) {
      const subrequests: CompositeSubrequest[] = batch.map((q, i) => ({
        method: 'GET',
        referenceId: `q${i}`,
        url: paths.query(q.soql),
      }));
      const answers = await client.composite(subrequests, { allOrNone: false, read: true });
      apiCalls++;
      for (const [i, q] of batch.entries()) {
        const answer = answers.find((a) => a.referenceId === `q${i}`);
        const page = answer && answer.status < 400 ? QueryPage.safeParse(answer.body) : undefined;
        if (!page?.success) {
          if (q.optional) {
            results.push({ records: [], skipped: 0 });
            continue;
          }
          if (answer && answer.status >= 400) throw errorFor(answer.status, answer.body, 'the report query');
          throw new SalesforceError(
            'Unexpected answer from Salesforce for the report query',
            answer?.status,
            false,
            'UNEXPECTED_ANSWER',
          );
        }
        const read = await client.continueQuery(page.data, q.record);
        apiCalls += read.calls;
        results.push(read);
      }
      onDone?.(results.length);
    }
    return results;
  }

  // 1. The cohort, the activity since the period began, and the status changes since then.
  const step1 = 'Leads handed over, and activity since the period began';
  progress(1, step1, 0, 1);
  type Query = { soql: string; record: (raw: unknown) => unknown; optional?: boolean };
  const first: Record<'leads' | 'contacts' | 'tasks' | 'events' | 'statuses', Query | undefined> = {
    leads: {
      soql: `SELECT ${select('Lead')} FROM Lead WHERE ${handoff} >= ${from} AND ${handoff} < ${to}`,
      record: asWho,
    },
    contacts: contactsWorked
      ? {
          // A Contact counts once it carries one of Baton's statuses (one created for an account is no MQL).
          soql: `SELECT ${select('Contact')} FROM Contact WHERE ${handoff} >= ${from} AND ${handoff} < ${to} AND ${soqlField(setup.contactStatusField)} != null`,
          record: asWho,
        }
      : undefined,
    tasks: {
      soql: `SELECT ${TASK_FIELDS.join(', ')} FROM Task WHERE WhoId != null AND (CreatedDate >= ${from} OR CompletedDateTime >= ${from})`,
      record: (raw) => activityOf('task', raw),
    },
    events: {
      soql: `SELECT ${EVENT_FIELDS.join(', ')} FROM Event WHERE WhoId != null AND (StartDateTime >= ${from} OR CreatedDate >= ${from})`,
      record: (raw) => activityOf('event', raw),
    },
    statuses: {
      // Orgs that do not track Lead Status refuse or answer nothing: the record's last change stands in.
      soql: `SELECT LeadId, NewValue, CreatedDate FROM LeadHistory WHERE Field = 'Status' AND CreatedDate >= ${from}`,
      record: (raw) => statusChangeOf(raw),
      optional: true,
    },
  };
  const names1 = (Object.keys(first) as Array<keyof typeof first>).filter((name) => first[name]);
  const read1 = await run(names1.map((name) => first[name] as Query));
  const got = (name: keyof typeof first) => read1[names1.indexOf(name)];
  const [leadsRead, contactsRead, tasksRead, eventsRead, statusRead] = (
    ['leads', 'contacts', 'tasks', 'events', 'statuses'] as const
  ).map(got);
  progress(1, step1, 1, 1);
  const whos = new Map<string, Who>();
  for (const read of [leadsRead, contactsRead]) {
    if (!read) continue;
    skipped += read.skipped;
    for (const who of read.records as Who[]) whos.set(key15(who.lead.crm[0]?.id ?? ''), who);
  }
  const activity = new Map<string, Activity[]>();
  for (const read of [tasksRead, eventsRead]) {
    if (!read) continue;
    skipped += read.skipped;
    for (const item of read.records as Activity[]) {
      const object = objectOf(item.whoId);
      if (object === 'Contact' && !contactsWorked) continue;
      if (!object) continue; // a Task on something else than a Lead or a Contact
      const list = activity.get(key15(item.whoId)) ?? [];
      list.push(item);
      activity.set(key15(item.whoId), list);
    }
  }
  const statusChanges = new Map<string, StatusChange[]>();
  for (const change of (statusRead?.records ?? []) as StatusChange[]) {
    const list = statusChanges.get(key15(change.leadId)) ?? [];
    list.push(change);
    statusChanges.set(key15(change.leadId), list);
  }

  // 2. Leads active in the period but handed over before it (activity figures count them).
  const activeBefore = [...activity.entries()]
    .filter(([id, list]) => !whos.has(id) && list.some((item) => inPeriod(item, window)))
    .map(([, list]) => list[0]?.whoId as string);
  const byObject = (object: 'Lead' | 'Contact') => activeBefore.filter((id) => objectOf(id) === object);
  const recordQueries = (['Lead', 'Contact'] as const).flatMap((object) =>
    chunks(byObject(object), ID_CHUNK).map((ids) => ({
      soql: `SELECT ${select(object)} FROM ${object} WHERE Id IN ${soqlList(ids)}`,
      record: asWho as (raw: unknown) => unknown,
    })),
  );
  // The cohort's campaign responses, for the touches before each handoff.
  const cohortIds = [...whos.values()].map((who) => who.lead.crm[0]?.id as string);
  const memberQueries = (['Lead', 'Contact'] as const).flatMap((object) =>
    chunks(
      cohortIds.filter((id) => objectOf(id) === object),
      ID_CHUNK,
    ).map((ids) => ({
      soql: `SELECT ${object}Id, ${CAMPAIGN_MEMBER_FIELDS.join(', ')} FROM CampaignMember WHERE HasResponded = true AND ${object}Id IN ${soqlList(ids)}`,
      record: (raw: unknown) => raw,
    })),
  );
  const step2 = 'Leads active in the period, and campaign responses';
  const second = [...recordQueries, ...memberQueries];
  progress(2, step2, 0, second.length);
  const answers = await run<unknown>(second, (done) => progress(2, step2, done, second.length));
  const touchesOf = new Map<string, number[]>();
  for (const [i, read] of answers.entries()) {
    skipped += read.skipped;
    if (i < recordQueries.length) {
      for (const who of read.records as Who[]) whos.set(key15(who.lead.crm[0]?.id ?? ''), who);
      continue;
    }
    for (const raw of read.records) {
      const who = MemberWho.safeParse(raw);
      const whoId = who.success ? (who.data.LeadId ?? who.data.ContactId) : undefined;
      const touch = whoId ? campaignMemberToTouch(raw, leadIdOf(whoId)) : 'unreadable';
      if (touch === 'unreadable' || !whoId) skipped++;
      else if (touch) {
        const list = touchesOf.get(key15(whoId)) ?? [];
        list.push(Date.parse(touch.at));
        touchesOf.set(key15(whoId), list);
      }
    }
  }

  // 3. Owner names: from the records' Owner.Name, else from User.
  const step3 = 'Owners';
  progress(3, step3, 0, 1);
  const names = new Map<string, string>();
  const unnamed = new Set<string>();
  for (const who of whos.values()) {
    const id = who.lead.owner;
    if (!id) continue;
    const name = (who.raw.Owner as { Name?: unknown } | null | undefined)?.Name;
    if (typeof name === 'string' && name.trim()) names.set(key15(id), name.trim());
    else unnamed.add(id);
  }
  const missing = [...unnamed].filter((id) => !names.has(key15(id)));
  if (missing.length > 0) {
    const users = await run(
      chunks(missing, ID_CHUNK).map((ids) => ({
        soql: `SELECT Id, Name FROM User WHERE Id IN ${soqlList(ids)}`,
        record: (raw: unknown) => {
          const user = UserRow.safeParse(raw);
          return user.success ? user.data : undefined;
        },
      })),
    );
    for (const read of users) {
      skipped += read.skipped;
      for (const user of read.records) names.set(key15(user.Id), user.Name.trim());
    }
  }
  const ownerLabel = ownerLabels(names);
  progress(3, step3, 1, 1);

  const leads: LeadSummary[] = [];
  for (const [id, who] of whos) {
    const summary = summarize(who, activity.get(id) ?? [], {
      setup,
      library,
      statusChanges: statusChanges.get(id) ?? [],
      touches: touchesOf.get(id) ?? [],
      owner: who.lead.owner ? (ownerLabel.get(key15(who.lead.owner)) ?? who.lead.owner) : undefined,
    });
    const checked = LeadSummarySchema.safeParse(summary.lead);
    if (checked.success) {
      leads.push(checked.data);
      skipped += summary.skipped;
    } else skipped++;
  }
  leads.sort((a, b) => (a.handoffAt ?? 0) - (b.handoffAt ?? 0) || a.leadId.localeCompare(b.leadId));
  return {
    leads,
    libraryAssetIds: options.library.map((asset) => asset.id),
    knowsCustomers: false,
    blindSpots: [
      ...SALESFORCE_BLIND_SPOTS,
      ...(skipped > 0
        ? [`${skipped} record${skipped === 1 ? '' : 's'} Salesforce sent could not be read and are left out.`]
        : []),
    ],
    skipped,
    apiCalls,
  };
}

/** A Task or Event with its WhoId, or undefined (counted) when it has none Baton can read. */
function activityOf(kind: Activity['kind'], raw: unknown): Activity | undefined {
  const row = WhoRow.safeParse(raw);
  return row.success ? { kind, raw, whoId: row.data.WhoId } : undefined;
}

function statusChangeOf(raw: unknown): StatusChange | undefined {
  const row = StatusRow.safeParse(raw);
  const at = row.success ? millis(row.data.CreatedDate) : undefined;
  // Salesforce writes a picklist change as its value; anything else is not a status.
  if (!row.success || at === undefined || typeof row.data.NewValue !== 'string') return undefined;
  return { leadId: row.data.LeadId, status: row.data.NewValue, at };
}

/** When an activity happened, as the card reads it (Baton's instant tag, else completed, else created). */
function activityAt(item: Activity): number | undefined {
  const raw = item.raw as Record<string, unknown>;
  const description = typeof raw.Description === 'string' ? raw.Description : '';
  const at =
    item.kind === 'task'
      ? (taggedAt(description) ?? sfInstant(raw.CompletedDateTime) ?? sfInstant(raw.CreatedDate))
      : (sfInstant(raw.StartDateTime) ?? sfInstant(raw.CreatedDate));
  return at === undefined ? undefined : Date.parse(at);
}

function inPeriod(item: Activity, window: ReportWindow): boolean {
  const at = activityAt(item);
  return at !== undefined && at >= window.from && at < window.to;
}

/** Owners by name; two owners of one name are told apart by their id. */
function ownerLabels(names: Map<string, string>): Map<string, string> {
  const count = new Map<string, number>();
  for (const name of names.values()) count.set(name, (count.get(name) ?? 0) + 1);
  return new Map([...names].map(([id, name]) => [id, (count.get(name) ?? 0) > 1 ? `${name} (${id})` : name]));
}

/** Baton's note in a Task's Description: the text before `[baton:<id>]`, its instant after. */
const NOTE_TAG = /\n?\[baton:([0-9a-f-]{36})\]\s*$/i;
function readNoteTask(description: string) {
  const body = description.replace(AT_TAG, '').trimEnd();
  const tag = NOTE_TAG.exec(body);
  if (!tag?.[1]) return undefined;
  return readBatonNoteText(body.slice(0, tag.index).trim(), tag[1].toLowerCase());
}

type SummaryContext = {
  setup: SalesforceSetup;
  library: ReportLibrary;
  statusChanges: readonly StatusChange[];
  touches: readonly number[];
  owner: string | undefined;
};

/** One Lead or Contact and its activity as the report's summary; `skipped`: activity that could not be read. */
function summarize(
  who: Who,
  activity: readonly Activity[],
  context: SummaryContext,
): { lead: LeadSummary; skipped: number } {
  const { lead, raw } = who;
  const { setup } = context;
  const handoffAt = lead.mqlAt === undefined ? undefined : Date.parse(lead.mqlAt);
  let skipped = 0;
  const attempts: LeadSummary['attempts'] = [];
  const notes: NoteFindings = noteFindings();
  for (const item of activity) {
    if (item.kind === 'event') {
      const attempt = eventToAttempt(item.raw, lead.id);
      if (attempt === 'unreadable') skipped++;
      else attempts.push({ at: Date.parse(attempt.at), channel: attempt.channel, outcome: attempt.outcome });
      continue;
    }
    const attempt = taskToAttempt(item.raw, lead.id);
    if (attempt === 'unreadable') {
      skipped++;
      continue;
    }
    if (attempt) {
      attempts.push({ at: Date.parse(attempt.at), channel: attempt.channel, outcome: attempt.outcome });
      continue;
    }
    const description = (item.raw as { Description?: unknown }).Description;
    const note = typeof description === 'string' ? readNoteTask(description) : undefined;
    const at = activityAt(item);
    const taskId = (item.raw as { Id: string }).Id;
    if (note && at !== undefined) addBatonNote(notes, note, at, context.library, `salesforce-task:${taskId}`);
  }
  const { handBacks } = notes;
  const byAt = (a: { at: number }, b: { at: number }) => a.at - b.at;
  // The statuses set in the period or since (Lead status history): when each hand-back happened.
  const kindOfStatus = (status: string) =>
    status === setup.acceptedStatus
      ? 'accept'
      : status === setup.recycledStatus
        ? 'recycle'
        : status === setup.disqualifiedStatus
          ? 'disqualify'
          : undefined;
  for (const change of context.statusChanges) {
    const kind = kindOfStatus(change.status);
    if (kind) handBacks.push({ kind, at: change.at });
  }
  handBacks.sort(byAt);
  const standingKind = standingKindOf(lead.stage);
  const fieldReason = setup.reasonField ? raw[setup.reasonField] : undefined;
  const reasonNow = typeof fieldReason === 'string' ? reasonOfLabel(fieldReason) : undefined;
  let standing = standingKind ? handBacks.filter((h) => h.kind === standingKind).at(-1) : undefined;
  if (standingKind && !standing) {
    // No Task nor history says when: a converted Lead's conversion day, else the record's last change.
    const at =
      (standingKind === 'accept' ? millis(raw.ConvertedDate) : undefined) ??
      millis(raw.LastModifiedDate) ??
      millis(raw.CreatedDate);
    if (at !== undefined) standing = { kind: standingKind, at };
  }
  if (standing && standing.kind !== 'accept' && !standing.reason) {
    // The reason of the same hand-back's tagged Task (a status change has none), else the reason field.
    const reason = handBacks.filter((h) => h.kind === standing?.kind && h.reason).at(-1)?.reason ?? reasonNow;
    standing = { ...standing, ...(reason ? { reason } : {}) };
  }
  if (standing?.kind === 'accept') standing = { kind: 'accept', at: standing.at };
  const leadSource =
    typeof raw.LeadSource === 'string' && raw.LeadSource.trim() ? raw.LeadSource.trim() : undefined;
  return {
    lead: {
      leadId: lead.id,
      name: lead.name,
      owner: context.owner,
      stage: lead.stage,
      handoffAt,
      leadSource,
      attempts: attempts.sort(byAt),
      handBack: standing,
      firstHandBackAt: handoffAt === undefined ? undefined : handBacks.find((h) => h.at >= handoffAt)?.at,
      assetsSent: notes.assetsSent.sort(byAt),
      linksCopied: notes.linksCopied.sort(byAt),
      contentRequests: notes.contentRequests.sort(byAt),
      touchesBeforeHandoff:
        handoffAt === undefined ? 0 : context.touches.filter((at) => at < handoffAt).length,
      sqlAt: standing?.kind === 'accept' ? standing.at : undefined,
    },
    skipped,
  };
}
