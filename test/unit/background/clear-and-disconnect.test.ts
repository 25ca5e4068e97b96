import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { forgetFiredReminders } from '@/lib/background/attention';
import { connectHubSpot } from '@/lib/background/crm-connect';
import { registerRouter } from '@/lib/background/router';
import { readConnection, saveConnection } from '@/lib/crm/connection';
import { defaultFieldMap } from '@/lib/crm/hubspot/mapping';
import { defaultHubSpotSetup } from '@/lib/crm/hubspot/setup';
import { forgetHubSpotShared, newHubSpotShared } from '@/lib/crm/hubspot/source';
import { pruneCrmCache } from '@/lib/crm/retention';
import { readSalesforceConnection, saveSalesforceConnection } from '@/lib/crm/salesforce/connection';
import { defaultSalesforceSetup } from '@/lib/crm/salesforce/setup';
import type { LeadSource } from '@/lib/lead-source/lead-source';
import type { Lead } from '@/lib/model/schemas';
import { crmDb } from '@/lib/store/crm-db';
import { BatonDb } from '@/lib/store/db';
import { loadSampleWorkspace } from '@/lib/store/workspace';

const handlers = new Map<string, (data: unknown, sender: unknown) => unknown>();
vi.mock('@/lib/messaging/handle', () => ({
  handle: (type: string, _context: unknown, handler: (data: unknown, sender: unknown) => unknown) =>
    handlers.set(type, handler),
}));
vi.mock('@/lib/messaging/messenger', () => ({ broadcast: () => {} }));

const NOW = Date.parse('2026-11-24T15:00:00Z');
const DAY = 24 * 60 * 60 * 1000;
const lead = (contactId: string): Lead => ({
  id: `hubspot:${contactId}`,
  emails: [`p${contactId}@x.example`],
  name: `Person ${contactId}`,
  phone: '+1 555 0100',
  stage: 'mql',
  crm: [{ system: 'hubspot', id: contactId }],
  sample: false,
  updatedAt: new Date(NOW).toISOString(),
});

let db: BatonDb;
let removePermission: ReturnType<typeof vi.fn>;
const connectedWithCache = async () => {
  await saveConnection({
    system: 'hubspot',
    token: 'pat-na1-0123456789-secret',
    baseUrl: 'https://api.hubapi.com',
    ownerId: '90001',
    fieldMap: defaultFieldMap,
    setup: defaultHubSpotSetup,
    connectedAt: new Date(NOW).toISOString(),
  });
  await crmDb().contacts.bulkPut([
    { leadId: 'hubspot:101', lead: lead('101'), readAt: NOW },
    { leadId: 'hubspot:102', lead: lead('102'), readAt: NOW - 40 * DAY },
  ]);
  await fakeBrowser.storage.local.set({
    'reminders-fired': ['hubspot:101:breach:1764000000000', 'lead-7:before:1764000000000'],
  });
};
/** Everything baton-crm holds, table by table. */
const crmCounts = async () =>
  Object.fromEntries(await Promise.all(crmDb().tables.map(async (t) => [t.name, await t.count()] as const)));

