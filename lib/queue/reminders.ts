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

/**
 * A reminder more than this late is not notified: a deadline that passed while the browser was
 * closed, or the backlog of an import (thousands of old MQLs), is for the badge and the queue,
 * not a storm of notifications.
 */
export const REMINDER_LATE_MS = 60 * 60_000;

/**
 * What to notify now (due within the last `REMINDER_LATE_MS` and not yet fired), when the one
 * alarm should ring next, and the fired keys worth remembering: only those that could still come
 * due, so the list stays as small as the reminders of the last hour.
 */
export function planReminders(
  reminders: readonly Reminder[],
  fired: ReadonlySet<string>,
  now: number,
): { due: Reminder[]; nextAt: number | undefined; remember: string[] } {
  const due: Reminder[] = [];
  const remember: string[] = [];
  let nextAt: number | undefined;
  for (const reminder of reminders) {
    if (reminder.at <= now - REMINDER_LATE_MS) continue;
    if (fired.has(reminder.key)) {
      remember.push(reminder.key);
      continue;
    }
    if (reminder.at <= now) {
      due.push(reminder);
      remember.push(reminder.key);
    } else if (nextAt === undefined || reminder.at < nextAt) nextAt = reminder.at;
  }
  // Chrome fires alarms at most every 30 s: never ask for one sooner.
  return { due, nextAt: nextAt === undefined ? undefined : Math.max(nextAt, now + 30_000), remember };
}

/** More reminders due at once than this are gathered into one notification. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

export type ReminderNotification = { id: string; title: string; message: string };

/**
 * The notifications for the reminders due now: one per lead when there are a few (its id names
 * the lead, so a click can focus its tab), else one that counts them and names the first.
 */
export function notificationsFor(
  due: readonly Reminder[],
  now: number,
  formatTime: (at: number) => string,
): ReminderNotification[] {
  if (due.length <= MAX_SEPARATE_NOTIFICATIONS)
    return due.map((reminder) => ({
      id: `lead:${reminder.leadId}:${reminder.key}`,
      title:
        reminder.kind === 'breach'
          ? `First attempt breached: ${reminder.name}`
          : `First attempt due soon: ${reminder.name}`,
      message:
        reminder.kind === 'breach'
          ? 'The SLA deadline for the first attempt has passed.'
          : `Due ${formatTime(reminder.deadline)}.`,
    }));
  const breached = due.filter((reminder) => reminder.kind === 'breach').length;
  const names = [...new Set(due.map((reminder) => reminder.name))];
  const shown = names.slice(0, MAX_SEPARATE_NOTIFICATIONS);
  const more = names.length - shown.length;
  return [
    {
      id: `reminders:${now}`,
      title: `${names.length} leads need a first attempt`,
      message: `${breached > 0 ? `${breached} breached. ` : ''}${shown.join(', ')}${
        more > 0 ? ` and ${more} more` : ''
      }: see the queue in Baton.`,
    },
  ];
}
