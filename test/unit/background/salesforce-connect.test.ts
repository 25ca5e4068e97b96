import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { connectHubSpot } from '@/lib/background/crm-connect';
import {
  connectSalesforce,
  disconnectSalesforce,
  readSalesforceSetupChoices,
  type SalesforceConnectDeps,
  saveSalesforceSetup,
} from '@/lib/background/salesforce-connect';
import { crmOutbox } from '@/lib/crm/connected';
import { readConnection, saveConnection } from '@/lib/crm/connection';
import { defaultFieldMap } from '@/lib/crm/hubspot/mapping';
import { defaultHubSpotSetup } from '@/lib/crm/hubspot/setup';
import { readSalesforceConnection, saveSalesforceConnection } from '@/lib/crm/salesforce/connection';
import { defaultSalesforceSetup } from '@/lib/crm/salesforce/setup';
import type { Attempt } from '@/lib/model/schemas';
import { crmDb } from '@/lib/store/crm-db';
import { BatonDb } from '@/lib/store/db';

const LOGIN = 'https://login.salesforce.com';
const KEY = '3MVG9fakeConsumerKey0123456789';
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const ORG = '00Dxx0000001gPLEAY';
const USER = '005xx000001SwiUAAS';
const ACCESS = '00Dxx0000001gPL!AQ4AQFakeAccessToken';
const REFRESH = '5Aep861FakeRefreshTokenValue';

const field = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  label: name.replace(/__c$/, '').replace(/_/g, ' '),
  type,
  updateable: true,
  ...extra,
});
const LEAD_FIELDS = [
  field('Status', 'picklist', {
    picklistValues: ['Open', 'MQL', 'Working', 'SQL', 'Nurture', 'Closed - Not Converted', 'Old'].map(
      (value) => ({ value, label: value, active: value !== 'Old' }),
    ),
  }),
  field('Email', 'email'),
  field('Budget__c', 'currency'),
  field('Timeframe__c', 'picklist'),
  field('Need__c', 'textarea'),
  field('MQL_Date__c', 'datetime'),
  field('Recycle_Reason__c', 'picklist'),
  field('Fit_Score__c', 'double'),
  field('CreatedDate', 'datetime', { updateable: false }),
];
const CONTACT_FIELDS = [field('Email', 'email'), field('Lead_Status__c', 'picklist')];

type Call = { url: string; method: string; form: URLSearchParams; auth?: string };

/** Salesforce as the connect flow meets it: the token endpoint, describe, revoke. */
function fakeSalesforce(options: { instanceUrl?: string; revokeStatus?: number } = {}) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = (init?.headers ?? {}) as Record<string, string>;
    calls.push({
      url: url.toString(),
      method: init?.method ?? 'GET',
      form: new URLSearchParams(typeof init?.body === 'string' ? init.body : ''),
      auth: headers.Authorization,
    });
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
    if (url.pathname === '/services/oauth2/token')
      return json({
        access_token: ACCESS,
        refresh_token: REFRESH,
        instance_url: options.instanceUrl ?? 'https://acme.my.salesforce.com',
        id: `https://login.salesforce.com/id/${ORG}/${USER}`,
        token_type: 'Bearer',
      });
    if (url.pathname === '/services/oauth2/revoke')
      return new Response('', { status: options.revokeStatus ?? 200 });
    if (url.pathname.endsWith('/sobjects/Lead/describe')) return json({ name: 'Lead', fields: LEAD_FIELDS });
    if (url.pathname.endsWith('/sobjects/Contact/describe'))
      return json({ name: 'Contact', fields: CONTACT_FIELDS });
    return json([{ errorCode: 'NOT_FOUND', message: 'no such path' }], 404);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

/** The browser's auth window: Salesforce sends the rep back with a code and the state it got. */
function deps(salesforce: ReturnType<typeof fakeSalesforce>, back?: (authorize: URL) => string) {
  const launched: URL[] = [];
  const value: SalesforceConnectDeps = {
    launchWebAuthFlow: async ({ url, interactive }) => {
      expect(interactive).toBe(true);
      const authorize = new URL(url);
      launched.push(authorize);
      return back?.(authorize) ?? `${REDIRECT}?code=aPrxCode123&state=${authorize.searchParams.get('state')}`;
    },
    redirectUrl: () => REDIRECT,
    fetch: salesforce.fetch,
  };
  return { deps: value, launched };
}

