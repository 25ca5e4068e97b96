import type { BusinessCalendar } from '../core/calendar';
import type { SlaPolicy } from '../core/sla';
import {
  ATTEMPT_CHANNELS,
  ATTEMPT_OUTCOMES,
  type AttemptChannel,
  type AttemptOutcome,
  RECYCLE_REASONS,
  type RecycleReason,
} from '../model/schemas';
import { judgeLead } from './lead-outcome';
import { DAYS_PER_MONTH, inPeriod, periodDays, type ReportPeriod } from './period';
import { median, nearestRank, ratio } from './stats';
import type { LeadSummary } from './summary';
import type { ReportTargets } from './targets';

/** Speed-to-lead bands, business minutes, upper bound included (design §11). */
export const SPEED_BANDS = ['le5', 'le15', 'le60', 'le240', 'le480', 'gt480'] as const;
export type SpeedBand = (typeof SPEED_BANDS)[number];
const BAND_UPPER: Record<Exclude<SpeedBand, 'gt480'>, number> = {
  le5: 5,
  le15: 15,
  le60: 60,
  le240: 240,
  le480: 480,
};

export function speedBand(businessMinutes: number): SpeedBand {
  for (const band of SPEED_BANDS) if (band !== 'gt480' && businessMinutes <= BAND_UPPER[band]) return band;
  return 'gt480';
}

/** Score bands at handoff for MQL quality. */
export const SCORE_BANDS = ['unscored', 's0_39', 's40_59', 's60_79', 's80_100'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];
export function scoreBand(score: number | undefined): ScoreBand {
  if (score === undefined || !Number.isFinite(score)) return 'unscored';
  if (score < 40) return 's0_39';
  if (score < 60) return 's40_59';
  if (score < 80) return 's60_79';
  return 's80_100';
}

/** The owner key of leads with no owner. */
export const UNASSIGNED = '(unassigned)';
/** Outcomes that count as a connect (design §11 connect rate). */
const CONNECT_OUTCOMES: ReadonlySet<AttemptOutcome> = new Set<AttemptOutcome>([
  'connected',
  'replied',
  'meeting_booked',
]);
const DAY_MS = 86_400_000;

export interface QualityRow {
  accepted: number;
  handedBack: number;
  /** accepted ÷ (accepted + recycled + disqualified); null when none was handed back. */
  acceptanceRate: number | null;
}

export interface ReportFigures {
  cohort: { mqls: number };
  firstAttemptSla: { met: number; breached: number; pending: number; compliance: number | null };
  speedToLead: {
    leadsWithAttempt: number;
    medianBusinessMinutes: number | null;
    p90BusinessMinutes: number | null;
    medianWallMinutes: number | null;
    bands: Record<SpeedBand, number>;
  };
  cadence: { met: number; behind: number; pending: number };
  neverContacted: { count: number; pastDeadline: number };
  attempts: {
    total: number;
    byChannel: Record<AttemptChannel, number>;
    byOutcome: Record<AttemptOutcome, number>;
    connects: number;
    connectRate: number | null;
  };
  handBacks: {
    accepted: number;
    recycled: number;
    disqualified: number;
    open: number;
    acceptanceRate: number | null;
    reasons: Record<RecycleReason, number>;
    medianDaysToHandBack: number | null;
  };
  marketing: {
    delivered: number;
    committed: number;
    reps: number;
    mqlToCustomerRate: number | null;
    mqlToCustomerRateMeasured: boolean;
    mqlValue: number | null;
    mqlsOwed: number | null;
    qualityByScoreBand: Record<ScoreBand, QualityRow>;
    qualityBySource: Record<string, QualityRow>;
  };
  content: {
    assetsSent: number;
    /** Links copied (not inserted): shown apart, never counted as sent. */
    linksCopied: number;
    byAsset: Record<string, number>;
    libraryAssets: number;
    libraryUsedShare: number | null;
    mqlsWithAsset: number;
    mqlsWithAssetShare: number | null;
    assetsNeverSent: string[];
    touchesBeforeHandoff: {
      accepted: { leads: number; touches: number; mean: number | null };
      recycled: { leads: number; touches: number; mean: number | null };
    };
    contentRequests: number;
    /** Newest first. */
    requests: Array<{ at: number; text: string; leadId: string; leadName: string; owner: string }>;
  };
  endToEnd: {
    sql: number;
    sqlShare: number | null;
    customers: number | null;
    customerShare: number | null;
    medianDaysToSql: number | null;
    medianDaysToCustomer: number | null;
  };
}

export interface RepFigures {
  owner: string;
  figures: ReportFigures;
}

export interface Report {
  period: ReportPeriod;
  now: number;
  owner?: string;
  targets: ReportTargets;
  policy: SlaPolicy;
  total: ReportFigures;
  reps: RepFigures[];
}

export interface ReportData {
  leads: readonly LeadSummary[];
  /** The ids of the assets in the library now. */
  libraryAssetIds: readonly string[];
  /** The source knows which leads became customers (a CRM lifecycle); the local store does not. */
  knowsCustomers: boolean;
}

