import { z } from 'zod';

/**
 * Marketing's commitments (issue #15; README "Weekly report", "Marketing's side"). One settings key,
 * `reportTargets`, so a managed policy can set it whole.
 */
export const ReportTargets = z.object({
  /** MQLs marketing delivers per sales rep per month ("100 leads per sales rep, per month"). */
  mqlsPerRepPerMonth: z.number().int().min(0).max(100_000).default(100),
  /** The team's reps; 0 = count the distinct owners in the cohort. */
  teamReps: z.number().int().min(0).max(10_000).default(0),
  /** Average deal size, in the team's currency. */
  averageDealSize: z.number().min(0).max(1e12).default(0),
  /** MQL → customer rate (0–1); empty = the measured rate where outcomes are known. */
  mqlToCustomerRate: z.number().min(0).max(1).optional(),
  /** Revenue marketing owns per month (its share of the sales quota). */
  revenueOwnedPerMonth: z.number().min(0).max(1e12).default(0),
});
export type ReportTargets = z.infer<typeof ReportTargets>;
export const defaultReportTargets: ReportTargets = ReportTargets.parse({});
