import { describe, expect, test } from 'vitest';
import { defaultCalendar, defaultSlaPolicy } from '@/lib/core';
import type { QueueEntry } from '@/lib/queue/queue-entry';
import {
  leadIdOfNotification,
  MAX_SEPARATE_NOTIFICATIONS,
  notificationsFor,
  planReminders,
  REMINDER_LATE_MS,
  remindersFor,
} from '@/lib/queue/reminders';
import { badgeFor, isDueToday, rankQueue } from '@/lib/queue/urgency';

// Tuesday 24 Nov 2026, New York business hours 09:00–17:00 (UTC−5).
const calendar = defaultCalendar('America/New_York');
const policy = { ...defaultSlaPolicy, tiers: [] };
const at = (iso: string) => Date.parse(iso);
const entry = (
  id: string,
  mqlAt: string | undefined,
  extra: Partial<QueueEntry['lead']> = {},
  attempts: QueueEntry['attempts'] = [],
): QueueEntry => ({
  lead: { id, name: id, emails: [`${id}@x.example`], stage: 'mql', mqlAt, sample: false, ...extra },
  attempts,
  score: 50,
  band: 'warm',
});

describe('reminders', () => {
  const now = at('2026-11-24T15:00:00Z'); // 10:00 in New York
  const entries = [
    entry('fresh', '2026-11-24T14:30:00Z'), // 09:30 → due 13:30 local
    entry('sample', '2026-11-24T14:30:00Z', { sample: true }),
    entry('done', '2026-11-24T14:30:00Z', {}, [
      { leadId: 'done', at: '2026-11-24T14:45:00.000Z', outcome: 'no_answer' },
    ]),
  ];
  const ranked = rankQueue(entries, policy, calendar, now);
  const reminders = remindersFor(ranked, calendar, { enabled: true, minutesBefore: 30 });

  test('one 30 business minutes before the first-attempt deadline and one at breach; none for sample or attempted leads', () => {
    expect(reminders.map((r) => [r.leadId, r.kind, new Date(r.at).toISOString()])).toEqual([
      ['fresh', 'before', '2026-11-24T18:00:00.000Z'],
      ['fresh', 'breach', '2026-11-24T18:30:00.000Z'],
    ]);
  });

  test('the one alarm is set for the next reminder; due ones fire once', () => {
    expect(planReminders(reminders, new Set(), now)).toEqual({
      due: [],
      nextAt: at('2026-11-24T18:00:00Z'),
      remember: [],
    });
    const later = at('2026-11-24T18:05:00Z');
    const plan = planReminders(reminders, new Set(), later);
    expect(plan.due.map((r) => r.kind)).toEqual(['before']);
    expect(plan.nextAt).toBe(at('2026-11-24T18:30:00Z'));
    const fired = new Set(plan.due.map((r) => r.key));
    expect(planReminders(reminders, fired, later).due).toEqual([]);
  });

  test('a breach more than an hour late is not notified, and fired keys are kept only while they could come due', () => {
    const [before, breach] = reminders;
    if (!before || !breach) throw new Error('expected two reminders');
    // Both passed (the browser was closed, or an import): the deadline too, so only the breach is due.
    const late = breach.at + (REMINDER_LATE_MS - (breach.at - before.at)) + 60_000;
    const plan = planReminders(reminders, new Set(), late);
    expect(plan.due.map((r) => r.kind)).toEqual(['breach']);
    expect(plan.remember).toEqual([breach.key]);
    // An hour after the breach nothing is due and nothing needs remembering.
    const muchLater = breach.at + REMINDER_LATE_MS + 1;
    expect(planReminders(reminders, new Set(plan.remember), muchLater)).toEqual({
      due: [],
      nextAt: undefined,
      remember: [],
    });
  });

  test('an import of a thousand overdue MQLs makes no notification; a burst of fresh ones makes one', () => {
    const backlog = rankQueue(
      Array.from({ length: 1000 }, (_, i) => entry(`old-${i}`, '2026-11-20T14:00:00Z')),
      policy,
      calendar,
      now,
    );
    const plan = planReminders(
      remindersFor(backlog, calendar, { enabled: true, minutesBefore: 30 }),
      new Set(),
      now,
    );
    expect(plan.due).toEqual([]);
    expect(plan.remember).toEqual([]);

    const time = (t: number) => new Date(t).toISOString().slice(11, 16);
    const burst = Array.from({ length: 5 }, (_, i) => ({
      key: `b${i}:breach:1`,
      leadId: `b${i}`,
      name: `Lead ${i}`,
      kind: i < 2 ? ('breach' as const) : ('before' as const),
      at: now - 1000,
      deadline: now + 60_000,
    }));
    expect(notificationsFor(burst, now, time)).toEqual([
      {
        id: `reminders:${now}`,
        title: '5 leads need a first attempt',
        message: '2 breached. Lead 0, Lead 1, Lead 2 and 2 more. Click to open the queue.',
      },
    ]);
    const few = notificationsFor(burst.slice(1, 1 + MAX_SEPARATE_NOTIFICATIONS), now, time);
    expect(few.map((n) => [n.id, n.title])).toEqual([
      ['lead:b1:b1:breach:1', 'First attempt breached: Lead 1'],
      ['lead:b2:b2:breach:1', 'First attempt due soon: Lead 2'],
      ['lead:b3:b3:breach:1', 'First attempt due soon: Lead 3'],
    ]);
    expect(few[1]?.message).toBe(`Due ${time(now + 60_000)}.`);
  });

  test('a “due soon” warning that fell the evening before still comes in the morning, until the deadline', () => {
    // Handed off Monday 16:50 New York: deadline Tuesday 12:50 (17:50Z); 235 business minutes
    // before it is Monday 16:55, so a browser closed overnight opens with it long past.
    const lateHandoff = rankQueue([entry('late', '2026-11-23T21:50:00Z')], policy, calendar, now);
    const overnight = remindersFor(lateHandoff, calendar, { enabled: true, minutesBefore: 235 });
    const morning = planReminders(overnight, new Set(), at('2026-11-24T14:00:00Z'));
    expect(morning.due.map((r) => r.kind)).toEqual(['before']);
    // After the deadline the warning is moot: only the breach comes.
    const afterDeadline = planReminders(overnight, new Set(), at('2026-11-24T17:51:00Z'));
    expect(afterDeadline.due.map((r) => r.kind)).toEqual(['breach']);
  });

  test('fired keys are kept by their deadline, even while their lead is out of the list', () => {
    const recent = `gone:breach:${now - 10 * 60_000}`;
    const old = `gone:breach:${now - REMINDER_LATE_MS - 1}`;
    // Reminders switched off (or the lead briefly not in the queue): nothing to plan, keys kept.
    expect(planReminders([], new Set([recent, old]), now).remember).toEqual([recent]);
  });

  test('a notification names its lead even when the id holds colons (HubSpot leads are hubspot:<id>)', () => {
    const [notification] = notificationsFor(
      [
        {
          key: `hubspot:123:breach:${now}`,
          leadId: 'hubspot:123',
          name: 'Dana',
          kind: 'breach',
          at: now,
          deadline: now,
        },
      ],
      now,
      String,
    );
    expect(notification?.id).toBe(`lead:hubspot%3A123:hubspot:123:breach:${now}`);
    expect(leadIdOfNotification(notification?.id ?? '')).toBe('hubspot:123');
    expect(leadIdOfNotification(`reminders:${now}`)).toBeUndefined();
    expect(leadIdOfNotification('lead:%E0%A4%A:x')).toBeUndefined(); // malformed: ignored, not thrown
  });

  test('the gathered notification counts leads, not names or reminders', () => {
    const reminder = (leadId: string, name: string, kind: 'before' | 'breach') => ({
      key: `${leadId}:${kind}:${now}`,
      leadId,
      name,
      kind,
      at: now - 1000,
      deadline: now,
    });
    const due = [
      reminder('a', 'John Smith', 'breach'),
      reminder('b', 'John Smith', 'breach'),
      reminder('c', 'Ana Ruiz', 'before'),
      reminder('c', 'Ana Ruiz', 'breach'),
      reminder('d', 'Li Wei', 'before'),
    ];
    expect(notificationsFor(due, now, String)).toEqual([
      {
        id: `reminders:${now}`,
        title: '4 leads need a first attempt',
        message: '3 breached. John Smith, John Smith, Ana Ruiz and 1 more. Click to open the queue.',
      },
    ]);
  });

  test('“minutes before” counts business time, back across the night', () => {
    const lateHandoff = rankQueue([entry('late', '2026-11-23T21:50:00Z')], policy, calendar, now); // Mon 16:50 local
    // Deadline: 4 business hours from Monday 16:50 = Tuesday 12:50 local (17:50Z).
    expect(new Date(lateHandoff[0]?.sla.deadline ?? 0).toISOString()).toBe('2026-11-24T17:50:00.000Z');
    const [before] = remindersFor(lateHandoff, calendar, { enabled: true, minutesBefore: 235 });
    // 235 business minutes before Tuesday 12:50 is Monday 16:55 local: back across the night.
    expect(new Date(before?.at ?? 0).toISOString()).toBe('2026-11-23T21:55:00.000Z');
  });

  test('switched off: no reminders; the alarm is never set sooner than 30 s', () => {
    expect(remindersFor(ranked, calendar, { enabled: false, minutesBefore: 30 })).toEqual([]);
    const soon = planReminders(reminders, new Set(), at('2026-11-24T17:59:50Z'));
    expect(soon.nextAt).toBe(at('2026-11-24T18:00:20Z'));
  });
});

