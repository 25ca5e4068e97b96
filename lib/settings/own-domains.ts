import { browser } from 'wxt/browser';
import * as z from 'zod/mini';

const StoredOwnDomains = z.object({ ownDomains: z.array(z.string()) });

/**
 * The user's own email domains, for content scripts: a direct read of the settings item
 * (`local:settings` is stored under the key "settings"), because the full settings schema and
 * the storage wrapper would cost a content script more than its size budget.
 */
export async function readOwnDomains(): Promise<string[]> {
  const stored = await browser.storage.local.get('settings');
  const parsed = StoredOwnDomains.safeParse(stored.settings);
  return parsed.success ? parsed.data.ownDomains : [];
}

/** Calls `onChange` with the new own domains whenever the settings change (the options page saved). */
export function watchOwnDomains(onChange: (ownDomains: string[]) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !('settings' in changes)) return;
    const parsed = StoredOwnDomains.safeParse(changes.settings?.newValue);
    onChange(parsed.success ? parsed.data.ownDomains : []);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