beforeEach(async () => {
  fakeBrowser.reset();
  handlers.clear();
  db = new BatonDb(`clear-${crypto.randomUUID()}`);
  await Promise.all(crmDb().tables.map((t) => t.clear()));
  removePermission = vi.fn(async () => true);
  fakeBrowser.permissions.remove = removePermission as typeof fakeBrowser.permissions.remove;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function router() {
  const connectionChanged = vi.fn();
  registerRouter(
    { extensionId: 'baton', extensionOrigin: 'chrome-extension://baton' },
    () => ({ activityChanged: async () => {} }) as unknown as LeadSource,
    () => db,
    () => {},
    connectionChanged,
  );
  return { call: (type: string) => handlers.get(type)?.(null, {}), connectionChanged };
}

describe('disconnect leaves nothing behind', () => {
  test('token, cached contacts, reminder keys naming HubSpot leads and the host permission go', async () => {
    await connectedWithCache();
    const { call, connectionChanged } = router();
    await call('crmDisconnect');
    expect(await readConnection()).toBeUndefined();
    expect(Object.values(await crmCounts()).every((count) => count === 0)).toBe(true);
    expect((await fakeBrowser.storage.local.get('reminders-fired'))['reminders-fired']).toEqual([
      'lead-7:before:1764000000000',
    ]);
    expect(removePermission).toHaveBeenCalledWith({ origins: ['https://api.hubapi.com/*'] });
    // The background's memory goes too: the router tells it the connection changed.
    expect(connectionChanged).toHaveBeenCalled();
  });

  test('the shared in-memory caches forget every HubSpot record', () => {
    const shared = newHubSpotShared();
    shared.emails.set('p101@x.example', 'hubspot:101');
    shared.unreadable.note('queue', 2);
    forgetHubSpotShared(shared);
    expect(shared.emails.get('p101@x.example')).toBeUndefined();
    expect(shared.unreadable.total()).toBe(0);
  });

  test('reminder keys of other leads stay', async () => {
    await fakeBrowser.storage.local.set({ 'reminders-fired': ['lead-7:before:1'] });
    await forgetFiredReminders('hubspot:');
    expect((await fakeBrowser.storage.local.get('reminders-fired'))['reminders-fired']).toEqual([
      'lead-7:before:1',
    ]);
  });
});

describe('"Clear all data" clears all', () => {
  test('the local store, and the CRM token, cache and outbox with it', async () => {
    await loadSampleWorkspace(db, new Date(NOW));
    await connectedWithCache();
    const { call } = router();
    const counts = await call('clearAllData');
    expect(counts).toMatchObject({ leads: 0, touches: 0, assets: 0, attempts: 0 });
    expect(await readConnection()).toBeUndefined();
    expect(Object.values(await crmCounts()).every((count) => count === 0)).toBe(true);
    expect(removePermission).toHaveBeenCalled();
  });

  test('a Salesforce connection goes too: its session revoked, its records purged', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => new Response('', { status: 200 }));
    await saveSalesforceConnection({
      system: 'salesforce',
      loginUrl: 'https://login.salesforce.com',
      consumerKey: '3MVG9fakeConsumerKey0123456789',
      instanceUrl: 'https://acme.my.salesforce.com',
      accessToken: 'access-token-1',
      refreshToken: 'refresh-token-1',
      orgId: '00Dxx0000001gPLEAY',
      userId: '005xx000001SwiUAAS',
      setup: defaultSalesforceSetup,
      connectedAt: new Date(NOW).toISOString(),
    });
    await crmDb().contacts.put({ leadId: 'salesforce:00Qxx0000001abcEAA', lead: lead('1'), readAt: NOW });
    const { call } = router();
    await call('clearAllData');
    expect(await readSalesforceConnection()).toBeUndefined();
    expect(await crmDb().contacts.count()).toBe(0);
    expect(String(fetch.mock.calls[0]?.[0])).toBe('https://login.salesforce.com/services/oauth2/revoke');
  });
});

describe('retention', () => {
  test('cached contacts not read for longer than the setting are pruned; the rest stay', async () => {
    await connectedWithCache();
    expect(await pruneCrmCache(crmDb(), 30, NOW)).toBe(1);
    expect((await crmDb().contacts.toArray()).map((c) => c.leadId)).toEqual(['hubspot:101']);
    expect(await pruneCrmCache(crmDb(), 30, NOW)).toBe(0);
  });
});

test('connectHubSpot is the only way a token gets in (sanity: the pinned host still connects)', async () => {
  // Connecting reads the contact properties and the owners: each call gets its own answer.
  vi.spyOn(globalThis, 'fetch').mockImplementation(
    async () => new Response(JSON.stringify({ results: [] }), { status: 200 }),
  );
  await connectHubSpot({ token: 'pat-na1-0123456789', baseUrl: 'https://api.hubapi.com', ownerId: '' });
  expect((await readConnection())?.baseUrl).toBe('https://api.hubapi.com');
});
