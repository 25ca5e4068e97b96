import type { BusinessCalendar } from '../core/calendar';
import type { SlaPolicy } from '../core/sla';
import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES, type AttemptOutcome, RECYCLE_REASONS } from '../model/schemas';
import { judgeLead } from './lead-outcome';
import { DAYS_PER_MONTH, inPeriod, periodDays, type ReportPeriod } from './period';
import {
  type QualityRow,
  type RepFigures,
  type Report,
  type ReportFigures,
  type ReportViews,
  SCORE_BANDS,
  type ScoreBand,
  SPEED_BANDS,
  type SpeedBand,
} from './report-schema';
import { median, nearestRank, ratio } from './stats';
import type { LeadSummary } from './summary';
import type { ReportTargets } from './targets';

export type {
  QualityRow,
  RepFigures,
  Report,
  ReportFigures,
  ReportViews,
  ScoreBand,
  SpeedBand,
} from './report-schema';
export { SCORE_BANDS, SPEED_BANDS } from './report-schema';

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

export function scoreBand(score: number | undefined): ScoreBand {
  if (score === undefined || !Number.isFinite(score)) return 'unscored';
  if (score < 40) return 's0_39';
  if (score < 60) return 's40_59';
  if (score < 80) return 's60_79';
  return 's80_100';
}

/** The owner key of leads with no owner. */
export const UNASSIGNED = '(unassigned)';
/** Outcomes that count as a connect (docs/architecture.md "Report" connect rate). */
const CONNECT_OUTCOMES: ReadonlySet<AttemptOutcome> = new Set<AttemptOutcome>([
  'connected',
  'replied',
  'meeting_booked',
]);
const DAY_MS = 86_400_000;

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

/** Whether a rep's figures show any work in the period (a rep row is shown only then). */
function isActive(figures: ReportFigures): boolean {
  return (
    figures.cohort.mqls > 0 ||
    figures.attempts.total > 0 ||
    figures.content.assetsSent > 0 ||
    figures.content.contentRequests > 0
  );
}

/**
 * Every §11 figure for the period, computed once for every view of it: the team's, each owner's
 * and a rep's with no leads. Pure: the same summaries, period, policy, calendar, targets and `now`
 * give the same views. The background computes them, so only figures cross to the report page.
 */
export function computeReportViews(
  data: ReportData,
  period: ReportPeriod,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  targets: ReportTargets,
  now: number,
): ReportViews {
  const byOwner = new Map<string, LeadSummary[]>();
  const cohortOwners = new Set<string>();
  for (const lead of data.leads) {
    const owner = lead.owner ?? UNASSIGNED;
    const list = byOwner.get(owner);
    if (list) list.push(lead);
    else byOwner.set(owner, [lead]);
    if (lead.handoffAt !== undefined && inPeriod(period, lead.handoffAt)) cohortOwners.add(owner);
  }
  const teamReps = targets.teamReps > 0 ? targets.teamReps : cohortOwners.size;
  const figures = (leads: readonly LeadSummary[], reps: number) =>
    figuresOf(leads, data, period, policy, calendar, targets, now, reps);
  return {
    period,
    now,
    targets,
    policy,
    team: figures(data.leads, teamReps),
    everyRep: [...byOwner.entries()]
      .map(([owner, leads]) => ({ owner, figures: figures(leads, 1) }))
      .sort((a, b) => a.owner.localeCompare(b.owner)),
    emptyRep: figures([], 1),
  };
}

/** The whole team's view (owner absent), or one rep's: their figures, and their row if active. */
export function reportView(views: ReportViews, owner?: string): Report {
  const { period, now, targets, policy } = views;
  const view = (total: ReportFigures, reps: RepFigures[]): Report => ({
    period,
    now,
    owner,
    targets,
    policy,
    total,
    reps,
  });
  if (owner === undefined)
    return view(
      views.team,
      views.everyRep.filter((rep) => isActive(rep.figures)),
    );
  const row = views.everyRep.find((rep) => rep.owner === owner);
  return view(row?.figures ?? views.emptyRep, row && isActive(row.figures) ? [row] : []);
}

/** One view of the period's report (see `computeReportViews`, `reportView`). */
export function computeReport(
  data: ReportData,
  period: ReportPeriod,
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  targets: ReportTargets,
  now: number,
  options: ReportOptions = {},
): Report {
  return reportView(computeReportViews(data, period, policy, calendar, targets, now), options.owner);
}
