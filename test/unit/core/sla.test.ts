import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessTime, BusinessCalendar } from '../../../lib/core/calendar';
import {
  defaultSlaPolicy,
  describeSla,
  formatDuration,
  type SlaAttempt,
  type SlaLead,
  SlaPolicy,
  slaState,
  slaTierFor,
} from '../../../lib/core/sla';
import type { AttemptOutcome, LeadStage } from '../../../lib/model/schemas';

const M = 60_000;
const H = 60 * M;
const ZONE = 'America/New_York';
const office = [{ start: '09:00', end: '17:00' }];
const cal = BusinessCalendar.parse({
  timeZone: ZONE,
  hours: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: ['2025-07-04'],
});

/** Local New York wall time → epoch ms / ISO instant string as stored in records. */
const t = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();
const instant = (local: string) => new Date(t(local)).toISOString();
const show = (ms: number | undefined) =>
  ms === undefined
    ? undefined
    : DateTime.fromMillis(ms, { zone: ZONE }).toFormat("ccc yyyy-LL-dd'T'HH:mm:ss");

const lead = (over: Partial<SlaLead> = {}): SlaLead => ({
  id: 'lead-1',
  stage: 'mql',
  mqlAt: instant('2025-06-02T10:00'), // Monday
  ...over,
});
let n = 0;
const attempt = (
  local: string,
  outcome: AttemptOutcome = 'no_answer',
  leadId = 'lead-1',
): SlaAttempt & { id: string } => ({
  id: `a${++n}`,
  leadId,
  at: instant(local),
  outcome,
});

describe('SlaPolicy', () => {
  it('has the written defaults', () => {
    expect(defaultSlaPolicy).toEqual({
      firstAttemptBusinessMinutes: 240,
      cadenceAttempts: 5,
      cadenceCalendarDays: 14,
      tiers: [{ minScore: 80, firstAttemptBusinessMinutes: 60 }],
      completeOnConnect: true,
    });
  });

  it('rejects nonsense', () => {
    expect(SlaPolicy.safeParse({ cadenceAttempts: 0 }).success).toBe(false);
    expect(SlaPolicy.safeParse({ firstAttemptBusinessMinutes: -5 }).success).toBe(false);
    expect(
      SlaPolicy.safeParse({
        tiers: [
          { minScore: 80, firstAttemptBusinessMinutes: 60 },
          { minScore: 80, firstAttemptBusinessMinutes: 30 },
        ],
      }).success,
    ).toBe(false);
  });
});

describe('first attempt', () => {
  it('is due 4 business hours after a handoff in working hours', () => {
    const r = slaState(defaultSlaPolicy, cal, lead(), [], t('2025-06-02T11:00'));
    expect(r.state).toBe('first_attempt_due');
    expect(show(r.deadline)).toBe('Mon 2025-06-02T14:00:00');
    expect(r.nextDueAt).toBe(r.deadline);
    expect(r.businessMsLeft).toBe(3 * H);
    expect(r.attemptsDone).toBe(0);
    expect(r.attemptsRequired).toBe(5);
    expect(r.tier).toEqual({ label: 'standard', minScore: null, firstAttemptBusinessMinutes: 240 });
    expect(r.handoffAt).toBe(t('2025-06-02T10:00'));
    expect(show(r.windowEndsAt)).toBe('Mon 2025-06-16T10:00:00');
  });

  it.each([
    ['late afternoon, runs into the next day', '2025-06-02T15:00', 'Tue 2025-06-03T11:00:00'],
    ['after hours', '2025-06-02T20:00', 'Tue 2025-06-03T13:00:00'],
    ['before opening', '2025-06-03T07:15', 'Tue 2025-06-03T13:00:00'],
    ['on a weekend', '2025-06-07T10:00', 'Mon 2025-06-09T13:00:00'],
    ['on a holiday', '2025-07-04T10:00', 'Mon 2025-07-07T13:00:00'],
    ['the day before a holiday', '2025-07-03T16:00', 'Mon 2025-07-07T12:00:00'],
    ['exactly at closing', '2025-06-02T17:00', 'Tue 2025-06-03T13:00:00'],
    ['so that it ends exactly at closing', '2025-06-02T13:00', 'Mon 2025-06-02T17:00:00'],
  ])('handoff %s', (_name, handoff, deadline) => {
    const r = slaState(defaultSlaPolicy, cal, lead({ mqlAt: instant(handoff) }), [], t(handoff));
    expect(r.state).toBe('first_attempt_due');
    expect(show(r.deadline)).toBe(deadline);
    expect(r.businessMsLeft).toBe(4 * H);
  });

  it('is breached once the deadline passes, with the overdue business time', () => {
    const r = slaState(defaultSlaPolicy, cal, lead(), [], t('2025-06-02T15:00'));
    expect(r.state).toBe('first_attempt_breached');
    expect(r.businessMsLeft).toBe(-1 * H);
    expect(describeSla(r, t('2025-06-02T15:00'), ZONE)).toBe('First attempt breached 1 h ago');
  });

  it('stays breached (not cadence_breached) when no attempt was ever made', () => {
    const r = slaState(defaultSlaPolicy, cal, lead(), [], t('2025-06-20T10:00'));
    expect(r.state).toBe('first_attempt_breached');
    expect(describeSla(r, t('2025-06-20T10:00'), ZONE)).toBe('First attempt breached 17 d 20 h ago');
  });

  it('is exactly at the deadline still due', () => {
    const r = slaState(defaultSlaPolicy, cal, lead(), [], t('2025-06-02T14:00'));
    expect(r.state).toBe('first_attempt_due');
    expect(r.businessMsLeft).toBe(0);
    expect(describeSla(r, t('2025-06-02T14:00'), ZONE)).toBe('First attempt due now');
  });

  it('does not count attempts before the handoff, after now, or of another lead', () => {
    const attempts = [
      attempt('2025-06-02T09:30'), // before handoff
      attempt('2025-06-02T12:00'), // after now
      attempt('2025-06-02T10:30', 'no_answer', 'someone-else'),
    ];
    const r = slaState(defaultSlaPolicy, cal, lead(), attempts, t('2025-06-02T11:00'));
    expect(r.state).toBe('first_attempt_due');
    expect(r.attemptsDone).toBe(0);
  });

  it('counts an attempt made exactly at the handoff', () => {
    const r = slaState(defaultSlaPolicy, cal, lead(), [attempt('2025-06-02T10:00')], t('2025-06-02T11:00'));
    expect(r.attemptsDone).toBe(1);
    expect(r.firstAttemptOnTime).toBe(true);
  });
});

