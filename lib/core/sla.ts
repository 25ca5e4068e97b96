import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Attempt, AttemptOutcome, Lead, LeadStage } from '../model/schemas';
import {
  addBusinessTime,
  addCalendarDays,
  type BusinessCalendar,
  businessTimeBetween,
  isValidTimeZone,
} from './calendar';

/**
 * The SLA clock (docs/architecture.md "The SLA clock"): a pure function of (policy, calendar, lead, attempts, now).
 *
 * States, in the order a lead normally moves through them:
 * - `not_started`: the lead has no handoff yet (stage `lead` or no `mqlAt`), or `now` is before `mqlAt`.
 *   When a handoff instant exists, `deadline`/`nextDueAt` already show when the first attempt will be due.
 * - `first_attempt_due` / `first_attempt_breached`: no attempt since the handoff; the deadline is the handoff
 *   plus the tier's business minutes. A lead with no attempt at all stays `first_attempt_breached` even after
 *   the cadence window ends: the first attempt is the obligation still unmet.
 * - `cadence_on_track` / `cadence_behind`: at least one attempt. The remaining attempts are spread evenly in
 *   business time between the last attempt and the end of the window; `nextDueAt` is the next slot, and the
 *   lead is behind once `now` passes it.
 * - `cadence_breached`: the window ended with fewer attempts than required (and no connect).
 * - `cadence_complete`: enough attempts in the window, or (with `completeOnConnect`) a `connected` /
 *   `meeting_booked` outcome.
 * - `closed`: the lead was accepted (sql), recycled, disqualified or is a customer.
 *
 * Attempts count when they belong to the lead and fall in [handoff, now], and inside the cadence window
 * (attempts or a connect after the window do not rescue it: disposition the lead instead); their order does
 * not matter.
 * `deadline` is the current obligation's hard limit: the first-attempt deadline, then the end of the
 * cadence window. `businessMsLeft` is the business time from now to `nextDueAt` (negative when overdue;
 * 0 while overdue outside working hours is possible — the state is authoritative). Nothing is due in
 * `cadence_complete`, `closed` and `not_started` without a handoff, so those carry no `nextDueAt`.
 * The tier is fixed by `lead.handoffScore` (the score at handoff), never by today's score.
 */

export const SlaTier = z.object({
  minScore: z.number().min(0).max(100),
  firstAttemptBusinessMinutes: z.number().int().positive(),
});
export type SlaTier = z.infer<typeof SlaTier>;

export const SlaPolicy = z
  .object({
    /** First attempt within this many business minutes of the MQL handoff. */
    firstAttemptBusinessMinutes: z.number().int().positive().default(240),
    /** Attempts required in the cadence window. */
    cadenceAttempts: z.number().int().min(1).max(100).default(5),
    /** Length of the cadence window from the handoff, in calendar days of the calendar's zone. */
    cadenceCalendarDays: z.number().int().min(1).max(365).default(14),
    /** Stricter first-attempt targets by score at handoff; the highest `minScore` not above the score wins. */
    tiers: z.array(SlaTier).default([{ minScore: 80, firstAttemptBusinessMinutes: 60 }]),
    /** Whether a `connected` or `meeting_booked` outcome completes the cadence. */
    completeOnConnect: z.boolean().default(true),
  })
  .superRefine((policy, ctx) => {
    const seen = new Set<number>();
    policy.tiers.forEach((tier, index) => {
      if (seen.has(tier.minScore)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', index, 'minScore'],
          message: `two tiers start at score ${tier.minScore}`,
        });
      }
      seen.add(tier.minScore);
    });
  });
export type SlaPolicy = z.infer<typeof SlaPolicy>;

/** 4 business hours to the first attempt (1 h at score ≥ 80), 5 attempts in 14 calendar days. */
export const defaultSlaPolicy: SlaPolicy = SlaPolicy.parse({});

export const SLA_STATES = [
  'not_started',
  'first_attempt_due',
  'first_attempt_breached',
  'cadence_on_track',
  'cadence_behind',
  'cadence_breached',
  'cadence_complete',
  'closed',
] as const;
export type SlaStateName = (typeof SLA_STATES)[number];

export interface SlaTierInfo {
  /** "standard" or e.g. "score ≥ 80". */
  label: string;
  /** null for the policy's base target. */
  minScore: number | null;
  firstAttemptBusinessMinutes: number;
}

