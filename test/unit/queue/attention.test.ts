import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openQueueWindow, refreshAttention } from '@/lib/background/attention';
import { defaultCalendar } from '@/lib/core';
import type { Lead } from '@/lib/model/schemas';
import { panelStartView } from '@/lib/panel-target';
import { settingsItem } from '@/lib/settings/item';
import { defaultSettings } from '@/lib/settings/schema';
import { BatonDb, toStoredLead } from '@/lib/store/db';
import { LocalLeadSource } from '@/lib/store/local-source';
import { rebuildAllSummaries } from '@/lib/store/summaries';

// Tuesday 24 Nov 2026, 14:00 in New York (business hours 09:00–17:00, first attempt within 4 h).
const NOW = Date.parse('2026-11-24T19:00:00Z');
let db: BatonDb;

const mql = (id: string, mqlAt: string): Lead => ({
  id,
  name: `Lead ${id}`,
  emails: [`${id}@x.example`],
  crm: [],
  stage: 'mql',
  mqlAt,
  sample: false,
  updatedAt: mqlAt,
});

beforeEach(async () => {
  fakeBrowser.reset();
  db = new BatonDb(`attention-${crypto.randomUUID()}`);
  await settingsItem.setValue({ ...defaultSettings, calendar: defaultCalendar('America/New_York') });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('badge and reminders after an import', () => {
  test('a backlog of overdue MQLs fires nothing; a few fresh breaches fire one notification, once', async () => {
    const backlog = Array.from({ length: 1500 }, (_, i) => mql(`old-${i}`, '2026-11-16T15:00:00Z'));
    // 09:50 in New York: the deadline was 13:50, ten minutes ago; the 30-minute warning at 13:20.
    const fresh = Array.from({ length: 4 }, (_, i) => mql(`new-${i}`, '2026-11-24T14:50:00Z'));
    await db.leads.bulkPut([...backlog, ...fresh].map(toStoredLead));
    await rebuildAllSummaries(db); // rows written straight into the table: summaries as the migration builds them
    const create = vi.spyOn(fakeBrowser.notifications, 'create').mockResolvedValue('');
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const source = new LocalLeadSource(db);

    await refreshAttention(source, NOW);
    expect(badge).toHaveBeenLastCalledWith({ text: '999+' }); // 1,504 breached
    expect(create).toHaveBeenCalledTimes(1);
    expect((create.mock.calls[0] as unknown[] | undefined)?.[1]).toMatchObject({
      title: '4 leads need a first attempt',
      message: '4 breached. Lead new-0, Lead new-1, Lead new-2 and 1 more. Click to open the queue.',
    });

    // The refresh runs every minute: nothing fires twice, and only the fresh keys are remembered.
    await refreshAttention(source, NOW + 60_000);
    expect(create).toHaveBeenCalledTimes(1);
    const { 'reminders-fired': fired } = await fakeBrowser.storage.local.get('reminders-fired');
    expect(fired).toHaveLength(4); // their breaches: the warnings' deadline has passed
  });
});

describe('a click on the gathered notification', () => {
  test('opens the queue in its own window, following the last focused window', async () => {
    vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ id: 7 } as never);
    const create = vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({} as never);
    await openQueueWindow();
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(/\/sidepanel\.html\?view=queue&window=7$/),
        type: 'popup',
      }),
    );
    expect(panelStartView('?view=queue&window=7')).toBe('queue');
    expect(panelStartView('?tab=3')).toBe('tab');
  });
});