describe('tiers', () => {
  it('uses the stricter tier fixed by the score at handoff', () => {
    const r = slaState(defaultSlaPolicy, cal, lead({ handoffScore: 85 }), [], t('2025-06-02T10:30'));
    expect(r.tier).toEqual({ label: 'score ≥ 80', minScore: 80, firstAttemptBusinessMinutes: 60 });
    expect(show(r.deadline)).toBe('Mon 2025-06-02T11:00:00');
    expect(r.businessMsLeft).toBe(30 * M);
  });

  it('ignores any other score (the CRM score, today’s score): only handoffScore counts', () => {
    const hotNow = { ...lead({ handoffScore: 50 }), crmScore: 99, score: 95 };
    const r = slaState(defaultSlaPolicy, cal, hotNow, [], t('2025-06-02T10:30'));
    expect(r.tier.label).toBe('standard');
    expect(show(r.deadline)).toBe('Mon 2025-06-02T14:00:00');
    expect(slaState(defaultSlaPolicy, cal, lead(), [], t('2025-06-02T10:30')).tier.label).toBe('standard');
  });

  it('picks the highest tier not above the score', () => {
    const policy = SlaPolicy.parse({
      tiers: [
        { minScore: 80, firstAttemptBusinessMinutes: 60 },
        { minScore: 50, firstAttemptBusinessMinutes: 120 },
      ],
    });
    expect(slaTierFor(policy, 65).firstAttemptBusinessMinutes).toBe(120);
    expect(slaTierFor(policy, 80).firstAttemptBusinessMinutes).toBe(60);
    expect(slaTierFor(policy, 49.9).firstAttemptBusinessMinutes).toBe(240);
    expect(slaTierFor(policy, undefined).firstAttemptBusinessMinutes).toBe(240);
  });
});