export interface SlaResult {
  state: SlaStateName;
  deadline?: number;
  businessMsLeft?: number;
  attemptsDone: number;
  attemptsRequired: number;
  nextDueAt?: number;
  tier: SlaTierInfo;
  /** The handoff instant (mqlAt) when the lead has one. */
  handoffAt?: number;
  /** End of the cadence window (handoff + N calendar days). */
  windowEndsAt?: number;
  /** The first counted attempt, and whether it met the first-attempt deadline. */
  firstAttemptAt?: number;
  firstAttemptOnTime?: boolean;
  /** Why the cadence is complete. */
  completedBy?: 'attempts' | 'connected';
}

export type SlaLead = Pick<Lead, 'id' | 'stage' | 'mqlAt' | 'handoffScore'>;
export type SlaAttempt = Pick<Attempt, 'leadId' | 'at' | 'outcome'>;

export const CLOSED_STAGES: ReadonlySet<LeadStage> = new Set<LeadStage>([
  'sql',
  'recycled',
  'disqualified',
  'customer',
]);
const CONNECT_OUTCOMES: ReadonlySet<AttemptOutcome> = new Set<AttemptOutcome>([
  'connected',
  'meeting_booked',
]);
const MINUTE_MS = 60_000;

const tierCache = new WeakMap<SlaPolicy, { base: SlaTierInfo; tiers: SlaTierInfo[] }>();

/** The SLA tier for a score at handoff (undefined score: the base target). */
export function slaTierFor(policy: SlaPolicy, handoffScore: number | undefined): SlaTierInfo {
  let prepared = tierCache.get(policy);
  if (!prepared) {
    prepared = {
      base: {
        label: 'standard',
        minScore: null,
        firstAttemptBusinessMinutes: policy.firstAttemptBusinessMinutes,
      },
      tiers: [...policy.tiers]
        .sort((a, b) => b.minScore - a.minScore)
        .map((t) => ({
          label: `score ≥ ${t.minScore}`,
          minScore: t.minScore,
          firstAttemptBusinessMinutes: t.firstAttemptBusinessMinutes,
        })),
    };
    tierCache.set(policy, prepared);
  }
  if (handoffScore !== undefined && Number.isFinite(handoffScore)) {
    for (const tier of prepared.tiers) if (handoffScore >= (tier.minScore ?? 0)) return tier;
  }
  return prepared.base;
}

