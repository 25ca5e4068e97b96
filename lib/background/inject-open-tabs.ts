import { browser } from 'wxt/browser';

/**
 * Tabs already open when Baton is installed or updated have no (or an orphaned) content
 * script; inject the manifest's content scripts into every matching tab so the panel works
 * without a reload.
 */
// WXT types `files` as its own public paths; the manifest's entries are exactly those paths.
type Injection = Parameters<typeof browser.scripting.executeScript>[0];

export async function injectIntoOpenTabs(): Promise<void> {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  for (const script of scripts) {
    const tabs = await browser.tabs.query({ url: script.matches });
    for (const tab of tabs) {
      if (tab.id === undefined || !script.js?.length) continue;
      await browser.scripting
        .executeScript({ target: { tabId: tab.id }, files: script.js } as Injection)
        .catch((error: unknown) => console.warn(`[baton] could not inject into tab ${tab.id}`, error));
    }
  }
}
