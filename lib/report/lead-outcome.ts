import {
  addBusinessTime,
  addCalendarDays,
  type BusinessCalendar,
  businessTimeBetween,
} from '../core/calendar';
import { type SlaPolicy, slaTierFor } from '../core/sla';
import type { AttemptOutcome } from '../model/schemas';
import type { LeadSummary } from './summary';

/**
 * One cohort lead judged as of `now` (docs/architecture.md "Report"), with the SLA clock's own functions
 * (tier, business time, calendar days), so the report and the card never disagree.
 */
export type SlaVerdict = 'met' | 'breached' | 'pending';
export type CadenceVerdict = 'met' | 'behind' | 'pending';

export interface LeadOutcome {
  /** `d1`: handoff + the tier's first-attempt window in business time. */
  deadline: number;
  /** `a1`: the earliest attempt at or after the handoff (and not after now). */
  firstAttemptAt?: number;
  /** The earlier of `a1` and a hand-back at or after the handoff. */
  firstResponseAt?: number;
  firstAttempt: SlaVerdict;
  /** Business minutes from handoff to `a1`. */
  speedBusinessMinutes?: number;
  /** Wall-clock minutes from handoff to `a1`. */
  speedWallMinutes?: number;
  cadence: CadenceVerdict;
  /** End of the cadence window (handoff + D calendar days of the calendar's zone). */
  windowEndsAt: number;
  neverContacted: boolean;
}

const MINUTE_MS = 60_000;
/** The outcomes that complete the cadence when the policy allows it (as the SLA clock counts them). */
const CONNECT_OUTCOMES: ReadonlySet<AttemptOutcome> = new Set<AttemptOutcome>([
  'connected',
  'meeting_booked',
]);

export function judgeLead(
  lead: LeadSummary & { handoffAt: number },
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  now: number,
): LeadOutcome {
  const h = lead.handoffAt;
  const tier = slaTierFor(policy, lead.handoffScore);
  const deadline = addBusinessTime(calendar, h, tier.firstAttemptBusinessMinutes * MINUTE_MS);
  const windowEndsAt = addCalendarDays(calendar, h, policy.cadenceCalendarDays);

  let firstAttemptAt: number | undefined;
  let inWindow = 0;
  let firstInWindowAt: number | undefined;
  let connectedInWindow = false;
  const windowUntil = Math.min(now, windowEndsAt);
  for (const attempt of lead.attempts) {
    if (attempt.at < h || attempt.at > now) continue;
    if (firstAttemptAt === undefined || attempt.at < firstAttemptAt) firstAttemptAt = attempt.at;
    if (attempt.at <= windowUntil) {
      inWindow++;
      if (firstInWindowAt === undefined || attempt.at < firstInWindowAt) firstInWindowAt = attempt.at;
      if (CONNECT_OUTCOMES.has(attempt.outcome)) connectedInWindow = true;
    }
  }

  const handBackAt =
    lead.firstHandBackAt !== undefined && lead.firstHandBackAt <= now ? lead.firstHandBackAt : undefined;
  const firstResponseAt =
    firstAttemptAt === undefined
      ? handBackAt
      : handBackAt === undefined
        ? firstAttemptAt
        : Math.min(firstAttemptAt, handBackAt);
  const firstAttempt: SlaVerdict =
    firstResponseAt !== undefined
      ? firstResponseAt <= deadline
        ? 'met'
        : 'breached'
      : now > deadline
        ? 'breached'
        : 'pending';

  // A hand-back in the window after at least one attempt also completes the cadence.
  const standing = lead.handBack;
  const handBackAfterAttempt =
    standing !== undefined &&
    firstInWindowAt !== undefined &&
    standing.at >= firstInWindowAt &&
    standing.at <= windowUntil;
  const met =
    inWindow >= policy.cadenceAttempts ||
    (policy.completeOnConnect && connectedInWindow) ||
    handBackAfterAttempt;
  // The SLA clock breaches the cadence at `now >= window end`; the report says "behind" at the same instant.
  const cadence: CadenceVerdict = met ? 'met' : now >= windowEndsAt ? 'behind' : 'pending';

  return {
    deadline,
    firstAttemptAt,
    firstResponseAt,
    firstAttempt,
    speedBusinessMinutes:
      firstAttemptAt === undefined ? undefined : businessTimeBetween(calendar, h, firstAttemptAt) / MINUTE_MS,
    speedWallMinutes: firstAttemptAt === undefined ? undefined : (firstAttemptAt - h) / MINUTE_MS,
    cadence,
    windowEndsAt,
    neverContacted: firstAttemptAt === undefined,
  };
}
