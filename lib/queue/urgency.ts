import { type BusinessCalendar, queueOrder, type SlaPolicy, type SlaResult, slaState } from '../core';
import type { QueueEntry } from './queue-entry';

export type RankedEntry = QueueEntry & { sla: SlaResult };

const HOUR = 3600_000;

/** Every entry with its SLA state at `now`, in queue order (breached first, then least time left, then score). */
export function rankQueue(
  entries: readonly QueueEntry[],
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  now: number,
): RankedEntry[] {
  const ranked = entries.map((entry) => ({
    ...entry,
    sla: slaState(policy, calendar, entry.lead, entry.attempts, now),
  }));
  return queueOrder(ranked);
}

export function isBreached(sla: Pick<SlaResult, 'state'>): boolean {
  return sla.state === 'first_attempt_breached' || sla.state === 'cadence_breached';
}

/** Due within the hour (business time), or already behind the cadence. */
export function isDueSoon(sla: Pick<SlaResult, 'state' | 'businessMsLeft'>): boolean {
  if (sla.state === 'cadence_behind') return true;
  return sla.state === 'first_attempt_due' && (sla.businessMsLeft ?? Number.POSITIVE_INFINITY) <= HOUR;
}

/** The badge: how many leads need the rep now, coloured by the worst of them. */
export function badgeFor(ranked: readonly Pick<RankedEntry, 'sla'>[]): { text: string; color: string } {
  const breached = ranked.filter((entry) => isBreached(entry.sla)).length;
  const dueSoon = ranked.filter((entry) => isDueSoon(entry.sla)).length;
  const count = breached + dueSoon;
  if (count === 0) return { text: '', color: '#1a7f37' };
  return { text: count > 999 ? '999+' : String(count), color: breached > 0 ? '#cf222e' : '#9a6700' };
}

/**
 * Due today in the team's calendar: the first-attempt deadline, or the next cadence attempt, falls
 * on today's date in the calendar's zone. A breach, or an attempt that fell due on an earlier day,
 * is not "due today" (the queue's groups show those).
 */
export function isDueToday(
  sla: Pick<SlaResult, 'deadline' | 'nextDueAt' | 'state'>,
  now: number,
  dayKey: (t: number) => string,
): boolean {
  if (isBreached(sla)) return false;
  if (sla.state !== 'first_attempt_due' && sla.state !== 'cadence_on_track' && sla.state !== 'cadence_behind')
    return false;
  const due = sla.state === 'first_attempt_due' ? sla.deadline : sla.nextDueAt;
  return due !== undefined && dayKey(due) === dayKey(now);
}
