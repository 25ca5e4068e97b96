import { type ScoreModel, scoreLead, type TouchTimes } from '../core/score';
import type { AssetSent, Attempt, ContentRequest, Disposition, Lead, TouchKind } from '../model/schemas';
import type { QueueEntry } from '../queue/queue-entry';
import { type LeadSummary, summarizeLead } from '../report/summary';

/**
 * One lead's summary as the store keeps it (table `summaries`, issue #15 item 6): what the queue
 * and the report need of the lead and of every row that belongs to it, in one small record, so
 * neither reads the touches, attempts or hand-backs tables. Written in the same transaction as
 * every write that changes it (see `summaries.ts`); everything else is derived from it when read.
 *
 * Child rows are kept by id, so writing the same row twice (a re-import) changes nothing; touches
 * keep only their kind and time (a million of them), and a re-imported touch is diffed against
 * the row it replaces.
 */
export interface SummaryRecord {
  leadId: string;
  name: string;
  company?: string;
  emails: string[];
  owner?: string;
  stage: Lead['stage'];
  mqlAt?: string;
  /** mqlAt in epoch ms, indexed: the report's cohort is a range of it. */
  handoffAt?: number;
  handoffScore?: number;
  sample?: boolean;
  /** What the score's fit part reads. */
  title?: string;
  industry?: string;
  companySize?: number;
  territory?: string;
  crmScore?: number;
  /** Oldest first. */
  attempts: Array<Pick<Attempt, 'id' | 'at' | 'channel' | 'outcome'>>;
  dispositions: Array<SummaryDisposition>;
  shares: Array<Pick<AssetSent, 'id' | 'assetId' | 'at' | 'channel'>>;
  requests: Array<Pick<ContentRequest, 'id' | 'at' | 'text'>>;
  touchTimes: Partial<Record<TouchKind, number[]>>;
  /**
   * The latest attempt, hand-back, asset shared or content request (epoch ms), indexed: a report
   * for a period reads the leads handed over in it and those with activity since its start.
   */
  lastActivityAt?: number;
}

export type SummaryDisposition = Pick<Disposition, 'id' | 'kind' | 'at'> & {
  reason?: Extract<Disposition, { kind: 'recycle' | 'disqualify' }>['reason'];
};

export type SummaryLead = Pick<
  Lead,
  | 'id'
  | 'name'
  | 'company'
  | 'emails'
  | 'owner'
  | 'stage'
  | 'mqlAt'
  | 'handoffScore'
  | 'sample'
  | 'title'
  | 'industry'
  | 'companySize'
  | 'territory'
  | 'crmScore'
>;

/** The record of a lead with no rows yet (a new lead), or `base`'s rows under the lead's new fields. */
export function withLead(lead: SummaryLead, base?: SummaryRecord): SummaryRecord {
  const handoffAt = lead.mqlAt === undefined ? undefined : Date.parse(lead.mqlAt);
  return finish({
    attempts: base?.attempts ?? [],
    dispositions: base?.dispositions ?? [],
    shares: base?.shares ?? [],
    requests: base?.requests ?? [],
    touchTimes: base?.touchTimes ?? {},
    leadId: lead.id,
    name: lead.name,
    company: lead.company,
    emails: lead.emails,
    owner: lead.owner || undefined,
    stage: lead.stage,
    mqlAt: lead.mqlAt,
    handoffAt: handoffAt !== undefined && Number.isFinite(handoffAt) ? handoffAt : undefined,
    handoffScore: lead.handoffScore,
    sample: lead.sample || undefined,
    title: lead.title,
    industry: lead.industry,
    companySize: lead.companySize,
    territory: lead.territory,
    crmScore: lead.crmScore,
  });
}

export interface SummaryRows {
  attempts?: readonly Attempt[];
  dispositions?: readonly Disposition[];
  shares?: readonly AssetSent[];
  requests?: readonly ContentRequest[];
}

/** The record with these rows added, or replacing the rows of the same id. */
export function withRows(record: SummaryRecord, rows: SummaryRows): SummaryRecord {
  return finish({
    ...record,
    attempts: upsert(
      record.attempts,
      rows.attempts?.map(({ id, at, channel, outcome }) => ({ id, at, channel, outcome })),
    ),
    dispositions: upsert(
      record.dispositions,
      rows.dispositions?.map((d) =>
        d.kind === 'accept'
          ? { id: d.id, kind: d.kind, at: d.at }
          : { id: d.id, kind: d.kind, at: d.at, reason: d.reason },
      ),
    ),
    shares: upsert(
      record.shares,
      rows.shares?.map(({ id, assetId, at, channel }) => ({ id, assetId, at, channel })),
    ),
    requests: upsert(
      record.requests,
      rows.requests?.map(({ id, at, text }) => ({ id, at, text })),
    ),
  });
}

