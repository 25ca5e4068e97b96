import { browser } from 'wxt/browser';
import { activeSource } from '@/lib/background/active-source';
import {
  focusLeadTab,
  openQueueWindow,
  REFRESH_ALARM,
  REMINDER_ALARM,
  refreshAttention,
} from '@/lib/background/attention';
import { pruneCrmCacheHourly } from '@/lib/background/crm-cache-retention';
import { foreground } from '@/lib/background/foreground';
import { injectIntoOpenTabs } from '@/lib/background/inject-open-tabs';
import { OUTBOX_ALARM, outboxRunner } from '@/lib/background/outbox-runner';
import { registerReportMenu } from '@/lib/background/report-menu';
import { registerRouter } from '@/lib/background/router';
import { salesforceTokens } from '@/lib/background/salesforce-tokens';
import { forgetTab, forgetTabIfLeftSite } from '@/lib/background/tab-states';
import { countBackgroundStart } from '@/lib/background/test-start-count';
import { toolbarAction } from '@/lib/background/toolbar-action';
import { forgetCrmShared, newCrmShared } from '@/lib/crm/connected';
import { broadcast } from '@/lib/messaging/messenger';
import { leadIdOfNotification, SUMMARY_NOTIFICATION_PREFIX } from '@/lib/queue/reminders';
import { settingsItem } from '@/lib/settings/item';
import { watchManagedPolicy } from '@/lib/settings/managed';
import { type BatonDb, openBatonDb } from '@/lib/store/db';
import { repairStaleSummaries } from '@/lib/store/summary-catch-up';

// Firefox (MV2): an event page, unloaded when idle like Chrome's service worker; what must outlive
// it is in storage.session, storage.local, IndexedDB and alarms.
export default defineBackground({
  persistent: false,
  main: () => {
    void countBackgroundStart();
    // Opened lazily: a worker woken for a message that needs no data does not open IndexedDB.
    let db: BatonDb | undefined;
    // One pace for every CRM request the worker makes (card reads and the outbox alike), one read
    // cache that the outbox's sends clear, and one Salesforce session renewed for all.
    const crm = newCrmShared(salesforceTokens());
    const outbox = outboxRunner((result) => {
      if (result.sent + result.failed + result.retried > 0 || result.paused)
        broadcast('leadChanged', { activityOnly: true });
    }, crm);
    const active = activeSource(
      () => getDb(),
      (delayMs) => outbox.wake(delayMs),
      crm,
    );
    const getDb = () => {
      db ??= openBatonDb();
      return db;
    };
    // HubSpot when connected, else the local store: one data path for the panel either way.
    const getSource = () => active.source;

    // Badge and reminders catch up after changes, coalesced: a burst of writes costs one refresh,
    // and it waits for any report being read (lib/background/foreground.ts).
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => {
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(
        () =>
          void foreground
            .whenIdle()
            .then(() => refreshAttention(getSource()))
            .catch(console.error),
        300,
      );
    };

    // Listeners are registered synchronously at start-up, so a worker woken by an event gets it.
    registerRouter(
      { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, '') },
      getSource,
      getDb,
      refreshSoon,
      () => {
        active.connectionChanged();
        forgetCrmShared(crm);
      },
    );
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === REMINDER_ALARM || alarm.name === REFRESH_ALARM) refreshSoon();
      if (alarm.name === REFRESH_ALARM) void pruneCrmCacheHourly().catch(console.error);
      // Summaries an import left stale when its page closed mid-way (store/summary-catch-up.ts).
      if (alarm.name === REFRESH_ALARM)
        void repairStaleSummaries(getDb())
          .then(async (repaired) => {
            if (repaired) await getSource().activityChanged();
          })
          .catch(console.error);
      if (alarm.name === OUTBOX_ALARM) void outbox.flushNow().catch(console.error);
    });
    browser.notifications.onClicked.addListener((notificationId) => {
      const leadId = leadIdOfNotification(notificationId);
      if (leadId) void focusLeadTab(getSource(), leadId);
      if (notificationId.startsWith(SUMMARY_NOTIFICATION_PREFIX)) void openQueueWindow().catch(console.error);
      void browser.notifications.clear(notificationId);
    });
    settingsItem.watch(refreshSoon);
    watchManagedPolicy(refreshSoon);
    // The badge ticks with time even when nothing changes; alarms survive the worker being stopped.
    void browser.alarms.get(REFRESH_ALARM).then((existing) => {
      if (!existing) void browser.alarms.create(REFRESH_ALARM, { periodInMinutes: 1 });
    });
    refreshSoon();
    // Whatever was left unsent when the worker or the browser stopped goes out now.
    outbox.wake(0);
    browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
    // A tab that loads a page of another site no longer shows what its old content script saw.
    browser.tabs.onUpdated.addListener((tabId, change, tab) => {
      if (change.status !== 'loading') return;
      void forgetTabIfLeftSite(tabId, tab.url).then(
        (forgot) => forgot && broadcast('tabStateChanged', { tabId }),
      );
    });
    browser.runtime.onInstalled.addListener(() => void injectIntoOpenTabs());
    // The toolbar icon's context menu opens the weekly report.
    registerReportMenu();

    // The toolbar button opens the panel: Chrome by side-panel behaviour, Firefox by toggling its sidebar.
    const sidePanel = (
      globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }
    ).chrome?.sidePanel;
    sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(console.error);
    // toggle() is called synchronously in the click handler: Firefox allows it only in a user gesture.
    const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
    if (sidebar) toolbarAction()?.onClicked.addListener(() => void sidebar.toggle());
  },
});
