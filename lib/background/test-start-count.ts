import { browser } from 'wxt/browser';

/** storage.local key of the background's start count (Firefox test builds only). */
export const BACKGROUND_STARTS_KEY = 'testBackgroundStarts';

/**
 * Firefox test builds only: counts the event page's starts in storage.local, so the Firefox suite
 * can tell that Firefox unloaded it and a later message started it again (a framed extension page
 * has no `extension.getViews` to ask). The store build never includes it.
 */
export async function countBackgroundStart(): Promise<void> {
  if (import.meta.env.WXT_BATON_TEST_BUILD !== 'true' || import.meta.env.BROWSER !== 'firefox') return;
  const stored = await browser.storage.local.get(BACKGROUND_STARTS_KEY);
  const starts = Number(stored[BACKGROUND_STARTS_KEY] ?? 0);
  await browser.storage.local.set({ [BACKGROUND_STARTS_KEY]: starts + 1 });
}
