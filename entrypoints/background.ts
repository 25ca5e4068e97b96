import { browser } from 'wxt/browser';
import { injectIntoOpenTabs } from '@/lib/background/inject-open-tabs';
import { registerRouter } from '@/lib/background/router';
import { forgetTab, forgetTabIfLeftSite } from '@/lib/background/tab-states';
import { broadcast } from '@/lib/messaging/messenger';
import { BatonDb } from '@/lib/store/db';
import { LocalLeadSource } from '@/lib/store/local-source';

export default defineBackground(() => {
  // Opened lazily: a worker woken for a message that needs no data does not open IndexedDB.
  let db: BatonDb | undefined;
  let source: LocalLeadSource | undefined;
  const getDb = () => {
    db ??= new BatonDb();
    return db;
  };
  const getSource = () => {
    source ??= new LocalLeadSource(getDb());
    return source;
  };

  // Listeners are registered synchronously at start-up, so a worker woken by an event gets it.
  registerRouter(
    { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, '') },
    getSource,
    getDb,
  );
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // A tab that loads a page of another site no longer shows what its old content script saw.
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status !== 'loading') return;
    void forgetTabIfLeftSite(tabId, tab.url).then(
      (forgot) => forgot && broadcast('tabStateChanged', { tabId }),
    );
  });
  browser.runtime.onInstalled.addListener(() => void injectIntoOpenTabs());

  // The toolbar button opens the panel: Chrome by side-panel behaviour, Firefox by toggling its sidebar.
  const sidePanel = (
    globalThis as { chrome?: { sidePanel?: { setPanelBehavior(o: object): Promise<void> } } }
  ).chrome?.sidePanel;
  sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch(console.error);
  const firefox = browser as unknown as {
    sidebarAction?: { toggle(): Promise<void> };
    browserAction?: typeof browser.action;
  };
  if (firefox.sidebarAction) {
    const action = browser.action ?? firefox.browserAction;
    action?.onClicked.addListener(() => void firefox.sidebarAction?.toggle());
  }
});
