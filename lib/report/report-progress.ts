import { z } from 'zod';

/**
 * How far a source's read of the report has come (HubSpot's takes a few dozen paced requests):
 * step `step` of `steps`, `done` of `total` records in it, for the window `[from, to)`.
 */
export const ReportProgress = z.object({
  from: z.number(),
  to: z.number(),
  step: z.number().int().min(1),
  steps: z.number().int().min(1),
  label: z.string().max(200),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type ReportProgress = z.infer<typeof ReportProgress>;

/** The share of the read done, 0–1: whole steps behind, plus the part of the current one. */
export function progressShare(p: ReportProgress): number {
  const within = p.total > 0 ? Math.min(1, p.done / p.total) : 0;
  return Math.min(1, Math.max(0, (p.step - 1 + within) / p.steps));
}