describe('badge and filters', () => {
  const now = at('2026-11-24T15:00:00Z');
  test('counts breached + due within the hour, red when any is breached', () => {
    const ranked = rankQueue(
      [
        entry('breached', '2026-11-23T14:00:00Z'), // Monday 09:00 → due Monday 13:00
        entry('soon', '2026-11-24T12:00:00Z'), // 07:00 → clock starts 09:00 → due 13:00; 3 h left: not soon
        entry('very-soon', '2026-11-23T19:30:00Z'), // Mon 14:30 → due Tue 10:30: 30 min left
      ],
      policy,
      calendar,
      now,
    );
    expect(ranked.map((r) => r.lead.id)).toEqual(['breached', 'very-soon', 'soon']);
    expect(badgeFor(ranked)).toEqual({ text: '2', color: '#cf222e' });
    expect(badgeFor(ranked.slice(1))).toEqual({ text: '1', color: '#9a6700' });
    expect(badgeFor([])).toEqual({ text: '', color: '#1a7f37' });
  });

  test('due today uses the calendar’s day', () => {
    const [soon] = rankQueue([entry('soon', '2026-11-24T12:00:00Z')], policy, calendar, now);
    const dayKey = (t: number) => new Date(t - 5 * 3600_000).toISOString().slice(0, 10);
    expect(soon && isDueToday(soon.sla, now, dayKey)).toBe(true);
    expect(soon && isDueToday(soon.sla, at('2026-11-23T15:00:00Z'), dayKey)).toBe(false);
  });
});
