import { describe, expect, test } from 'vitest';
import { defaultCalendar, defaultSlaPolicy, localDate } from '@/lib/core';
import { groupQueue } from '@/lib/queue/groups';
import type { QueueEntry } from '@/lib/queue/queue-entry';
import { isDueToday, rankQueue } from '@/lib/queue/urgency';

// Tuesday 24 Nov 2026, 10:00 in New York (business hours 09:00–17:00, UTC−5).
const calendar = defaultCalendar('America/New_York');
const policy = { ...defaultSlaPolicy, tiers: [] };
const now = Date.parse('2026-11-24T15:00:00Z');
const entry = (id: string, mqlAt: string | undefined, attempts: string[] = [], score = 50): QueueEntry => ({
  lead: { id, name: id, emails: [`${id}@x.example`], stage: 'mql', mqlAt, sample: false },
  attempts: attempts.map((at) => ({ leadId: id, at, outcome: 'no_answer' as const })),
  score,
  band: 'warm',
});

const entries = [
  entry('breached-18-days-ago', '2026-11-05T15:00:00Z', [], 99),
  entry('breached-yesterday', '2026-11-23T15:00:00Z'),
  entry('due-1300', '2026-11-24T11:49:00Z'), // handed over 06:49, before hours: due 13:00
  entry('due-1315', '2026-11-24T14:15:00Z'),
  entry('due-1350', '2026-11-24T14:50:00Z'),
  entry('cadence', '2026-11-20T15:00:00Z', ['2026-11-20T15:30:00Z']),
  entry('no-handoff', undefined),
];

describe('groupQueue: the order of a rep’s day', () => {
  const ranked = rankQueue(entries, policy, calendar, now);
  const groups = groupQueue(ranked);

  test('first attempts still due (soonest first), then cadence, then breaches (most recent first), then no clock', () => {
    expect(groups.map((group) => group.key)).toEqual(['first-due', 'cadence-due', 'breached', 'no-handoff']);
    const ids = (key: string) => groups.find((g) => g.key === key)?.entries.map((e) => e.lead.id);
    expect(ids('first-due')).toEqual(['due-1300', 'due-1315', 'due-1350']);
    expect(ids('breached')).toEqual(['breached-yesterday', 'breached-18-days-ago']);
    expect(ids('cadence-due')).toEqual(['cadence']);
    expect(ids('no-handoff')).toEqual(['no-handoff']);
  });

  test('within the first-attempt group, the deadlines ascend', () => {
    const deadlines = groups[0]?.entries.map((e) => e.sla.deadline ?? 0) ?? [];
    expect([...deadlines].sort((a, b) => a - b)).toEqual(deadlines);
  });
});

describe('isDueToday: today in the team calendar only', () => {
  const dayKey = (t: number) => localDate(calendar, t);
  test('a cadence attempt that fell due two days ago is not due today', () => {
    const [old] = rankQueue(
      [entry('old', '2026-11-10T15:00:00Z', ['2026-11-10T15:30:00Z'])],
      { ...policy, cadenceAttempts: 20, cadenceCalendarDays: 30 },
      calendar,
      now,
    );
    expect(old?.sla.state).toBe('cadence_behind');
    expect(old && dayKey(old.sla.nextDueAt ?? 0) < dayKey(now)).toBe(true);
    expect(old && isDueToday(old.sla, now, dayKey)).toBe(false);
  });
  test('a first attempt due this afternoon is', () => {
    const [soon] = rankQueue([entry('soon', '2026-11-24T14:15:00Z')], policy, calendar, now);
    expect(soon && isDueToday(soon.sla, now, dayKey)).toBe(true);
  });
});
