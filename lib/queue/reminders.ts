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
 * A breach more than this late is not notified: a deadline that passed while the browser was
 * closed, or the backlog of an import (thousands of old MQLs), is for the badge and the queue,
 * not a storm of notifications. A "due soon" reminder stays due until its deadline passes (its
 * time is counted in business time, so it may fall the evening before a morning deadline); then
 * the breach reminder takes over.
 */
export const REMINDER_LATE_MS = 60 * 60_000;

/** The deadline a reminder key names (`lead:kind:deadline`). */
const deadlineOfKey = (key: string) => Number(key.slice(key.lastIndexOf(':') + 1));

/**
 * What to notify now, when the one alarm should ring next, and the fired keys worth remembering:
 * those whose deadline is not more than `REMINDER_LATE_MS` past (older ones can never come due
 * again), whether or not their lead is still in today's list, so a reminder never fires twice
 * when a lead leaves the list and comes back, or reminders are switched off and on.
 */
export function planReminders(
  reminders: readonly Reminder[],
  fired: ReadonlySet<string>,
  now: number,
): { due: Reminder[]; nextAt: number | undefined; remember: string[] } {
  const due: Reminder[] = [];
  let nextAt: number | undefined;
  for (const reminder of reminders) {
    if (fired.has(reminder.key) || !Number.isFinite(reminder.at) || !Number.isFinite(reminder.deadline))
      continue;
    const late =
      reminder.kind === 'before' ? reminder.deadline <= now : reminder.at <= now - REMINDER_LATE_MS;
    if (late) continue;
    if (reminder.at <= now) due.push(reminder);
    else if (nextAt === undefined || reminder.at < nextAt) nextAt = reminder.at;
  }
  const remember = [...fired].filter((key) => deadlineOfKey(key) > now - REMINDER_LATE_MS);
  remember.push(...due.map((reminder) => reminder.key));
  // Chrome fires alarms at most every 30 s: never ask for one sooner.
  return { due, nextAt: nextAt === undefined ? undefined : Math.max(nextAt, now + 30_000), remember };
}

/** More leads due at once than this are gathered into one notification. */
export const MAX_SEPARATE_NOTIFICATIONS = 3;

/** The id of a notification that gathers several leads: a click opens Baton's queue. */
export const SUMMARY_NOTIFICATION_PREFIX = 'reminders:';
/** The id of a notification about one lead: `lead:<encoded lead id>:<reminder key>`. */
const LEAD_NOTIFICATION_PREFIX = 'lead:';

/** The lead a notification is about (ids such as HubSpot's `hubspot:123` hold colons, hence encoded). */
export function leadIdOfNotification(notificationId: string): string | undefined {
  if (!notificationId.startsWith(LEAD_NOTIFICATION_PREFIX)) return undefined;
  const encoded = notificationId.slice(LEAD_NOTIFICATION_PREFIX.length).split(':')[0];
  try {
    return encoded ? decodeURIComponent(encoded) : undefined;
  } catch {
    return undefined;
  }
}

export type ReminderNotification = { id: string; title: string; message: string };

/**
 * The notifications for the reminders due now: one per lead when there are a few (its id names
 * the lead, so a click can focus its tab), else one that counts the leads and names the first.
 */
export function notificationsFor(
  due: readonly Reminder[],
  now: number,
  formatTime: (at: number) => string,
): ReminderNotification[] {
  const leads = new Map<string, Reminder>();
  for (const reminder of due) leads.set(reminder.leadId, reminder);
  if (leads.size <= MAX_SEPARATE_NOTIFICATIONS)
    return due.map((reminder) => ({
      id: `${LEAD_NOTIFICATION_PREFIX}${encodeURIComponent(reminder.leadId)}:${reminder.key}`,
      title:
        reminder.kind === 'breach'
          ? `First attempt breached: ${reminder.name}`
          : `First attempt due soon: ${reminder.name}`,
      message:
        reminder.kind === 'breach'
          ? 'The SLA deadline for the first attempt has passed.'
          : `Due ${formatTime(reminder.deadline)}.`,
    }));
  const breached = new Set(due.filter((r) => r.kind === 'breach').map((r) => r.leadId)).size;
  const names = [...leads.values()].slice(0, MAX_SEPARATE_NOTIFICATIONS).map((r) => r.name);
  const more = leads.size - names.length;
  return [
    {
      id: `${SUMMARY_NOTIFICATION_PREFIX}${now}`,
      title: `${leads.size} leads need a first attempt`,
      message: `${breached > 0 ? `${breached} breached. ` : ''}${names.join(', ')}${
        more > 0 ? ` and ${more} more` : ''
      }. Click to open the queue.`,
    },
  ];
}
