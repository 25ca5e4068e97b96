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
