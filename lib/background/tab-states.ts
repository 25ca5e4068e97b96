import { browser } from 'wxt/browser';
import { storage } from '#imports';
import { TabState } from '../messaging/protocol';

/**
 * Tab → identity, kept in `storage.session`: it outlives the service worker (which the browser
 * stops at will) but not the browser session, and is not readable by content scripts.
 */
const keyOf = (tabId: number) => `session:tab-${tabId}` as const;

export async function saveTabState(state: TabState): Promise<void> {
  await storage.setItem(keyOf(state.tabId), TabState.parse(state));
}

export async function readTabState(tabId: number): Promise<TabState | null> {
  const parsed = TabState.safeParse(await storage.getItem(keyOf(tabId)));
  return parsed.success ? parsed.data : null;
}

export async function forgetTab(tabId: number): Promise<void> {
  await storage.removeItem(keyOf(tabId));
}

/** Forgets a tab's identity when it navigated to another origin (or to a page Baton cannot see). */
export async function forgetTabIfLeftSite(tabId: number, url: string | undefined): Promise<boolean> {
  const state = await readTabState(tabId);
  if (!state?.url) return false;
  const origin = (value: string) => {
    try {
      return new URL(value).origin;
    } catch {
      return undefined;
    }
  };
  if (url && origin(url) === origin(state.url)) return false;
  await forgetTab(tabId);
  return true;
}

/** Every tab's state (for a notification click: which tab shows this lead). */
export async function listTabStates(): Promise<TabState[]> {
  const all = await browser.storage.session.get(null);
  return Object.entries(all).flatMap(([key, value]) => {
    if (!key.startsWith('tab-')) return [];
    const parsed = TabState.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  });
}