describe('not started and closed', () => {
  it('has not started without a handoff', () => {
    const { mqlAt: _omit, ...noHandoff } = lead();
    const r = slaState(
      defaultSlaPolicy,
      cal,
      noHandoff,
      [attempt('2025-06-02T10:30')],
      t('2025-06-02T11:00'),
    );
    expect(r).toMatchObject({ state: 'not_started', attemptsDone: 0 });
    expect(r.deadline).toBeUndefined();
    expect(r.nextDueAt).toBeUndefined();
    expect(describeSla(r, t('2025-06-02T11:00'), ZONE)).toBe('SLA not started: no MQL handoff yet');
  });

  it('has not started for a lead that is not an MQL yet', () => {
    const r = slaState(
      defaultSlaPolicy,
      cal,
      lead({ stage: 'lead' }),
      [attempt('2025-06-02T10:30')],
      t('2025-06-02T11:00'),
    );
    expect(r).toMatchObject({ state: 'not_started', attemptsDone: 0 });
    expect(r.handoffAt).toBeUndefined();
    expect(describeSla(r, t('2025-06-02T11:00'), ZONE)).toBe('SLA not started: no MQL handoff yet');
  });

  it('has not started when now is before the handoff, but shows the coming deadline', () => {
    const now = t('2025-06-02T08:00');
    const r = slaState(defaultSlaPolicy, cal, lead(), [attempt('2025-06-02T07:00')], now);
    expect(r.state).toBe('not_started');
    expect(r.attemptsDone).toBe(0);
    expect(show(r.deadline)).toBe('Mon 2025-06-02T14:00:00');
    expect(r.handoffAt).toBe(t('2025-06-02T10:00'));
    expect(describeSla(r, now, ZONE)).toBe('SLA starts today 10:00');
  });

  it.each(['sql', 'recycled', 'disqualified', 'customer'] as LeadStage[])(
    'is closed for a %s lead',
    (stage) => {
      const r = slaState(
        defaultSlaPolicy,
        cal,
        lead({ stage }),
        [attempt('2025-06-02T10:30')],
        t('2025-06-20T10:00'),
      );
      expect(r.state).toBe('closed');
      expect(r.attemptsDone).toBe(1);
      expect(r.deadline).toBeUndefined();
      expect(r.nextDueAt).toBeUndefined();
      expect(describeSla(r, t('2025-06-20T10:00'), ZONE)).toBe('SLA closed');
    },
  );
});

describe('cadence', () => {
  it('spreads the remaining attempts over the remaining window in business time', () => {
    const now = t('2025-06-02T11:00');
    const r = slaState(defaultSlaPolicy, cal, lead(), [attempt('2025-06-02T10:30')], now);
    // From Mon 10:30 to the window end (Mon 16 Jun 10:00): 6.5 h + 9 × 8 h + 1 h = 79.5 h; / 4 = 19 h 52 m 30 s
    expect(r.state).toBe('cadence_on_track');
    expect(show(r.nextDueAt)).toBe('Wed 2025-06-04T14:22:30');
    expect(show(r.deadline)).toBe('Mon 2025-06-16T10:00:00');
    expect(r.attemptsDone).toBe(1);
    expect(r.firstAttemptAt).toBe(t('2025-06-02T10:30'));
    expect(r.firstAttemptOnTime).toBe(true);
    expect(describeSla(r, now, ZONE)).toBe('1 of 5 attempts · next due Wed 14:22');
  });

  it('is behind once the next slot passes', () => {
    const now = t('2025-06-05T10:00');
    const r = slaState(defaultSlaPolicy, cal, lead(), [attempt('2025-06-02T10:30')], now);
    expect(r.state).toBe('cadence_behind');
    expect(r.businessMsLeft).toBe(-(2 * H + 37 * M + 30_000 + 1 * H));
    expect(describeSla(r, now, ZONE)).toBe('1 of 5 attempts · behind: next was due Wed 14:22');
  });

  it('does not depend on the order of the attempts', () => {
    const attempts = [
      attempt('2025-06-04T15:00'),
      attempt('2025-06-02T10:30'),
      attempt('2025-06-03T09:10', 'left_voicemail'),
    ];
    const now = t('2025-06-05T09:00');
    const forward = slaState(defaultSlaPolicy, cal, lead(), attempts, now);
    const reversed = slaState(defaultSlaPolicy, cal, lead(), [...attempts].reverse(), now);
    expect(reversed).toEqual(forward);
    expect(forward.attemptsDone).toBe(3);
    expect(forward.firstAttemptAt).toBe(t('2025-06-02T10:30'));
    // the next slot is spread from the latest attempt (Wed 15:00)
    expect(forward.nextDueAt).toBe(
      addBusinessTime(cal, t('2025-06-04T15:00'), Math.floor(((2 + 7 * 8 + 1) * H) / 2)),
    );
  });

  it('records a late first attempt', () => {
    const r = slaState(defaultSlaPolicy, cal, lead(), [attempt('2025-06-02T16:00')], t('2025-06-02T16:30'));
    expect(r.state).toBe('cadence_on_track');
    expect(r.firstAttemptOnTime).toBe(false);
  });

  it('is complete after the required attempts', () => {
    const attempts = ['02T10:30', '03T10:00', '05T11:00', '09T15:00', '11T09:30'].map((d) =>
      attempt(`2025-06-${d}`),
    );
    const r = slaState(defaultSlaPolicy, cal, lead(), attempts, t('2025-06-12T10:00'));
    expect(r.state).toBe('cadence_complete');
    expect(r.completedBy).toBe('attempts');
    expect(r.nextDueAt).toBeUndefined();
    expect(describeSla(r, t('2025-06-12T10:00'), ZONE)).toBe('Cadence complete · 5 of 5 attempts');
  });

  it.each(['connected', 'meeting_booked'] as AttemptOutcome[])(
    'is complete on a %s outcome by default',
    (outcome) => {
      const attempts = [attempt('2025-06-02T10:30'), attempt('2025-06-03T10:00', outcome)];
      const r = slaState(defaultSlaPolicy, cal, lead(), attempts, t('2025-06-03T11:00'));
      expect(r.state).toBe('cadence_complete');
      expect(r.completedBy).toBe('connected');
      expect(describeSla(r, t('2025-06-03T11:00'), ZONE)).toBe(
        'Cadence complete · connected after 2 attempts',
      );
    },
  );

  it('keeps counting after a connect when completeOnConnect is off', () => {
    const policy = SlaPolicy.parse({ completeOnConnect: false });
    const attempts = [attempt('2025-06-02T10:30', 'connected')];
    expect(slaState(policy, cal, lead(), attempts, t('2025-06-02T11:00')).state).toBe('cadence_on_track');
  });

  it('is breached when the window ends short of the attempts', () => {
    const attempts = [attempt('2025-06-02T10:30'), attempt('2025-06-04T10:30')];
    const now = t('2025-06-16T12:00');
    const r = slaState(defaultSlaPolicy, cal, lead(), attempts, now);
    expect(r.state).toBe('cadence_breached');
    expect(show(r.deadline)).toBe('Mon 2025-06-16T10:00:00');
    expect(r.businessMsLeft).toBe(-2 * H);
    expect(describeSla(r, now, ZONE)).toBe('2 of 5 attempts · cadence window ended today 10:00');
  });

  it('does not count attempts made after the window', () => {
    const attempts = ['02T10:30', '03T10:00', '05T11:00', '17T09:30', '18T09:30', '18T10:00'].map((d) =>
      attempt(`2025-06-${d}`, d === '18T10:00' ? 'connected' : 'no_answer'),
    );
    const r = slaState(defaultSlaPolicy, cal, lead(), attempts, t('2025-06-18T12:00'));
    expect(r.state).toBe('cadence_breached');
    expect(r.attemptsDone).toBe(3);
  });

  it('ends the 14-day window at the same local time across a DST change', () => {
    const r = slaState(
      defaultSlaPolicy,
      cal,
      lead({ mqlAt: instant('2025-03-03T10:00') }),
      [attempt('2025-03-03T10:30')],
      t('2025-03-03T11:00'),
    );
    expect(DateTime.fromMillis(r.windowEndsAt ?? 0, { zone: ZONE }).toISO()).toBe(
      '2025-03-17T10:00:00.000-04:00',
    );
  });
});