export interface ReportOptions {
  /** One rep's report (their leads only); absent: the whole team. */
  owner?: string;
}

function zeroed<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function quality(): QualityRow {
  return { accepted: 0, handedBack: 0, acceptanceRate: null };
}

function prorated(perMonth: number, period: ReportPeriod): number {
  return (perMonth * periodDays(period)) / DAYS_PER_MONTH;
}

/** The figures over one set of leads (the team's or one rep's). */
function figuresOf(
  leads: readonly LeadSummary[],
  data: ReportData,
  period: ReportPeriod,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  targets: ReportTargets,
  now: number,
  repsInScope: number,
): ReportFigures {
  const sla = { met: 0, breached: 0, pending: 0 };
  const cadence = { met: 0, behind: 0, pending: 0 };
  const never = { count: 0, pastDeadline: 0 };
  const business: number[] = [];
  const wall: number[] = [];
  const bands = zeroed(SPEED_BANDS);
  const hb = { accepted: 0, recycled: 0, disqualified: 0, open: 0 };
  const reasons = zeroed(RECYCLE_REASONS);
  const daysToHandBack: number[] = [];
  const daysToSql: number[] = [];
  const daysToCustomer: number[] = [];
  let customers = 0;
  let sql = 0;
  let mqlsWithAsset = 0;
  const byScore = Object.fromEntries(SCORE_BANDS.map((b) => [b, quality()])) as Record<ScoreBand, QualityRow>;
  const bySource: Record<string, QualityRow> = {};
  const touchesBefore = {
    accepted: { leads: 0, touches: 0, mean: null as number | null },
    recycled: { leads: 0, touches: 0, mean: null as number | null },
  };
  let cohort = 0;

  // Activity figures: events whose own time lies in the period, whatever the lead's handoff.
  const byChannel = zeroed(ATTEMPT_CHANNELS);
  const byOutcome = zeroed(ATTEMPT_OUTCOMES);
  let attemptsTotal = 0;
  let connects = 0;
  const byAsset: Record<string, number> = {};
  let assetsSent = 0;
  let linksCopied = 0;
  const requests: ReportFigures['content']['requests'] = [];

  for (const lead of leads) {
    for (const a of lead.attempts) {
      if (!inPeriod(period, a.at)) continue;
      attemptsTotal++;
      byChannel[a.channel]++;
      byOutcome[a.outcome]++;
      if (CONNECT_OUTCOMES.has(a.outcome)) connects++;
    }
    for (const s of lead.assetsSent) {
      if (!inPeriod(period, s.at)) continue;
      assetsSent++;
      byAsset[s.assetId] = (byAsset[s.assetId] ?? 0) + 1;
    }
    for (const c of lead.linksCopied) if (inPeriod(period, c.at)) linksCopied++;
    for (const r of lead.contentRequests) {
      if (!inPeriod(period, r.at)) continue;
      requests.push({
        at: r.at,
        text: r.text,
        leadId: lead.leadId,
        leadName: lead.name,
        owner: lead.owner ?? UNASSIGNED,
      });
    }

    // Cohort figures: leads handed over in the period, judged as of now.
    const h = lead.handoffAt;
    if (h === undefined || !inPeriod(period, h)) continue;
    cohort++;
    const outcome = judgeLead({ ...lead, handoffAt: h }, policy, calendar, now);
    sla[outcome.firstAttempt]++;
    cadence[outcome.cadence]++;
    if (outcome.neverContacted) {
      never.count++;
      if (now > outcome.deadline) never.pastDeadline++;
    }
    if (outcome.speedBusinessMinutes !== undefined && outcome.speedWallMinutes !== undefined) {
      business.push(outcome.speedBusinessMinutes);
      wall.push(outcome.speedWallMinutes);
      bands[speedBand(outcome.speedBusinessMinutes)]++;
    }

    const standing = lead.handBack && lead.handBack.at <= now ? lead.handBack : undefined;
    const band = byScore[scoreBand(lead.handoffScore)];
    const sourceKey = lead.leadSource || 'unknown';
    bySource[sourceKey] ??= quality();
    const source = bySource[sourceKey];
    if (standing === undefined) hb.open++;
    else {
      if (standing.kind === 'accept') hb.accepted++;
      else {
        if (standing.kind === 'recycle') hb.recycled++;
        else hb.disqualified++;
        if (standing.reason) reasons[standing.reason]++;
      }
      daysToHandBack.push((standing.at - h) / DAY_MS);
      band.handedBack++;
      source.handedBack++;
      if (standing.kind === 'accept') {
        band.accepted++;
        source.accepted++;
      }
      const bucket = standing.kind === 'accept' ? touchesBefore.accepted : touchesBefore.recycled;
      if (standing.kind !== 'disqualify') {
        bucket.leads++;
        bucket.touches += lead.touchesBeforeHandoff;
      }
    }

    const isSql = lead.stage === 'sql' || lead.stage === 'customer';
    if (isSql) {
      sql++;
      const acceptedAt = standing?.kind === 'accept' ? standing.at : lead.sqlAt;
      if (acceptedAt !== undefined) daysToSql.push((acceptedAt - h) / DAY_MS);
    }
    if (data.knowsCustomers && lead.stage === 'customer') {
      customers++;
      if (lead.customerAt !== undefined) daysToCustomer.push((lead.customerAt - h) / DAY_MS);
    }
    if (lead.assetsSent.some((s) => s.at >= h && s.at <= now)) mqlsWithAsset++;
  }

  for (const row of [...Object.values(byScore), ...Object.values(bySource)])
    row.acceptanceRate = ratio(row.accepted, row.handedBack);
  for (const bucket of [touchesBefore.accepted, touchesBefore.recycled])
    bucket.mean = ratio(bucket.touches, bucket.leads);
  requests.sort((a, b) => b.at - a.at);

  const measuredRate = data.knowsCustomers ? ratio(customers, cohort) : null;
  const rateMeasured = targets.mqlToCustomerRate === undefined;
  const rate = targets.mqlToCustomerRate ?? measuredRate;
  const mqlValue = rate === null ? null : targets.averageDealSize * rate;
  const usedAssets = Object.keys(byAsset);
  const library = new Set(data.libraryAssetIds);
  const usedInLibrary = usedAssets.filter((id) => library.has(id)).length;

  return {
    cohort: { mqls: cohort },
    firstAttemptSla: { ...sla, compliance: ratio(sla.met, sla.met + sla.breached) },
    speedToLead: {
      leadsWithAttempt: business.length,
      medianBusinessMinutes: median(business),
      p90BusinessMinutes: nearestRank(business, 0.9),
      medianWallMinutes: median(wall),
      bands,
    },
    cadence,
    neverContacted: never,
    attempts: {
      total: attemptsTotal,
      byChannel,
      byOutcome,
      connects,
      connectRate: ratio(connects, attemptsTotal),
    },
    handBacks: {
      ...hb,
      acceptanceRate: ratio(hb.accepted, hb.accepted + hb.recycled + hb.disqualified),
      reasons,
      medianDaysToHandBack: median(daysToHandBack),
    },
    marketing: {
      delivered: cohort,
      committed: prorated(targets.mqlsPerRepPerMonth * repsInScope, period),
      reps: repsInScope,
      mqlToCustomerRate: rate,
      mqlToCustomerRateMeasured: rateMeasured && rate !== null,
      mqlValue,
      mqlsOwed:
        mqlValue === null || mqlValue === 0
          ? null
          : prorated(targets.revenueOwnedPerMonth / mqlValue, period),
      qualityByScoreBand: byScore,
      qualityBySource: bySource,
    },
    content: {
      assetsSent,
      linksCopied,
      byAsset,
      libraryAssets: library.size,
      libraryUsedShare: ratio(usedInLibrary, library.size),
      mqlsWithAsset,
      mqlsWithAssetShare: ratio(mqlsWithAsset, cohort),
      assetsNeverSent: [...library].filter((id) => byAsset[id] === undefined).sort(),
      touchesBeforeHandoff: touchesBefore,
      contentRequests: requests.length,
      requests,
    },
    endToEnd: {
      sql,
      sqlShare: ratio(sql, cohort),
      customers: data.knowsCustomers ? customers : null,
      customerShare: data.knowsCustomers ? ratio(customers, cohort) : null,
      medianDaysToSql: median(daysToSql),
      medianDaysToCustomer: data.knowsCustomers ? median(daysToCustomer) : null,
    },
  };
}

