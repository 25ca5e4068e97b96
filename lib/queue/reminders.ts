import { addBusinessTime, type BusinessCalendar } from '../core';
import type { RankedEntry } from './urgency';

export type Reminder = {
  key: string;
  leadId: string;
  name: string;
  kind: 'before' | 'breach';
  at: number;
  deadline: number;
};

/**
 * The reminders owed for first-attempt deadlines: one `minutesBefore` business minutes ahead, one
 * at breach. Never for sample records. Keys are stable (lead, kind, deadline), so a reminder
 * fires once even when recomputed after every change; a moved deadline is a new reminder.
 */
export function remindersFor(
  ranked: readonly RankedEntry[],
  calendar: BusinessCalendar,
  settings: { enabled: boolean; minutesBefore: number },
): Reminder[] {
  if (!settings.enabled) return [];
  const reminders: Reminder[] = [];
  for (const entry of ranked) {
    if (entry.lead.sample) continue;
    const { state, deadline } = entry.sla;
    if (deadline === undefined || (state !== 'first_attempt_due' && state !== 'first_attempt_breached'))
      continue;
    const base = { leadId: entry.lead.id, name: entry.lead.name, deadline };
    if (settings.minutesBefore > 0) {
      const at = addBusinessTime(calendar, deadline, -settings.minutesBefore * 60_000);
      reminders.push({ ...base, kind: 'before', at, key: `${entry.lead.id}:before:${deadline}` });
    }
    reminders.push({ ...base, kind: 'breach', at: deadline, key: `${entry.lead.id}:breach:${deadline}` });
  }
  return reminders.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}

/** What to notify now (due and not yet fired), and when the one alarm should ring next. */
export function planReminders(
  reminders: readonly Reminder[],
  fired: ReadonlySet<string>,
  now: number,
): { due: Reminder[]; nextAt: number | undefined } {
  const due: Reminder[] = [];
  let nextAt: number | undefined;
  for (const reminder of reminders) {
    if (fired.has(reminder.key)) continue;
    if (reminder.at <= now) due.push(reminder);
    else if (nextAt === undefined || reminder.at < nextAt) nextAt = reminder.at;
  }
  // Chrome fires alarms at most every 30 s: never ask for one sooner.
  return { due, nextAt: nextAt === undefined ? undefined : Math.max(nextAt, now + 30_000) };
}
