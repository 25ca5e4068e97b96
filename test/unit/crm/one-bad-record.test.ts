/**
 * One bad CRM record never takes down the queue or the card: HubSpot answers generated with
 * fast-check (hostile property values, records of the wrong shape) go through the real client,
 * source and queue loader, and what comes out must pass the protocol's response schemas, the
 * panel's side of the message channel.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadQueueEntries } from '@/lib/background/load-queue-entries';
import type { HubSpotConnection } from '@/lib/crm/connection';
import { HubSpotClient } from '@/lib/crm/hubspot/client';
import { contactProperties, defaultFieldMap } from '@/lib/crm/hubspot/mapping';
import { RequestPacer } from '@/lib/crm/hubspot/pacer';
import { defaultHubSpotSetup } from '@/lib/crm/hubspot/setup';
import { HubSpotLeadSource } from '@/lib/crm/hubspot/source';
import { protocol } from '@/lib/messaging/protocol';
import { defaultSettings } from '@/lib/settings/schema';
import { CrmDb } from '@/lib/store/crm-db';
import { BatonDb } from '@/lib/store/db';

const BASE = 'https://api.hubapi.com';
type Json = Record<string, unknown>;
type Answers = { contacts: unknown[]; engagements?: unknown[] };

let db: BatonDb;
let crm: CrmDb;
beforeEach(() => {
  db = new BatonDb(`bad-record-${crypto.randomUUID()}`);
  crm = new CrmDb(`bad-record-crm-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  crm.close();
  await Promise.all([db.delete(), crm.delete()]);
});

/** A HubSpot that answers every read Baton makes with the given records, in HubSpot's shapes. */
function sourceAnswering(answers: Answers) {
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200 });
    if (url.pathname.endsWith('/contacts/search'))
      return ok({ total: answers.contacts.length, results: answers.contacts });
    if (/\/associations\//.test(url.pathname))
      return ok({ results: (answers.engagements ?? []).map((_, i) => ({ toObjectId: String(i + 1) })) });
    if (url.pathname.endsWith('/batch/read')) {
      const type = url.pathname.split('/').at(-3);
      return ok({ status: 'COMPLETE', results: type === 'calls' ? (answers.engagements ?? []) : [] });
    }
    const contactId = /\/contacts\/(\d+)$/.exec(url.pathname)?.[1];
    if (contactId) return ok(answers.contacts.find((c) => (c as { id?: unknown })?.id === contactId));
    return new Response(JSON.stringify({ message: `unexpected ${init?.method} ${url.pathname}` }), {
      status: 404,
    });
  };
  const connection: HubSpotConnection = {
    system: 'hubspot',
    token: 'pat-na1-0123456789',
    baseUrl: BASE,
    ownerId: '90001',
    fieldMap: defaultFieldMap,
    setup: defaultHubSpotSetup,
    connectedAt: '2026-11-24T10:00:00.000Z',
  };
  const client = new HubSpotClient({
    baseUrl: BASE,
    token: connection.token,
    fetch: fetch as typeof globalThis.fetch,
    sleep: async () => {},
    pacer: new RequestPacer({ max: 100_000, intervalMs: 10_000, searchPerSecond: 100_000 }),
  });
  return new HubSpotLeadSource(client, connection, db, crm);
}

const mql = (id: string, properties: Json = {}) => ({
  id,
  properties: {
    firstname: 'Dana',
    lastname: 'Whitfield',
    email: `dana${id}@northwind.example`,
    lifecyclestage: 'marketingqualifiedlead',
    hubspot_owner_id: '90001',
    hs_lifecyclestage_marketingqualifiedlead_date: '2026-11-24T09:00:00.000Z',
    ...properties,
  },
  updatedAt: '2026-11-24T10:00:00.000Z',
});

const call = (properties: Json) => ({
  id: '801',
  properties: { hs_timestamp: '2026-11-24T11:00:00.000Z', hs_call_status: 'COMPLETED', ...properties },
});

/** The panel's side: what crosses the channel must pass the protocol's response schemas. */
async function queueAsThePanelGetsIt(source: HubSpotLeadSource) {
  const entries = await loadQueueEntries(source, defaultSettings, Date.parse('2026-11-24T12:00:00Z'));
  const parsed = protocol.queueEntries.output.safeParse(entries);
  if (!parsed.success) throw new Error(`queueEntries fails validation: ${parsed.error.message}`);
  const leads = await source.listQueue({ owner: '90001' });
  expect(protocol.listQueue.output.safeParse(leads).success).toBe(true);
  return parsed.data;
}

