import { storage } from '#imports';
import { defaultSettings, Settings } from './schema';

/**
 * Settings in `storage.local` (readable by content scripts, which need `ownDomains`; it holds
 * no secrets: the CRM token will live in the extension's IndexedDB).
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: defaultSettings,
  version: 1,
});

/** Reads settings, never throwing: a corrupt stored value gives the defaults. */
export async function readSettings(): Promise<Settings> {
  const parsed = Settings.safeParse(await settingsItem.getValue());
  if (!parsed.success)
    console.warn('[baton] stored settings are invalid; using defaults', parsed.error.issues);
  return parsed.success ? parsed.data : defaultSettings;
}