describe('describeSla', () => {
  it('speaks in business hours while the first attempt is due', () => {
    const now = t('2025-06-02T12:40');
    const r = slaState(defaultSlaPolicy, cal, lead(), [], now);
    expect(describeSla(r, now, ZONE)).toBe('First attempt due in 1 h 20 m (business hours)');
    const weekend = t('2025-06-07T10:00');
    const r2 = slaState(defaultSlaPolicy, cal, lead({ mqlAt: instant('2025-06-07T10:00') }), [], weekend);
    expect(describeSla(r2, weekend, ZONE)).toBe('First attempt due in 4 h (business hours)');
  });

  it('formats durations', () => {
    expect(formatDuration(0)).toBe('< 1 m');
    expect(formatDuration(59_999)).toBe('< 1 m');
    expect(formatDuration(45 * M)).toBe('45 m');
    expect(formatDuration(2 * H)).toBe('2 h');
    expect(formatDuration(80 * M + 59_000)).toBe('1 h 20 m');
    expect(formatDuration(-80 * M)).toBe('1 h 20 m');
    expect(formatDuration(30 * H)).toBe('30 h');
    expect(formatDuration(30 * H, { days: true })).toBe('1 d 6 h');
    expect(formatDuration(48 * H, { days: true })).toBe('2 d');
  });

  it('names far-away days by date', () => {
    const now = t('2025-06-02T11:00');
    const r = slaState(
      SlaPolicy.parse({ cadenceAttempts: 2, cadenceCalendarDays: 30 }),
      cal,
      lead(),
      [attempt('2025-06-02T10:30')],
      now,
    );
    expect(describeSla(r, now, ZONE)).toMatch(/^1 of 2 attempts · next due \d{1,2} Jul \d\d:\d\d$/);
  });
});
