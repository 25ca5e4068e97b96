import type { SlaResult } from '../core';
import type { RankedEntry } from './urgency';

/**
 * The queue in the order of a rep's day: what can still be saved first.
 * 1. first attempts still due, soonest deadline first;
 * 2. cadence attempts due (behind, then on track), soonest next attempt first;
 * 3. breached, most recent breach first (the old backlog last);
 * 4. MQLs without a handoff date (no clock: someone must set one);
 * 5. not started yet (handoff in the future), then complete cadences.
 * Within a group, ties go to the higher score, then the lead id, so the order is total.
 */
export const QUEUE_GROUPS = [
  { key: 'first-due', label: 'First attempt due' },
  { key: 'cadence-due', label: 'Next attempts due' },
  { key: 'breached', label: 'Breached' },
  { key: 'no-handoff', label: 'No handoff date' },
  { key: 'not-started', label: 'Not started yet' },
  { key: 'complete', label: 'Cadence complete' },
] as const;
export type QueueGroupKey = (typeof QUEUE_GROUPS)[number]['key'];

export type QueueGroup<T> = { key: QueueGroupKey; label: string; entries: T[] };

/** A lead at MQL (or later) with no handoff instant: its SLA has no clock until one is set. */
export function hasNoHandoffDate(lead: { stage: string; mqlAt?: string }, sla: Pick<SlaResult, 'state'>) {
  return sla.state === 'not_started' && lead.stage !== 'lead' && lead.mqlAt === undefined;
}

export function groupOf(entry: Pick<RankedEntry, 'lead' | 'sla'>): QueueGroupKey | undefined {
  switch (entry.sla.state) {
    case 'first_attempt_due':
      return 'first-due';
    case 'cadence_behind':
    case 'cadence_on_track':
      return 'cadence-due';
    case 'first_attempt_breached':
    case 'cadence_breached':
      return 'breached';
    case 'not_started':
      return hasNoHandoffDate(entry.lead, entry.sla) ? 'no-handoff' : 'not-started';
    case 'cadence_complete':
      return 'complete';
    case 'closed':
      return undefined;
  }
}

/** The instant a group is ordered by; `descending` groups put the latest first. */
function orderKey(key: QueueGroupKey, sla: SlaResult): number {
  switch (key) {
    case 'first-due':
    case 'not-started':
      return sla.deadline ?? Number.POSITIVE_INFINITY;
    case 'cadence-due':
      return sla.nextDueAt ?? Number.POSITIVE_INFINITY;
    case 'breached':
      // The first-attempt deadline, or the end of the cadence window: when it was lost.
      return -(sla.deadline ?? Number.NEGATIVE_INFINITY);
    default:
      return 0;
  }
}

/** Groups in day order, each sorted; empty groups are left out; closed leads are dropped. */
export function groupQueue<T extends Pick<RankedEntry, 'lead' | 'sla' | 'score'>>(
  entries: readonly T[],
): QueueGroup<T>[] {
  const buckets = new Map<QueueGroupKey, Array<{ entry: T; at: number }>>();
  for (const entry of entries) {
    const key = groupOf(entry);
    if (!key) continue;
    const bucket = buckets.get(key) ?? [];
    if (bucket.length === 0) buckets.set(key, bucket);
    bucket.push({ entry, at: orderKey(key, entry.sla) });
  }
  const groups: QueueGroup<T>[] = [];
  for (const { key, label } of QUEUE_GROUPS) {
    const bucket = buckets.get(key);
    if (!bucket) continue;
    bucket.sort(
      (a, b) =>
        (a.at === b.at ? 0 : a.at < b.at ? -1 : 1) ||
        b.entry.score - a.entry.score ||
        (a.entry.lead.id < b.entry.lead.id ? -1 : a.entry.lead.id > b.entry.lead.id ? 1 : 0),
    );
    groups.push({ key, label, entries: bucket.map((item) => item.entry) });
  }
  return groups;
}
