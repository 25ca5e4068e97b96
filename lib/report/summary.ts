import type {
  AssetSent,
  Attempt,
  AttemptChannel,
  AttemptOutcome,
  ContentRequest,
  Disposition,
  Lead,
  LeadStage,
  RecycleReason,
  Touch,
} from '../model/schemas';

/**
 * What the report needs to know about one lead (docs/architecture.md "Report", issue #15 item 6): plain numbers
 * (epoch ms), no browser API, so a source can build it from IndexedDB, HubSpot or a test.
 */
export interface SummaryAttempt {
  at: number;
  channel: AttemptChannel;
  outcome: AttemptOutcome;
}

export interface SummaryHandBack {
  kind: Disposition['kind'];
  at: number;
  reason?: RecycleReason;
}

export interface LeadSummary {
  leadId: string;
  name: string;
  /** The lead's owner now: per-rep figures attribute the lead to this rep, even if it was reassigned. */
  owner?: string;
  stage: LeadStage;
  /** The handoff instant `h` (mqlAt). */
  handoffAt?: number;
  /** The score at handoff: selects the SLA tier and the score band. */
  handoffScore?: number;
  /** Where the lead came from (e.g. HubSpot's original source), for MQL quality by source. */
  leadSource?: string;
  /** Every attempt, oldest first. */
  attempts: SummaryAttempt[];
  /** The standing hand-back (the latest; undone ones are gone from the store). */
  handBack?: SummaryHandBack;
  /** The earliest hand-back at or after the handoff (a first response). */
  firstHandBackAt?: number;
  /** Every asset inserted into a reply (sent), oldest first. */
  assetsSent: Array<{ assetId: string; at: number }>;
  /** Every asset whose link was only copied, oldest first: shown apart, never counted as sent (#21). */
  linksCopied: Array<{ assetId: string; at: number }>;
  /** Every content request, oldest first. */
  contentRequests: Array<{ at: number; text: string }>;
  /** Marketing touches (content consumed) before the handoff. */
  touchesBeforeHandoff: number;
  /** When the lead became a customer, where the source knows it. */
  customerAt?: number;
  /** When the lead became SQL, where the source knows it and no accept hand-back says so. */
  sqlAt?: number;
}

export interface LeadRecords {
  lead: Pick<Lead, 'id' | 'name' | 'owner' | 'stage' | 'mqlAt' | 'handoffScore'>;
  attempts: ReadonlyArray<Pick<Attempt, 'at' | 'channel' | 'outcome'>>;
  /** A hand-back's kind, time and (recycle, disqualify) reason. */
  dispositions: ReadonlyArray<Disposition | (Pick<Disposition, 'kind' | 'at'> & { reason?: RecycleReason })>;
  assetsSent: ReadonlyArray<Pick<AssetSent, 'assetId' | 'at' | 'channel'>>;
  contentRequests: ReadonlyArray<Pick<ContentRequest, 'at' | 'text'>>;
  touches: ReadonlyArray<Pick<Touch, 'at'>>;
  leadSource?: string;
  customerAt?: string;
}

const byAt = (a: { at: number }, b: { at: number }) => a.at - b.at;

/** The summary of one lead's records, as the local store and tests build it. */
export function summarizeLead(records: LeadRecords): LeadSummary {
  const { lead } = records;
  const handoff = lead.mqlAt === undefined ? undefined : Date.parse(lead.mqlAt);
  const handoffAt = handoff !== undefined && Number.isFinite(handoff) ? handoff : undefined;
  const handBacks = records.dispositions
    .map(
      (d): SummaryHandBack => ({
        kind: d.kind,
        at: Date.parse(d.at),
        reason: d.kind === 'accept' ? undefined : d.reason,
      }),
    )
    .sort(byAt);
  const standing = handBacks.at(-1);
  const firstHandBackAt = handoffAt === undefined ? undefined : handBacks.find((h) => h.at >= handoffAt)?.at;
  let touchesBeforeHandoff = 0;
  if (handoffAt !== undefined)
    for (const t of records.touches) if (Date.parse(t.at) < handoffAt) touchesBeforeHandoff++;
  const customer = records.customerAt === undefined ? Number.NaN : Date.parse(records.customerAt);
  return {
    leadId: lead.id,
    name: lead.name,
    owner: lead.owner || undefined,
    stage: lead.stage,
    handoffAt,
    handoffScore: lead.handoffScore,
    leadSource: records.leadSource,
    attempts: records.attempts
      .map((a) => ({ at: Date.parse(a.at), channel: a.channel, outcome: a.outcome }))
      .sort(byAt),
    handBack: standing,
    firstHandBackAt,
    assetsSent: sharedBy(records.assetsSent, 'gmail_insert'),
    linksCopied: sharedBy(records.assetsSent, 'copy_link'),
    contentRequests: records.contentRequests.map((r) => ({ at: Date.parse(r.at), text: r.text })).sort(byAt),
    touchesBeforeHandoff,
    customerAt: Number.isFinite(customer) ? customer : undefined,
  };
}

/** The assets shared one way, oldest first (an opened asset is neither sent nor copied). */
function sharedBy(
  rows: LeadRecords['assetsSent'],
  channel: AssetSent['channel'],
): Array<{ assetId: string; at: number }> {
  return rows
    .filter((row) => row.channel === channel)
    .map((row) => ({ assetId: row.assetId, at: Date.parse(row.at) }))
    .sort(byAt);
}
