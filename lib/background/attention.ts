import { browser } from 'wxt/browser';
import { storage } from '#imports';
import type { LeadSource } from '../lead-source/lead-source';
import { notificationsFor, planReminders, remindersFor } from '../queue/reminders';
import { badgeFor, rankQueue } from '../queue/urgency';
import { readSettings } from '../settings/item';
import { loadQueueEntries } from './load-queue-entries';
import { listTabStates } from './tab-states';
import { toolbarAction } from './toolbar-action';

export const REMINDER_ALARM = 'baton-reminder';
export const REFRESH_ALARM = 'baton-refresh';
const firedItem = storage.defineItem<string[]>('local:reminders-fired', { fallback: [] });

/** Forgets the fired-reminder keys of some leads (keys start with the lead id): storage.local is readable by content scripts. */
export async function forgetFiredReminders(leadIdPrefix: string): Promise<void> {
  const stored = await firedItem.getValue();
  const kept = stored.filter((key) => !key.startsWith(leadIdPrefix));
  if (kept.length !== stored.length) await firedItem.setValue(kept);
}

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
  const action = toolbarAction();
  await action?.setBadgeText({ text: badge.text });
  await action?.setBadgeBackgroundColor({ color: badge.color });

  const stored = await firedItem.getValue();
  const { due, nextAt, remember } = planReminders(
    remindersFor(ranked, settings.calendar, settings.reminders),
    new Set(stored),
    now,
  );
  const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  for (const notification of notificationsFor(due, now, time)) {
    await browser.notifications.create(notification.id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: notification.title,
      message: notification.message,
    });
  }
  // Written only when it changed: this runs every minute.
  if (remember.length !== stored.length || remember.some((key, i) => key !== stored[i]))
    await firedItem.setValue(remember);
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

/**
 * A click on a notification that gathers several leads opens Baton's queue in its own window
 * (a notification click is not a user gesture, so the side panel cannot be opened), following the
 * last focused browser window's active tab like the panel's "Pop out".
 */
export async function openQueueWindow(): Promise<void> {
  const current = await browser.windows.getLastFocused({ windowTypes: ['normal'] }).catch(() => undefined);
  const follow = current?.id === undefined ? '' : `&window=${current.id}`;
  await browser.windows.create({
    url: browser.runtime.getURL(`/sidepanel.html?view=queue${follow}` as '/sidepanel.html'),
    type: 'popup',
    width: 420,
    height: 820,
  });
}
