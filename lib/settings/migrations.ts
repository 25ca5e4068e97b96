import { defaultCalendar, resolvedTimeZone } from '../core/calendar';
import { defaultSettings, Settings } from './schema';

/** The version `settingsItem` stores; bump it together with a new entry in {@link settingsMigrations}. */
export const SETTINGS_VERSION = 2;

type Part = keyof Settings;
const PARTS = Object.keys(Settings.shape) as Part[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * v1 → v2, pure. Version 1 stored `ownDomains`, `source`, the SLA policy, score model and
 * qualification fields, but no business calendar, no reminders and no queue owner. Version 2 has
 * every part of {@link Settings}.
 *
 * Each part is migrated on its own: a part that is absent, or present but no longer valid, takes its
 * default, and every other part is kept. (A single bad part would otherwise make `readSettings` drop
 * the whole value, the user's own domains included.) Anything that is not an object gives the
 * defaults. A missing calendar gets the default one (Monday–Friday 9–5) in `timeZone`, by default
 * the browser's zone. Never throws.
 */
export function migrateSettingsV1ToV2(old: unknown, timeZone: string = resolvedTimeZone()): Settings {
  const source = isRecord(old) ? old : {};
  const defaults: Settings = { ...defaultSettings, calendar: defaultCalendar(timeZone) };
  const migrated: Record<string, unknown> = {};
  for (const part of PARTS) {
    const stored = source[part];
    const parsed = stored === undefined ? undefined : Settings.shape[part].safeParse(stored);
    migrated[part] = parsed?.success ? parsed.data : defaults[part];
  }
  return Settings.parse(migrated);
}

/** For `storage.defineItem(..., { version, migrations })`: key = the version migrated to. */
export const settingsMigrations: Record<number, (old: unknown) => Settings> = {
  2: (old) => migrateSettingsV1ToV2(old),
};

/**
 * A settings value stored at `version` (in a backup, say), brought to {@link SETTINGS_VERSION}.
 * Throws when it comes from a newer Baton, whose settings this one cannot know.
 */
export function migrateSettingsFrom(version: number, value: unknown): unknown {
  if (version > SETTINGS_VERSION)
    throw new Error(
      `they come from a newer Baton (settings version ${version}; this one reads ${SETTINGS_VERSION})`,
    );
  let migrated = value;
  for (let next = version + 1; next <= SETTINGS_VERSION; next++) {
    const step = settingsMigrations[next];
    if (step) migrated = step(migrated);
  }
  return migrated;
}