let db: BatonDb;
let removePermission: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  fakeBrowser.reset();
  db = new BatonDb(`sf-${crypto.randomUUID()}`);
  await Promise.all(crmDb().tables.map((t) => t.clear()));
  removePermission = vi.fn(async () => true);
  fakeBrowser.permissions.remove = removePermission as typeof fakeBrowser.permissions.remove;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const connectHubSpotStored = () =>
  saveConnection({
    system: 'hubspot',
    token: 'pat-na1-0123456789-secret',
    baseUrl: 'https://api.hubapi.com',
    ownerId: '90001',
    fieldMap: defaultFieldMap,
    setup: defaultHubSpotSetup,
    connectedAt: new Date().toISOString(),
  });

describe('connectSalesforce', () => {
  test('runs the PKCE flow, keeps the tokens in the CRM database only, and names the missing fields', async () => {
    const salesforce = fakeSalesforce();
    const { deps: d, launched } = deps(salesforce);
    await crmOutbox().setPaused('Salesforce refused the session');
    const result = await connectSalesforce({ loginUrl: `${LOGIN}/`, consumerKey: ` ${KEY} ` }, d);

    expect(result).toEqual({
      instanceUrl: 'https://acme.my.salesforce.com',
      userId: USER,
      // The default setup names these; the org has the others.
      missingFields: ['Lead.Product_Interest__c', 'Lead.Territory__c', 'Lead.LinkedIn_URL__c'],
    });
    const authorize = launched[0];
    expect(authorize?.origin).toBe(LOGIN);
    expect(authorize?.searchParams.get('client_id')).toBe(KEY);
    expect(authorize?.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(authorize?.searchParams.get('code_challenge_method')).toBe('S256');

    const exchange = salesforce.calls.find((c) => c.url.endsWith('/services/oauth2/token'));
    expect(exchange?.url).toBe(`${LOGIN}/services/oauth2/token`);
    expect(exchange?.form.get('code')).toBe('aPrxCode123');
    expect(exchange?.form.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    // The describes go to the instance with the fresh access token.
    const describes = salesforce.calls.filter((c) => c.url.includes('/describe'));
    expect(describes.map((c) => new URL(c.url).origin)).toEqual([
      'https://acme.my.salesforce.com',
      'https://acme.my.salesforce.com',
    ]);
    expect(describes.every((c) => c.auth === `Bearer ${ACCESS}`)).toBe(true);

    const stored = await readSalesforceConnection();
    expect(stored).toMatchObject({
      loginUrl: LOGIN,
      consumerKey: KEY,
      instanceUrl: 'https://acme.my.salesforce.com',
      accessToken: ACCESS,
      refreshToken: REFRESH,
      orgId: ORG,
      userId: USER,
    });
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain(ACCESS);
    expect(local).not.toContain(REFRESH);
    expect(await crmOutbox().pausedReason()).toBeUndefined();
  });

  test('an instance that is not a My Domain is refused and nothing is kept', async () => {
    const salesforce = fakeSalesforce({ instanceUrl: 'https://na1.salesforce.evil.example' });
    await expect(
      connectSalesforce({ loginUrl: LOGIN, consumerKey: KEY }, deps(salesforce).deps),
    ).rejects.toThrow(/not a My Domain/);
    expect(salesforce.calls.some((c) => c.url.includes('evil'))).toBe(false);
    expect(await readSalesforceConnection()).toBeUndefined();
  });

  test('refused while HubSpot is connected, before any sign-in; and HubSpot is refused while Salesforce is', async () => {
    await connectHubSpotStored();
    const salesforce = fakeSalesforce();
    const { deps: d, launched } = deps(salesforce);
    await expect(connectSalesforce({ loginUrl: LOGIN, consumerKey: KEY }, d)).rejects.toThrow(
      'Baton works with one CRM at a time: disconnect HubSpot first',
    );
    expect(launched).toHaveLength(0);
    expect(await readSalesforceConnection()).toBeUndefined();

    await crmDb().connections.delete('hubspot');
    await connectSalesforce({ loginUrl: LOGIN, consumerKey: KEY }, d);
    await expect(
      connectHubSpot({ token: 'pat-na1-0123456789', baseUrl: 'https://api.hubapi.com', ownerId: '' }),
    ).rejects.toThrow('Baton works with one CRM at a time: disconnect Salesforce first');
    expect(await readConnection()).toBeUndefined();
  });

  test('a redirect with another state, or Salesforce’s error, stops before any token request', async () => {
    const salesforce = fakeSalesforce();
    const forged = deps(salesforce, () => `${REDIRECT}?code=stolen&state=not-ours`).deps;
    await expect(connectSalesforce({ loginUrl: LOGIN, consumerKey: KEY }, forged)).rejects.toThrow(
      /state mismatch/,
    );
    const blocked = deps(
      salesforce,
      (a) =>
        `${REDIRECT}?error=OAUTH_APP_BLOCKED&error_description=blocked&state=${a.searchParams.get('state')}`,
    ).deps;
    await expect(connectSalesforce({ loginUrl: LOGIN, consumerKey: KEY }, blocked)).rejects.toThrow(
      /admin must install the External Client App/,
    );
    expect(salesforce.calls).toHaveLength(0);
  });

  test('reconnecting the same org keeps its setup', async () => {
    const salesforce = fakeSalesforce();
    await connectSalesforce({ loginUrl: LOGIN, consumerKey: KEY }, deps(salesforce).deps);
    const stored = await readSalesforceConnection();
    if (!stored) throw new Error('not connected');
    await saveSalesforceConnection({ ...stored, setup: { ...stored.setup, acceptedStatus: 'Working' } });
    await connectSalesforce({ loginUrl: LOGIN, consumerKey: KEY }, deps(salesforce).deps);
    expect((await readSalesforceConnection())?.setup.acceptedStatus).toBe('Working');
  });
});

const attempt = (leadId: string, id: string) =>
  ({
    id,
    leadId,
    at: '2026-11-24T15:00:00.000Z',
    outcome: 'no-answer',
    channel: 'call',
  }) as unknown as Attempt;

async function cacheBoth() {
  const lead = (id: string) => ({ leadId: id, lead: { id } as never, readAt: Date.now() });
  await crmDb().contacts.bulkPut([lead('salesforce:00Qxx0000001abcEAA'), lead('hubspot:101')]);
  await crmDb().attempts.bulkPut([
    attempt('salesforce:00Qxx0000001abcEAA', 'a1'),
    attempt('hubspot:101', 'a2'),
  ]);
  await db.attempts.bulkPut([attempt('salesforce:00Qxx0000001abcEAA', 'b1'), attempt('hubspot:101', 'b2')]);
  await fakeBrowser.storage.local.set({
    'reminders-fired': ['salesforce:00Qxx0000001abcEAA:breach:1', 'hubspot:101:breach:1'],
  });
}

describe('disconnectSalesforce', () => {
  test('revokes the refresh token, purges salesforce: rows (not hubspot: ones) and the permissions', async () => {
    const salesforce = fakeSalesforce();
    await connectSalesforce({ loginUrl: LOGIN, consumerKey: KEY }, deps(salesforce).deps);
    await cacheBoth();
    const result = await disconnectSalesforce(db, { fetch: salesforce.fetch });
    expect(result).toEqual({ purged: 3, revoked: true });
    const revoke = salesforce.calls.find((c) => c.url.endsWith('/services/oauth2/revoke'));
    expect(revoke?.url).toBe(`${LOGIN}/services/oauth2/revoke`);
    expect(revoke?.method).toBe('POST');
    expect(revoke?.form.get('token')).toBe(REFRESH);
    expect(await readSalesforceConnection()).toBeUndefined();
    expect((await crmDb().contacts.toArray()).map((c) => c.leadId)).toEqual(['hubspot:101']);
    expect((await crmDb().attempts.toArray()).map((a) => a.id)).toEqual(['a2']);
    expect((await db.attempts.toArray()).map((a) => a.id)).toEqual(['b2']);
    expect((await fakeBrowser.storage.local.get('reminders-fired'))['reminders-fired']).toEqual([
      'hubspot:101:breach:1',
    ]);
    expect(removePermission).toHaveBeenCalledWith({
      origins: [
        'https://login.salesforce.com/*',
        'https://test.salesforce.com/*',
        'https://*.my.salesforce.com/*',
      ],
    });
  });

  test('a failed revoke is reported, and the disconnect still completes', async () => {
    const salesforce = fakeSalesforce({ revokeStatus: 503 });
    await connectSalesforce(
      { loginUrl: 'https://acme.my.salesforce.com', consumerKey: KEY },
      deps(salesforce).deps,
    );
    await cacheBoth();
    removePermission.mockRejectedValueOnce(new Error('not granted'));
    const result = await disconnectSalesforce(db, { fetch: salesforce.fetch });
    expect(result.revoked).toBe(false);
    expect(result.purged).toBe(3);
    expect(await readSalesforceConnection()).toBeUndefined();
    expect(removePermission).toHaveBeenCalledWith({
      origins: [
        'https://login.salesforce.com/*',
        'https://test.salesforce.com/*',
        'https://*.my.salesforce.com/*',
        'https://acme.my.salesforce.com/*',
      ],
    });
  });
});

describe('the setup', () => {
  test('choices come from describe: active Lead Status values and fields by type', async () => {
    const salesforce = fakeSalesforce();
    await connectSalesforce({ loginUrl: LOGIN, consumerKey: KEY }, deps(salesforce).deps);
    vi.spyOn(globalThis, 'fetch').mockImplementation(salesforce.fetch);
    const choices = await readSalesforceSetupChoices();
    expect(choices.leadStatuses).toEqual([
      'Open',
      'MQL',
      'Working',
      'SQL',
      'Nurture',
      'Closed - Not Converted',
    ]);
    expect(choices.handoffFields.map((f) => f.name).sort()).toEqual(['CreatedDate', 'MQL_Date__c']);
    expect(choices.reasonFields.map((f) => f.name).sort()).toEqual([
      'Need__c',
      'Recycle_Reason__c',
      'Status',
      'Timeframe__c',
    ]);
    expect(choices.scoreFields.map((f) => f.name).sort()).toEqual(['Budget__c', 'Fit_Score__c']);
    expect(choices.contactStatusFields.map((f) => f.name)).toEqual(['Lead_Status__c']);
    // Where the card's fields may live: writable text, picklist and URL fields, never a number.
    expect(choices.qualificationFields.map((f) => f.name)).toContain('Need__c');
    expect(choices.qualificationFields.map((f) => f.name)).not.toContain('Fit_Score__c');
    expect(choices.current).toEqual(defaultSalesforceSetup);
  });

  test('a save names every status and field the org lacks, and saves a good pick', async () => {
    const salesforce = fakeSalesforce();
    await connectSalesforce({ loginUrl: LOGIN, consumerKey: KEY }, deps(salesforce).deps);
    vi.spyOn(globalThis, 'fetch').mockImplementation(salesforce.fetch);
    const good = {
      mqlStatuses: ['MQL', 'Working'],
      acceptedStatus: 'SQL',
      recycledStatus: 'Nurture',
      disqualifiedStatus: 'Closed - Not Converted',
      handoffField: 'MQL_Date__c',
      reasonField: 'Recycle_Reason__c',
      scoreField: 'Fit_Score__c',
    };
    const bad = saveSalesforceSetup({
      ...good,
      mqlStatuses: ['MQL', 'Old'],
      acceptedStatus: 'Accepted',
      handoffField: 'Email',
    });
    await expect(bad).rejects.toThrow(/MQL status "Old" is not a Lead Status value/);
    await expect(
      saveSalesforceSetup({ ...good, acceptedStatus: 'Accepted', handoffField: 'Email' }),
    ).rejects.toThrow(/Accepted status "Accepted".*Handoff field "Email" is not a date\/time field/);
    expect((await readSalesforceConnection())?.setup).toEqual(defaultSalesforceSetup);

    await saveSalesforceSetup(good);
    expect((await readSalesforceConnection())?.setup).toMatchObject({
      ...good,
      fields: defaultSalesforceSetup.fields,
    });

    await expect(saveSalesforceSetup({ ...good, acceptedStatus: 'MQL' })).rejects.toThrow(
      /Accepted status "MQL" is also an MQL status/,
    );
    await expect(saveSalesforceSetup({ ...good, recycledStatus: 'SQL' })).rejects.toThrow(
      /three different statuses/,
    );
    await expect(saveSalesforceSetup({ ...good, fields: { budget: 'Fit_Score__c' } })).rejects.toThrow(
      /Field for budget "Fit_Score__c" is not a writable text, picklist or URL field/,
    );
    await saveSalesforceSetup({ ...good, fields: { need: 'Recycle_Reason__c', territory: '' } });
    expect((await readSalesforceConnection())?.setup.fields).toEqual({
      ...defaultSalesforceSetup.fields,
      need: 'Recycle_Reason__c',
      territory: '',
    });
  });
});
