import { storage } from '#imports';
import { readManagedPolicy } from './managed';
import { SETTINGS_VERSION, settingsMigrations } from './migrations';
import { withPolicy } from './policy-file';
import { defaultSettings, Settings } from './schema';

/**
 * Settings in `storage.local` (readable by content scripts, which need `ownDomains`; it holds
 * no secrets: the CRM token will live in the extension's IndexedDB). Versioned: WXT runs the
 * migrations in `migrations.ts` on a value stored by an older version, once, when this module loads.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: defaultSettings,
  version: SETTINGS_VERSION,
  migrations: settingsMigrations,
});

/**
 * The settings in force: this browser's, with the administrator's managed policy in place of
 * the parts it sets (managed values win). Never throws.
 */
export async function readSettings(): Promise<Settings> {
  const [local, managed] = await Promise.all([readLocalSettings(), readManagedPolicy()]);
  if (managed.managed.length === 0) return local;
  try {
    return withPolicy(local, managed.settings);
  } catch {
    return local;
  }
}

/** This browser's own settings, never throwing: a corrupt stored value gives the defaults. */
export async function readLocalSettings(): Promise<Settings> {
  const parsed = Settings.safeParse(await settingsItem.getValue());
  if (!parsed.success)
    console.warn('[baton] stored settings are invalid; using defaults', parsed.error.issues);
  return parsed.success ? parsed.data : defaultSettings;
}

/**
 * Replaces one part of the settings and keeps the others as stored. `value` must already be valid
 * for its part; the whole value is checked again before it is written, so nothing invalid is stored.
 */
export async function saveSettingsPart<K extends keyof Settings>(
  key: K,
  value: Settings[K],
): Promise<Settings> {
  // This browser's own value is what is written: a managed value is never copied into it.
  const next = Settings.parse({ ...(await readLocalSettings()), [key]: value });
  await settingsItem.setValue(next);
  return next;
}

/** Replaces this browser's own settings whole (a restored backup); checked again before it is written. */
export async function replaceLocalSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(Settings.parse(settings));
}