/** The record without the rows of these ids (an undo). */
export function withoutRows(record: SummaryRecord, ids: ReadonlySet<string>): SummaryRecord {
  const keep = <T extends { id: string }>(list: T[]) => list.filter((row) => !ids.has(row.id));
  return finish({
    ...record,
    attempts: keep(record.attempts),
    dispositions: keep(record.dispositions),
    shares: keep(record.shares),
    requests: keep(record.requests),
  });
}

export type TouchTime = { kind: TouchKind; at: string };

/** The record with touches added and, for a replaced touch, the old one's time taken out. */
export function withTouches(
  record: SummaryRecord,
  added: readonly TouchTime[],
  removed: readonly TouchTime[] = [],
): SummaryRecord {
  const times: Partial<Record<TouchKind, number[]>> = {};
  // Each kind's list is copied once, on first change (a lead may have thousands of touches).
  const listOf = (kind: TouchKind) => {
    const list = times[kind] ?? [...(record.touchTimes[kind] ?? [])];
    times[kind] = list;
    return list;
  };
  for (const touch of removed) {
    const list = listOf(touch.kind);
    const i = list.indexOf(Date.parse(touch.at));
    if (i >= 0) list.splice(i, 1);
  }
  for (const touch of added) {
    const at = Date.parse(touch.at);
    if (Number.isFinite(at)) listOf(touch.kind).push(at);
  }
  const merged = { ...record.touchTimes, ...times };
  for (const kind of Object.keys(merged) as TouchKind[]) if (merged[kind]?.length === 0) delete merged[kind];
  return { ...record, touchTimes: merged };
}

/** Rows kept oldest first, one per id (a row written again replaces the earlier copy). */
function upsert<T extends { id: string; at: string }>(list: T[], rows: readonly T[] | undefined): T[] {
  if (!rows || rows.length === 0) return list;
  const byId = new Map(list.map((row) => [row.id, row]));
  for (const row of rows) byId.set(row.id, row);
  return [...byId.values()].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function finish(record: SummaryRecord): SummaryRecord {
  let last = Number.NEGATIVE_INFINITY;
  for (const list of [record.attempts, record.dispositions, record.shares, record.requests])
    for (const row of list) last = Math.max(last, Date.parse(row.at));
  const { lastActivityAt: _old, ...rest } = record;
  return Number.isFinite(last) ? { ...rest, lastActivityAt: last } : rest;
}

/** The report's view of the lead (docs/architecture.md "Report"). */
export function reportSummaryOf(record: SummaryRecord): LeadSummary {
  const summary = summarizeLead({
    lead: {
      id: record.leadId,
      name: record.name,
      owner: record.owner,
      stage: record.stage,
      mqlAt: record.mqlAt,
      handoffScore: record.handoffScore,
    },
    attempts: record.attempts,
    dispositions: record.dispositions,
    assetsSent: record.shares,
    contentRequests: record.requests,
    touches: [],
  });
  let touchesBeforeHandoff = 0;
  const { handoffAt } = summary;
  if (handoffAt !== undefined)
    for (const list of Object.values(record.touchTimes))
      for (const at of list ?? []) if (at < handoffAt) touchesBeforeHandoff++;
  return { ...summary, touchesBeforeHandoff };
}

/** The queue's view of the lead, scored at `now` (or unscored: the badge needs only the SLA). */
export function queueEntryOf(record: SummaryRecord, model: ScoreModel | undefined, now: number): QueueEntry {
  const lead = {
    id: record.leadId,
    name: record.name,
    company: record.company,
    emails: record.emails,
    stage: record.stage,
    mqlAt: record.mqlAt,
    handoffScore: record.handoffScore,
    sample: record.sample ?? false,
    owner: record.owner,
  };
  const score = model
    ? scoreLead(
        model,
        {
          id: record.leadId,
          title: record.title,
          industry: record.industry,
          companySize: record.companySize,
          territory: record.territory,
          crmScore: record.crmScore,
        },
        record.touchTimes as TouchTimes,
        now,
      )
    : { total: 0, band: 'cold' as const };
  return {
    lead,
    attempts: record.attempts.map(({ at, outcome }) => ({ leadId: record.leadId, at, outcome })),
    score: score.total,
    band: score.band,
  };
}
