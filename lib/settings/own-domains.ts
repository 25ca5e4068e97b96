import { browser } from 'wxt/browser';
import * as z from 'zod/mini';

const StoredOwnDomains = z.object({ ownDomains: z.array(z.string()) });
const PolicyText = z.object({ settings: StoredOwnDomains });

/** As `Settings.ownDomains` stores them: trimmed, lower case, without a leading "@". */
const normalised = (domains: string[]) =>
  domains.map((domain) => domain.trim().toLowerCase().replace(/^@/, '')).filter(Boolean);

/** How long a content script waits for managed storage (Chromium may never answer without a policy). */
const MANAGED_WAIT_MS = 250;

/**
 * The administrator's own domains from managed storage (`ownDomains`, else the `teamPolicy`
 * file's), or undefined when the policy sets none. Read with zod/mini and no settings module,
 * for the content script's size budget; lib/settings/managed.ts reads the same keys for the rest.
 */
export function managedOwnDomains(values: unknown): string[] | undefined {
  const record = (typeof values === 'object' && values !== null ? values : {}) as Record<string, unknown>;
  const direct = z.array(z.string()).safeParse(record.ownDomains);
  if (direct.success) return normalised(direct.data);
  if (typeof record.teamPolicy !== 'string') return undefined;
  try {
    const parsed = PolicyText.safeParse(JSON.parse(record.teamPolicy.replace(/^\uFEFF/, '')));
    return parsed.success ? normalised(parsed.data.settings.ownDomains) : undefined;
  } catch {
    return undefined;
  }
}

async function readManagedValues(): Promise<unknown> {
  const area = browser.storage?.managed;
  if (!area) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([
      area.get(null),
      new Promise((resolve) => {
        timer = setTimeout(() => resolve(undefined), MANAGED_WAIT_MS);
      }),
    ]);
  } catch {
    // Firefox throws when no policy is installed.
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The user's own email domains, for content scripts: the administrator's when the managed policy
 * sets them (managed values win, as in readSettings), else a direct read of the settings item
 * (`local:settings` is stored under the key "settings").
 */
export async function readOwnDomains(): Promise<string[]> {
  const [stored, managed] = await Promise.all([browser.storage.local.get('settings'), readManagedValues()]);
  const fromPolicy = managedOwnDomains(managed);
  if (fromPolicy) return fromPolicy;
  const parsed = StoredOwnDomains.safeParse(stored.settings);
  return parsed.success ? normalised(parsed.data.ownDomains) : [];
}

/**
 * Calls `onChange` with the own domains in force whenever they may have changed: the options page
 * saved, or the administrator changed the policy.
 */
export function watchOwnDomains(onChange: (ownDomains: string[]) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'managed' || (area === 'local' && 'settings' in changes))
      void readOwnDomains().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
