import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { planReminders, remindersFor } from '../queue/reminders';
import { badgeFor, rankQueue } from '../queue/urgency';
import { readSettings } from '../settings/item';
import type { LeadSource } from '../source/lead-source';
import { loadQueueEntries } from './queue';
import { listTabStates } from './tab-states';

export const REMINDER_ALARM = 'baton-reminder';
export const REFRESH_ALARM = 'baton-refresh';
const firedItem = storage.defineItem<string[]>('local:reminders-fired', { fallback: [] });

/**
 * Recomputes what needs the rep's attention: the badge (breached + due within the hour) and the
 * one alarm for the next reminder. Called after every change, on the refresh alarm and at
 * start-up; fires reminders that came due. Alarms, not timers: the worker may be asleep.
 */
export async function refreshAttention(source: LeadSource, now = Date.now()): Promise<void> {
  const settings = await readSettings();
  const ranked = rankQueue(
    // SLA only: the badge counts and reminders do not depend on scores, so no touches are read.
    await loadQueueEntries(source, settings, now, { scores: false }),
    settings.slaPolicy,
    settings.calendar,
    now,
  );

  const badge = badgeFor(ranked);
  await browser.action.setBadgeText({ text: badge.text });
  await browser.action.setBadgeBackgroundColor({ color: badge.color });

  const fired = new Set(await firedItem.getValue());
  const { due, nextAt } = planReminders(
    remindersFor(ranked, settings.calendar, settings.reminders),
    fired,
    now,
  );
  for (const reminder of due) {
    await browser.notifications.create(`lead:${reminder.leadId}:${reminder.key}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title:
        reminder.kind === 'breach'
          ? `First attempt breached: ${reminder.name}`
          : `First attempt due soon: ${reminder.name}`,
      message:
        reminder.kind === 'breach'
          ? 'The SLA deadline for the first attempt has passed.'
          : `Due ${new Date(reminder.deadline).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.`,
    });
    fired.add(reminder.key);
  }
  if (due.length > 0) await firedItem.setValue([...fired].slice(-1000));
  await browser.alarms.clear(REMINDER_ALARM);
  if (nextAt !== undefined) await browser.alarms.create(REMINDER_ALARM, { when: nextAt });
}

/**
 * A notification click is not a user gesture, so it cannot open the side panel; it focuses the
 * lead's tab when one is open, and the panel shows that lead when opened.
 */
export async function focusLeadTab(source: LeadSource, leadId: string): Promise<boolean> {
  for (const state of await listTabStates()) {
    if (!state.identity) continue;
    const lead = await source.findByIdentity(state.identity);
    if (lead?.id !== leadId) continue;
    const tab = await browser.tabs.update(state.tabId, { active: true });
    if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return true;
  }
  return false;
}
