import { z } from 'zod';
import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES, LEAD_STAGES, RECYCLE_REASONS } from '../model/schemas';

/**
 * The report's input as it crosses a boundary (background → report page): every per-lead summary
 * parsed record by record, so a bad one is named, not silently counted.
 */
const EpochMs = z.number().finite();

export const LeadSummarySchema = z.object({
  leadId: z.string().min(1),
  name: z.string(),
  owner: z.string().optional(),
  stage: z.enum(LEAD_STAGES),
  handoffAt: EpochMs.optional(),
  handoffScore: z.number().min(0).max(100).optional(),
  leadSource: z.string().optional(),
  attempts: z.array(
    z.object({ at: EpochMs, channel: z.enum(ATTEMPT_CHANNELS), outcome: z.enum(ATTEMPT_OUTCOMES) }),
  ),
  handBack: z
    .object({
      kind: z.enum(['accept', 'recycle', 'disqualify']),
      at: EpochMs,
      reason: z.enum(RECYCLE_REASONS).optional(),
    })
    .optional(),
  firstHandBackAt: EpochMs.optional(),
  assetsSent: z.array(z.object({ assetId: z.string().min(1), at: EpochMs })),
  linksCopied: z.array(z.object({ assetId: z.string().min(1), at: EpochMs })).default([]),
  contentRequests: z.array(z.object({ at: EpochMs, text: z.string() })),
  touchesBeforeHandoff: z.number().int().nonnegative(),
  customerAt: EpochMs.optional(),
  sqlAt: EpochMs.optional(),
});

export const ReportDataSchema = z.object({
  leads: z.array(LeadSummarySchema),
  libraryAssetIds: z.array(z.string()),
  knowsCustomers: z.boolean(),
  /** What the figures cannot see with this source (shown on the page). */
  blindSpots: z.array(z.string()).default([]),
});
export type ReportDataWire = z.infer<typeof ReportDataSchema>;

/** The instants the report needs data for: the period, and everything since its start up to now. */
export const ReportWindow = z.object({ from: EpochMs, to: EpochMs }).refine((w) => w.to > w.from, {
  message: 'the window must end after it starts',
});
export type ReportWindow = z.infer<typeof ReportWindow>;