/**
 * Every §11 figure for the period, for the team (or one rep) and per rep. Pure: the same
 * summaries, period, policy, calendar, targets and `now` give the same report.
 */
export function computeReport(
  data: ReportData,
  period: ReportPeriod,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  targets: ReportTargets,
  now: number,
  options: ReportOptions = {},
): Report {
  const ownerOf = (lead: LeadSummary) => lead.owner ?? UNASSIGNED;
  const scoped =
    options.owner === undefined ? data.leads : data.leads.filter((l) => ownerOf(l) === options.owner);
  const byOwner = new Map<string, LeadSummary[]>();
  const cohortOwners = new Set<string>();
  for (const lead of scoped) {
    const owner = ownerOf(lead);
    const list = byOwner.get(owner);
    if (list) list.push(lead);
    else byOwner.set(owner, [lead]);
    if (lead.handoffAt !== undefined && inPeriod(period, lead.handoffAt)) cohortOwners.add(owner);
  }
  const teamReps =
    options.owner !== undefined ? 1 : targets.teamReps > 0 ? targets.teamReps : cohortOwners.size;
  const total = figuresOf(scoped, data, period, policy, calendar, targets, now, teamReps);
  const reps = [...byOwner.entries()]
    .map(([owner, leads]) => ({
      owner,
      figures: figuresOf(leads, data, period, policy, calendar, targets, now, 1),
    }))
    .filter(
      (rep) =>
        rep.figures.cohort.mqls > 0 ||
        rep.figures.attempts.total > 0 ||
        rep.figures.content.assetsSent > 0 ||
        rep.figures.content.contentRequests > 0,
    )
    .sort((a, b) => a.owner.localeCompare(b.owner));
  return { period, now, owner: options.owner, targets, policy, total, reps };
}