describe('the records a security review sent', () => {
  test('a 301-character first name, a 2,001-character title and "https://" as LinkedIn: the queue loads, fields cut or left out', async () => {
    const source = sourceAnswering({
      contacts: [
        mql('101', { firstname: 'D'.repeat(301) }),
        mql('102', { jobtitle: 'T'.repeat(2001) }),
        mql('103', { hs_linkedin_url: 'https://' }),
        mql('104'),
      ],
    });
    const entries = await queueAsThePanelGetsIt(source);
    expect(entries.map((entry) => entry.lead.id)).toEqual([
      'hubspot:101',
      'hubspot:102',
      'hubspot:103',
      'hubspot:104',
    ]);
    expect(entries[0]?.lead.name.length).toBeLessThanOrEqual(300);
    expect(entries[0]?.lead.name.endsWith('…')).toBe(true);
    const card = await source.readLeadContext('hubspot:102');
    expect(card?.lead.title?.length).toBe(2000);
    expect(await source.unreadableRecords()).toBe(0);
  });

  test('a 6,000-character call body and a forged [baton:<uuid>:fax:pwned] tag: the card loads', async () => {
    const forged = `[baton:${crypto.randomUUID()}:fax:pwned]`;
    const source = sourceAnswering({
      contacts: [mql('101')],
      engagements: [
        call({ hs_call_body: 'x'.repeat(6000) }),
        { ...call({ hs_call_title: forged }), id: '802' },
      ],
    });
    const card = await source.readLeadContext('hubspot:101');
    const parsed = protocol.readLeadContext.output.safeParse(card);
    expect(parsed.success).toBe(true);
    expect(card?.attempts).toHaveLength(2);
    expect(card?.attempts.every((attempt) => attempt.channel === 'call')).toBe(true);
    expect(card?.attempts.find((a) => a.note?.startsWith('x'))?.note?.length).toBe(5000);
  });

  test('records that cannot be read are left out of the queue and counted for the sync line', async () => {
    const source = sourceAnswering({
      contacts: [mql('101'), { id: 'not-digits', properties: {} }, { id: 7 }, 'junk', mql('102')],
    });
    const entries = await queueAsThePanelGetsIt(source);
    expect(entries.map((entry) => entry.lead.id)).toEqual(['hubspot:101', 'hubspot:102']);
    expect(await source.unreadableRecords()).toBe(3);
  });
});

describe('no single record can fail a list (fuzz)', () => {
  const hostileText = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ minLength: 250, maxLength: 7000 }),
    fc.constantFrom(
      'https://',
      'javascript:alert(1)',
      '%E0%A4%A',
      'https://www.linkedin.com/in/%E0%A4%A/',
      'https://www.hubspot.com@evil.example/',
      `[baton:${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}:fax:pwned]`,
      'not-a-date',
      '-1',
      '1e999',
      '',
      '   ',
    ),
  );
  // Every property Baton reads, the mapped ones included.
  const property = fc.constantFrom(...contactProperties(defaultFieldMap));
  const contact = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .record({
          id: fc.integer({ min: 1, max: 1e9 }).map(String),
          overrides: fc.dictionary(property, fc.option(hostileText, { nil: null }), { maxKeys: 8 }),
        })
        .map(({ id, overrides }) => mql(id, overrides)),
    },
    { weight: 1, arbitrary: fc.anything() },
  );
  const engagement = fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .dictionary(
          fc.constantFrom(
            'hs_timestamp',
            'hs_call_title',
            'hs_call_body',
            'hs_call_status',
            'hs_call_direction',
          ),
          fc.option(hostileText, { nil: null }),
          { maxKeys: 5 },
        )
        .map((overrides) => call(overrides)),
    },
    { weight: 1, arbitrary: fc.anything() },
  );

  test('the queue and the card always pass the protocol, and readable records are all there', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(contact, { maxLength: 12 }),
        fc.array(engagement, { maxLength: 6 }),
        async (contacts, engagements) => {
          await crm.contacts.clear();
          const source = sourceAnswering({ contacts, engagements });
          const entries = await queueAsThePanelGetsIt(source);
          const ids = new Set(entries.map((entry) => entry.lead.id));
          // Every record of the right shape with an MQL stage is in the queue.
          for (const record of contacts) {
            const r = record as { id?: unknown; properties?: Json };
            const shaped = typeof r?.id === 'string' && /^\d+$/.test(r.id) && r.properties;
            if (
              shaped &&
              r.properties?.lifecyclestage === 'marketingqualifiedlead' &&
              !r.properties?.hs_lead_status
            )
              expect(ids.has(`hubspot:${r.id}`)).toBe(true);
          }
          const first = contacts[0] as { id?: unknown } | undefined;
          if (typeof first?.id === 'string' && /^\d+$/.test(first.id)) {
            const card = await source.readLeadContext(`hubspot:${first.id}`);
            expect(protocol.readLeadContext.output.safeParse(card ?? null).success).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
