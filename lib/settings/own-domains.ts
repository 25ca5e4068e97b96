import * as z from 'zod/mini';
import { storage } from '#imports';

const StoredOwnDomains = z.object({ ownDomains: z.array(z.string()) });

/**
 * The user's own email domains, for content scripts: a small read of the settings item (the
 * full settings schema would cost a content script more than its whole size budget).
 */
export async function readOwnDomains(): Promise<string[]> {
  const parsed = StoredOwnDomains.safeParse(await storage.getItem('local:settings'));
  return parsed.success ? parsed.data.ownDomains : [];
}
