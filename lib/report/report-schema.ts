import { z } from 'zod';
import { SlaPolicy } from '../core/sla';
import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES, RECYCLE_REASONS } from '../model/schemas';
import { ReportTargets } from './targets';

/**
 * The computed report as it crosses a boundary (the background computes it, the report page
 * shows it): the schemas are the figures' one definition, and their types are inferred from them.
 * Definitions of each figure: docs/architecture.md "Weekly report" and the README.
 */

/** Speed-to-lead bands, business minutes, upper bound included. */
export const SPEED_BANDS = ['le5', 'le15', 'le60', 'le240', 'le480', 'gt480'] as const;
export type SpeedBand = (typeof SPEED_BANDS)[number];

/** Score bands at handoff for MQL quality. */
export const SCORE_BANDS = ['unscored', 's0_39', 's40_59', 's60_79', 's80_100'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

const Count = z.number().int().nonnegative();
/** A share 0–1, or null when its denominator is 0. */
const Rate = z.number().min(0).max(1).nullable();
const Finite = z.number().finite();
const counts = <K extends string>(keys: readonly [K, ...K[]]) => z.record(z.enum(keys), Count);

const QualityRowSchema = z.object({
  accepted: Count,
  handedBack: Count,
  /** accepted ÷ (accepted + recycled + disqualified); null when none was handed back. */
  acceptanceRate: Rate,
});
export type QualityRow = z.infer<typeof QualityRowSchema>;

const TouchesBucket = z.object({ leads: Count, touches: Count, mean: Finite.nullable() });

export const ReportFiguresSchema = z.object({
  cohort: z.object({ mqls: Count }),
  firstAttemptSla: z.object({ met: Count, breached: Count, pending: Count, compliance: Rate }),
  speedToLead: z.object({
    leadsWithAttempt: Count,
    medianBusinessMinutes: Finite.nullable(),
    p90BusinessMinutes: Finite.nullable(),
    medianWallMinutes: Finite.nullable(),
    bands: counts(SPEED_BANDS),
  }),
  cadence: z.object({ met: Count, behind: Count, pending: Count }),
  neverContacted: z.object({ count: Count, pastDeadline: Count }),
  attempts: z.object({
    total: Count,
    byChannel: counts(ATTEMPT_CHANNELS),
    byOutcome: counts(ATTEMPT_OUTCOMES),
    connects: Count,
    connectRate: Rate,
  }),
  handBacks: z.object({
    accepted: Count,
    recycled: Count,
    disqualified: Count,
    open: Count,
    acceptanceRate: Rate,
    reasons: counts(RECYCLE_REASONS),
    medianDaysToHandBack: Finite.nullable(),
  }),
  marketing: z.object({
    delivered: Count,
    committed: Finite,
    reps: Count,
    mqlToCustomerRate: Rate,
    mqlToCustomerRateMeasured: z.boolean(),
    mqlValue: Finite.nullable(),
    mqlsOwed: Finite.nullable(),
    qualityByScoreBand: z.record(z.enum(SCORE_BANDS), QualityRowSchema),
    qualityBySource: z.record(z.string(), QualityRowSchema),
  }),
  content: z.object({
    assetsSent: Count,
    /** Links copied (not inserted): shown apart, never counted as sent. */
    linksCopied: Count,
    byAsset: z.record(z.string(), Count),
    libraryAssets: Count,
    libraryUsedShare: Rate,
    mqlsWithAsset: Count,
    mqlsWithAssetShare: Rate,
    assetsNeverSent: z.array(z.string()),
    touchesBeforeHandoff: z.object({ accepted: TouchesBucket, recycled: TouchesBucket }),
    contentRequests: Count,
    /** Newest first. */
    requests: z.array(
      z.object({ at: Finite, text: z.string(), leadId: z.string(), leadName: z.string(), owner: z.string() }),
    ),
  }),
  endToEnd: z.object({
    sql: Count,
    sqlShare: Rate,
    customers: Count.nullable(),
    customerShare: Rate,
    medianDaysToSql: Finite.nullable(),
    medianDaysToCustomer: Finite.nullable(),
  }),
});
export type ReportFigures = z.infer<typeof ReportFiguresSchema>;

const RepFiguresSchema = z.object({ owner: z.string(), figures: ReportFiguresSchema });
export type RepFigures = z.infer<typeof RepFiguresSchema>;

export const ReportPeriodSchema = z.object({
  /** Epoch ms of 00:00 of the first day, in the calendar's zone. */
  from: Finite,
  /** Epoch ms of 00:00 of the day after the last day (exclusive). */
  to: Finite,
  /** The first and last local dates, YYYY-MM-DD. */
  firstDay: z.string(),
  lastDay: z.string(),
  timeZone: z.string(),
});

const ReportContext = {
  period: ReportPeriodSchema,
  /** The instant outcomes were judged at. */
  now: Finite,
  targets: ReportTargets,
  policy: SlaPolicy,
};

/** One view of the report: the team's (or one rep's) figures, and a row per active rep. */
export const ReportSchema = z.object({
  ...ReportContext,
  /** The rep this view is for; absent: the whole team. */
  owner: z.string().optional(),
  total: ReportFiguresSchema,
  reps: z.array(RepFiguresSchema),
});
export type Report = z.infer<typeof ReportSchema>;

/**
 * Everything any view of a period needs, computed once: the team's figures, every owner's
 * (active or not, for the rep filter), and a rep's with no leads (a link naming one).
 */
export const ReportViewsSchema = z.object({
  ...ReportContext,
  team: ReportFiguresSchema,
  everyRep: z.array(RepFiguresSchema),
  emptyRep: ReportFiguresSchema,
});
export type ReportViews = z.infer<typeof ReportViewsSchema>;

/** The report page's answer: the views, and what the source cannot see. */
export const ReportAnswerSchema = z.object({
  views: ReportViewsSchema,
  /** What the figures cannot see with this source (shown on the page). */
  blindSpots: z.array(z.string()),
});
export type ReportAnswer = z.infer<typeof ReportAnswerSchema>;
