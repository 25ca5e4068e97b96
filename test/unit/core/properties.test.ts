import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  BusinessCalendar,
  businessTimeBetween,
  isWorkingTime,
  localDate,
  nextWorkingInstant,
  previousWorkingInstant,
  workingIntervalsOn,
} from '../../../lib/core/calendar';
import { defaultScoreModel, scoreLead } from '../../../lib/core/score';
import { defaultSlaPolicy, SLA_STATES, SlaPolicy, slaState } from '../../../lib/core/sla';
import { ATTEMPT_OUTCOMES, TOUCH_KINDS } from '../../../lib/model/schemas';

const H = 3_600_000;
const office = [{ start: '09:00', end: '17:00' }];
const split = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '17:30' },
];

const calendars = {
  'New York office': BusinessCalendar.parse({
    timeZone: 'America/New_York',
    hours: { mon: office, tue: office, wed: office, thu: office, fri: office },
    holidays: ['2024-07-04', '2024-11-28', '2024-12-25', '2025-01-01', '2025-07-04'],
  }),
  'Berlin split shift': BusinessCalendar.parse({
    timeZone: 'Europe/Berlin',
    hours: {
      mon: split,
      tue: split,
      wed: split,
      thu: split,
      fri: split,
      sun: [{ start: '02:00', end: '04:00' }],
    },
    holidays: ['2024-03-29', '2024-04-01', '2024-12-25', '2024-12-26'],
  }),
  'Kolkata 6-day week': BusinessCalendar.parse({
    timeZone: 'Asia/Kolkata',
    hours: {
      mon: [{ start: '09:30', end: '18:30' }],
      tue: [{ start: '09:30', end: '18:30' }],
      wed: [{ start: '09:30', end: '18:30' }],
      thu: [{ start: '09:30', end: '18:30' }],
      fri: [{ start: '09:30', end: '18:30' }],
      sat: [{ start: '10:00', end: '14:00' }],
    },
  }),
  'New York night shift to midnight': BusinessCalendar.parse({
    timeZone: 'America/New_York',
    hours: {
      sat: [{ start: '00:00', end: '03:00' }],
      sun: [{ start: '01:00', end: '03:00' }],
      fri: [{ start: '20:00', end: '24:00' }],
    },
  }),
};

// Instants from 2024 to 2026 (three DST springs and autumns in each zone), durations up to 300 business hours.
const instant = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 11, 31) });
const duration = fc.integer({ min: 0, max: 300 * H });
const RUNS = { numRuns: 150 };

/** True when t is the closing instant of one of its local date's working intervals. */
function isClosingInstant(cal: BusinessCalendar, t: number): boolean {
  const dates = [localDate(cal, t), localDate(cal, t - 1)];
  return dates.some((d) => workingIntervalsOn(cal, d).some(([, e]) => e === t));
}

describe.each(Object.entries(calendars))('business-time properties: %s', (_name, cal) => {
  it('adding business time is monotonic in the duration and in the start', () => {
    fc.assert(
      fc.property(instant, duration, duration, (t, d1, d2) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addBusinessTime(cal, t, lo)).toBeLessThanOrEqual(addBusinessTime(cal, t, hi));
        expect(addBusinessTime(cal, t, -lo)).toBeGreaterThanOrEqual(addBusinessTime(cal, t, -hi));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(instant, instant, duration, (a, b, d) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(addBusinessTime(cal, lo, d)).toBeLessThanOrEqual(addBusinessTime(cal, hi, d));
      }),
      RUNS,
    );
  });

  it('a computed deadline falls in working time, or at a closing instant', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 300 * H }), (t, d) => {
        const deadline = addBusinessTime(cal, t, d);
        expect(deadline).toBeGreaterThan(t);
        expect(isWorkingTime(cal, deadline) || isClosingInstant(cal, deadline)).toBe(true);
        // and it is the earliest such instant
        expect(businessTimeBetween(cal, t, deadline - 1)).toBeLessThan(d);
      }),
      RUNS,
    );
  });

  it('business time between a and a + d is d (both directions)', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -300 * H, max: 300 * H }), (a, d) => {
        expect(businessTimeBetween(cal, a, addBusinessTime(cal, a, d))).toBe(d);
      }),
      RUNS,
    );
  });

  it('business time between is antisymmetric and additive', () => {
    fc.assert(
      fc.property(instant, instant, instant, (a, b, c) => {
        expect(businessTimeBetween(cal, a, b)).toBe(0 - businessTimeBetween(cal, b, a));
        expect(businessTimeBetween(cal, a, b) + businessTimeBetween(cal, b, c)).toBe(
          businessTimeBetween(cal, a, c),
        );
        expect(Math.abs(businessTimeBetween(cal, a, b))).toBeLessThanOrEqual(Math.abs(b - a));
      }),
      RUNS,
    );
  });

  it('next and previous working instants are working time and cost no business time', () => {
    fc.assert(
      fc.property(instant, (t) => {
        const next = nextWorkingInstant(cal, t);
        const previous = previousWorkingInstant(cal, t);
        expect(next).toBeGreaterThanOrEqual(t);
        expect(previous).toBeLessThanOrEqual(t);
        expect(isWorkingTime(cal, next)).toBe(true);
        expect(isWorkingTime(cal, previous)).toBe(true);
        expect(businessTimeBetween(cal, t, next)).toBe(0);
        expect(businessTimeBetween(cal, previous, t)).toBe(0);
        expect(next === t).toBe(isWorkingTime(cal, t));
      }),
      RUNS,
    );
  });
});