export function slaState(
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  lead: SlaLead,
  attempts: ReadonlyArray<SlaAttempt>,
  now: number,
): SlaResult {
  if (!Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, got ${now}`);
  const tier = slaTierFor(policy, lead.handoffScore);
  const attemptsRequired = policy.cadenceAttempts;
  const handoff = lead.mqlAt === undefined ? Number.NaN : Date.parse(lead.mqlAt);
  const hasHandoff = Number.isFinite(handoff);

  const windowEnd = hasHandoff ? addCalendarDays(calendar, handoff, policy.cadenceCalendarDays) : Number.NaN;

  // Count the attempts in [handoff, min(now, window end)], in any order.
  let attemptsDone = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  let connected = false;
  if (hasHandoff && now >= handoff) {
    const until = Math.min(now, windowEnd);
    for (const attempt of attempts) {
      if (attempt.leadId !== lead.id) continue;
      const at = Date.parse(attempt.at);
      if (!(at >= handoff && at <= until)) continue;
      attemptsDone++;
      if (at < first) first = at;
      if (at > last) last = at;
      if (CONNECT_OUTCOMES.has(attempt.outcome)) connected = true;
    }
  }

  // One object of one shape for every state (absent facts are undefined): cheap for 100k leads.
  const result: SlaResult = {
    state: 'not_started',
    deadline: undefined,
    businessMsLeft: undefined,
    attemptsDone,
    attemptsRequired,
    nextDueAt: undefined,
    tier,
    handoffAt: hasHandoff ? handoff : undefined,
    windowEndsAt: undefined,
    firstAttemptAt: undefined,
    firstAttemptOnTime: undefined,
    completedBy: undefined,
  };
  if (CLOSED_STAGES.has(lead.stage)) {
    result.state = 'closed';
    return result;
  }
  if (lead.stage === 'lead' || !hasHandoff) {
    result.attemptsDone = 0;
    result.handoffAt = undefined;
    return result;
  }

  const firstDeadline = addBusinessTime(calendar, handoff, tier.firstAttemptBusinessMinutes * MINUTE_MS);
  if (now < handoff) {
    result.deadline = firstDeadline;
    result.nextDueAt = firstDeadline;
    return result;
  }

  result.windowEndsAt = windowEnd;
  if (attemptsDone === 0) {
    result.state = now <= firstDeadline ? 'first_attempt_due' : 'first_attempt_breached';
    result.deadline = firstDeadline;
    result.nextDueAt = firstDeadline;
    result.businessMsLeft = businessTimeBetween(calendar, now, firstDeadline);
    return result;
  }

  result.firstAttemptAt = first;
  result.firstAttemptOnTime = first <= firstDeadline;
  if ((policy.completeOnConnect && connected) || attemptsDone >= attemptsRequired) {
    result.state = 'cadence_complete';
    result.completedBy = attemptsDone >= attemptsRequired ? 'attempts' : 'connected';
    return result;
  }
  result.deadline = windowEnd;
  if (now >= windowEnd) {
    result.state = 'cadence_breached';
    result.nextDueAt = windowEnd;
    result.businessMsLeft = businessTimeBetween(calendar, now, windowEnd);
    return result;
  }
  const remaining = attemptsRequired - attemptsDone;
  const span = businessTimeBetween(calendar, last, windowEnd);
  const nextDueAt = addBusinessTime(calendar, last, Math.floor(span / remaining));
  result.state = now <= nextDueAt ? 'cadence_on_track' : 'cadence_behind';
  result.nextDueAt = nextDueAt;
  result.businessMsLeft = businessTimeBetween(calendar, now, nextDueAt);
  return result;
}

// ---------------------------------------------------------------------------------------------
// In a rep's words

/** "1 h 20 m", "45 m", "< 1 m"; with `days`, whole days first ("2 d 3 h"). */
export function formatDuration(ms: number, options: { days?: boolean } = {}): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE_MS);
  if (minutes < 1) return '< 1 m';
  const days = options.days ? Math.floor(minutes / 1440) : 0;
  const hours = Math.floor((minutes - days * 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} m` : `${hours} h`;
  return `${rest} m`;
}

/** "today 10:00", "Thu 10:00" within a week, "12 Mar 10:00" beyond, in `timeZone`. */
export function formatWhen(t: number, now: number, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const at = DateTime.fromMillis(t, { zone, locale: 'en-GB' });
  const today = DateTime.fromMillis(now, { zone, locale: 'en-GB' }).startOf('day');
  const dayDiff = Math.round(at.startOf('day').diff(today, 'days').days);
  if (dayDiff === 0) return `today ${at.toFormat('HH:mm')}`;
  if (Math.abs(dayDiff) <= 6) return at.toFormat('ccc HH:mm');
  return at.toFormat('d LLL HH:mm');
}

/** The SLA state as a rep reads it, e.g. "First attempt due in 1 h 20 m (business hours)". */
export function describeSla(result: SlaResult, now: number, timeZone: string): string {
  const progress = `${result.attemptsDone} of ${result.attemptsRequired} attempts`;
  switch (result.state) {
    case 'not_started':
      return result.handoffAt !== undefined && result.handoffAt > now
        ? `SLA starts ${formatWhen(result.handoffAt, now, timeZone)}`
        : 'SLA not started: no MQL handoff yet';
    case 'first_attempt_due': {
      const left = result.businessMsLeft ?? 0;
      return left < MINUTE_MS
        ? 'First attempt due now'
        : `First attempt due in ${formatDuration(left)} (business hours)`;
    }
    case 'first_attempt_breached':
      return `First attempt breached ${formatDuration(now - (result.deadline ?? now), { days: true })} ago`;
    case 'cadence_on_track':
      return `${progress} · next due ${formatWhen(result.nextDueAt ?? now, now, timeZone)}`;
    case 'cadence_behind':
      return `${progress} · behind: next was due ${formatWhen(result.nextDueAt ?? now, now, timeZone)}`;
    case 'cadence_breached':
      return `${progress} · cadence window ended ${formatWhen(result.deadline ?? now, now, timeZone)}`;
    case 'cadence_complete':
      return result.completedBy === 'connected'
        ? `Cadence complete · connected after ${result.attemptsDone} attempt${result.attemptsDone === 1 ? '' : 's'}`
        : `Cadence complete · ${progress}`;
    case 'closed':
      return 'SLA closed';
  }
}
