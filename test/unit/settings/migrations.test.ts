import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { defaultCalendar } from '@/lib/core/calendar';
import { defaultScoreModel } from '@/lib/core/score';
import { defaultSlaPolicy } from '@/lib/core/sla';
import { readSettings, settingsItem } from '@/lib/settings/item';
import { migrateSettingsV1ToV2, SETTINGS_VERSION, settingsMigrations } from '@/lib/settings/migrations';
import { defaultSettings, Settings } from '@/lib/settings/schema';
import { defaultReportTargets } from '../../../lib/report/targets';

/** What version 1 stored: no calendar, no reminders, no owner. */
const v1 = {
  ownDomains: ['acme.example'],
  source: 'local',
  slaPolicy: {
    firstAttemptBusinessMinutes: 120,
    cadenceAttempts: 3,
    cadenceCalendarDays: 7,
    tiers: [],
    completeOnConnect: false,
  },
  scoreModel: { ...defaultScoreModel, mqlThreshold: 50 },
  qualificationFields: [{ key: 'budget', label: 'Budget', owner: 'sales', blocksSql: true, input: 'amount' }],
};

describe('migrateSettingsV1ToV2', () => {
  test('keeps what v1 stored and fills the calendar, reminders and owner with defaults', () => {
    const migrated = migrateSettingsV1ToV2(v1, 'Europe/Berlin');
    expect(migrated).toEqual({
      ...v1,
      calendar: defaultCalendar('Europe/Berlin'),
      reminders: { enabled: true, minutesBefore: 30 },
      owner: '',
      crmCacheDays: 30,
      reportTargets: defaultReportTargets,
    });
    expect(Settings.safeParse(migrated).success).toBe(true);
  });

  test('the default calendar is in the given zone, else the runtime zone', () => {
    expect(migrateSettingsV1ToV2(v1, 'America/New_York').calendar.timeZone).toBe('America/New_York');
    expect(migrateSettingsV1ToV2(v1).calendar).toEqual(defaultCalendar());
  });

  test('a part that is no longer valid takes its default; the other parts are kept', () => {
    const broken = {
      ...v1,
      slaPolicy: { ...v1.slaPolicy, cadenceAttempts: 0 },
      ownDomains: ['not a domain'],
      unknownKey: 42,
    };
    const migrated = migrateSettingsV1ToV2(broken, 'UTC');
    expect(migrated.slaPolicy).toEqual(defaultSlaPolicy);
    expect(migrated.ownDomains).toEqual([]);
    expect(migrated.scoreModel.mqlThreshold).toBe(50);
    expect(migrated.qualificationFields).toEqual(v1.qualificationFields);
    expect(migrated).not.toHaveProperty('unknownKey');
  });

  test('normalises what the schema normalises (domains, defaults inside parts)', () => {
    const migrated = migrateSettingsV1ToV2(
      { ownDomains: ['@Acme.Example'], slaPolicy: { cadenceAttempts: 2 } },
      'UTC',
    );
    expect(migrated.ownDomains).toEqual(['acme.example']);
    expect(migrated.slaPolicy).toEqual({ ...defaultSlaPolicy, cadenceAttempts: 2 });
  });

  test.each([null, undefined, 'settings', 42, [1, 2]])('%j gives the defaults', (old) => {
    expect(migrateSettingsV1ToV2(old, 'UTC')).toEqual({
      ...defaultSettings,
      calendar: defaultCalendar('UTC'),
    });
  });

  test('a value that is already complete comes out unchanged', () => {
    const complete = { ...defaultSettings, ownDomains: ['acme.example'], owner: 'a@acme.example' };
    expect(migrateSettingsV1ToV2(complete, 'UTC')).toEqual(complete);
  });

  test('is the migration to version 2', () => {
    expect(SETTINGS_VERSION).toBe(2);
    expect(settingsMigrations[2]?.(v1)).toEqual(migrateSettingsV1ToV2(v1));
  });
});

describe('settingsItem', () => {
  beforeEach(() => fakeBrowser.reset());

  test('migrates a stored v1 value to v2 in storage', async () => {
    // v1 wrote the value with no version metadata (WXT reads that as version 1).
    await fakeBrowser.storage.local.set({ settings: v1 });
    await settingsItem.migrate();
    const { settings, settings$ } = await fakeBrowser.storage.local.get(['settings', 'settings$']);
    expect(settings$).toEqual({ v: 2 });
    expect(settings).toMatchObject({ ownDomains: ['acme.example'], owner: '', reminders: { enabled: true } });
    expect((await readSettings()).slaPolicy.cadenceAttempts).toBe(3);
    expect((await readSettings()).calendar.hours.mon).toEqual([{ start: '09:00', end: '17:00' }]);
  });

  test('leaves a value already at version 2 alone', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...v1, owner: 'kept@acme.example' },
      settings$: { v: 2 },
    });
    await settingsItem.migrate();
    expect((await fakeBrowser.storage.local.get('settings')).settings).not.toHaveProperty('calendar');
  });

  test('the first save into empty storage records version 2', async () => {
    await settingsItem.migrate(); // as on a fresh install: nothing stored
    await settingsItem.setValue(defaultSettings);
    expect((await fakeBrowser.storage.local.get('settings$')).settings$).toEqual({ v: 2 });
  });
});