describe('SLA clock properties', () => {
  const cal = calendars['New York office'];
  const policies = [
    defaultSlaPolicy,
    SlaPolicy.parse({ tiers: [], cadenceAttempts: 3, cadenceCalendarDays: 5 }),
    SlaPolicy.parse({ completeOnConnect: false, cadenceCalendarDays: 1 }),
  ];
  const attemptArb = fc.record({
    offset: fc.integer({ min: -3 * 24 * H, max: 20 * 24 * H }),
    outcome: fc.constantFrom(...ATTEMPT_OUTCOMES),
    mine: fc.boolean(),
  });
  const scenario = fc.record({
    handoff: instant,
    policy: fc.constantFrom(...policies),
    handoffScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    stage: fc.constantFrom('lead', 'mql', 'mql', 'mql', 'sql', 'recycled'),
    attempts: fc.array(attemptArb, { maxLength: 8 }),
    nowOffset: fc.integer({ min: -2 * 24 * H, max: 25 * 24 * H }),
  });

  it('never reports a deadline or next due instant before the handoff, and its sign matches its state', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const lead = {
          id: 'L',
          stage: s.stage as 'lead' | 'mql' | 'sql' | 'recycled',
          mqlAt: new Date(s.handoff).toISOString(),
          handoffScore: s.handoffScore,
        };
        const attempts = s.attempts.map((a) => ({
          leadId: a.mine ? 'L' : 'other',
          at: new Date(s.handoff + a.offset).toISOString(),
          outcome: a.outcome,
        }));
        const now = s.handoff + s.nowOffset;
        const r = slaState(s.policy, cal, lead, attempts, now);
        expect(SLA_STATES).toContain(r.state);
        if (r.deadline !== undefined) expect(r.deadline).toBeGreaterThanOrEqual(s.handoff);
        if (r.nextDueAt !== undefined) expect(r.nextDueAt).toBeGreaterThanOrEqual(s.handoff);
        expect(r.attemptsDone).toBeLessThanOrEqual(attempts.length);
        if (r.state === 'first_attempt_due' || r.state === 'cadence_on_track') {
          expect(r.businessMsLeft).toBeGreaterThanOrEqual(0);
        }
        if (
          r.state === 'first_attempt_breached' ||
          r.state === 'cadence_behind' ||
          r.state === 'cadence_breached'
        ) {
          expect(r.businessMsLeft).toBeLessThanOrEqual(0);
        }
        // shuffling the attempts never changes the answer
        expect(slaState(s.policy, cal, lead, [...attempts].reverse(), now)).toEqual(r);
      }),
      { numRuns: 300 },
    );
  });
});

describe('score properties', () => {
  const touchArb = fc.record({
    kind: fc.constantFrom(...TOUCH_KINDS),
    ageDays: fc.double({ min: -5, max: 400, noNaN: true }),
  });
  const leadArb = fc.record({
    title: fc.option(fc.constantFrom('CEO', 'VP Sales', 'Director of IT', 'Intern', 'Engineer', 'Chef'), {
      nil: undefined,
    }),
    industry: fc.option(fc.constantFrom('Healthcare', 'Retail', 'Farming'), { nil: undefined }),
    companySize: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
    territory: fc.option(fc.constantFrom('EMEA', 'APAC', 'Mars'), { nil: undefined }),
  });
  const NOW = Date.UTC(2025, 5, 2, 12);

  it('keeps fit and engagement in 0–50 and the total their sum; more touches never lower engagement', () => {
    fc.assert(
      fc.property(leadArb, fc.array(touchArb, { maxLength: 30 }), touchArb, (fields, touches, extra) => {
        const lead = { id: 'L', ...fields };
        const toTouch = (t: { kind: (typeof TOUCH_KINDS)[number]; ageDays: number }) => ({
          leadId: 'L',
          kind: t.kind,
          at: new Date(NOW - t.ageDays * 86_400_000).toISOString(),
        });
        const r = scoreLead(defaultScoreModel, lead, touches.map(toTouch), NOW);
        expect(r.fit).toBeGreaterThanOrEqual(0);
        expect(r.fit).toBeLessThanOrEqual(50);
        expect(r.engagement).toBeGreaterThanOrEqual(0);
        expect(r.engagement).toBeLessThanOrEqual(50);
        expect(r.total).toBe(r.fit + r.engagement);
        const fitReasons = r.reasons.filter((x) => x.part === 'fit').reduce((sum, x) => sum + x.points, 0);
        expect(fitReasons).toBeCloseTo(r.fit, 6);
        const more = scoreLead(defaultScoreModel, lead, [...touches, extra].map(toTouch), NOW);
        expect(more.engagement).toBeGreaterThanOrEqual(r.engagement);
      }),
      { numRuns: 200 },
    );
  });
});
