/**
 * The Salesforce adapter against a Salesforce org: by default the local test server
 * (test/salesforce-server), started here on a free port; with SALESFORCE_INSTANCE_URL,
 * SALESFORCE_LOGIN_URL, SALESFORCE_CONSUMER_KEY, SALESFORCE_ACCESS_TOKEN, SALESFORCE_REFRESH_TOKEN
 * and SALESFORCE_USER_ID set, the read tests run against a real org (`npm run test:salesforce`);
 * the fault tests need the test server's control port and are skipped there.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { salesforceTokens } from '@/lib/background/salesforce-tokens';
import { SalesforceClient } from '@/lib/crm/salesforce/client';
import { type SalesforceConnection, saveSalesforceConnection } from '@/lib/crm/salesforce/connection';
import { salesforceSender } from '@/lib/crm/salesforce/outbox-sender';
import { defaultSalesforceSetup, SalesforceSetup } from '@/lib/crm/salesforce/setup';
import {
  newSalesforceShared,
  SalesforceLeadSource,
  type SalesforceShared,
} from '@/lib/crm/salesforce/source';
import { SalesforceWriter } from '@/lib/crm/salesforce/writer';
import type { Attempt } from '@/lib/model/schemas';
import { flushOutbox } from '@/lib/outbox/flush';
import { DexieOutbox } from '@/lib/outbox/store';
import { CrmDb, crmDb } from '@/lib/store/crm-db';
import { BatonDb } from '@/lib/store/db';
import {
  type FakeSalesforce,
  type FakeSalesforceState,
  HERO_IDS,
  REP_USER_ID,
  type RequestLogEntry,
  startFakeSalesforce,
} from '../salesforce-server/server.mjs';

const REAL = Boolean(process.env.SALESFORCE_INSTANCE_URL && process.env.SALESFORCE_ACCESS_TOKEN);
const MARCO = `salesforce:${HERO_IDS.marco}`;
const DANA = `salesforce:${HERO_IDS.dana}`;

let server: FakeSalesforce | undefined;
let db: BatonDb;
let crm: CrmDb;
let shared: SalesforceShared;
let connection: SalesforceConnection;

const control = async <T = unknown>(path: string, body?: unknown, method?: string): Promise<T> => {
  const response = await fetch(`${server?.controlUrl}${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json().catch(() => undefined)) as T;
};
const state = () => control<FakeSalesforceState>('/state');
const requests = async () => (await control<{ requests: RequestLogEntry[] }>('/requests')).requests;

function build(setup: SalesforceSetup = connection.setup) {
  const conn = { ...connection, setup };
  const client = (maxAttempts?: number) =>
    new SalesforceClient({
      instanceUrl: conn.instanceUrl,
      tokens: salesforceTokens(),
      usage: shared.usage,
      timeoutMs: 2_000,
      maxAttempts,
      sleep: async () => {},
    });
  return {
    source: new SalesforceLeadSource(client(), conn, db, crm, undefined, shared),
    send: salesforceSender(new SalesforceWriter(client(3), conn, shared.reads)),
  };
}
let source: SalesforceLeadSource;
let send: ReturnType<typeof salesforceSender>;
/** What the background's flusher does once the undo window has passed. */
const flush = (at = Date.now() + 60_000) =>
  flushOutbox(new DexieOutbox(crm), send, { now: () => at, random: () => 0 });

beforeAll(async () => {
  if (!REAL) server = await startFakeSalesforce({ port: 0, controlPort: 0, holdMs: 3_000 });
});
afterAll(async () => server?.close());

beforeEach(async () => {
  if (server) {
    await control('/reset', {});
    await control('/requests', undefined, 'DELETE');
  }
  const tokens = server?.issueTokens();
  connection = {
    system: 'salesforce',
    loginUrl: process.env.SALESFORCE_LOGIN_URL ?? (server?.url as string),
    consumerKey: process.env.SALESFORCE_CONSUMER_KEY ?? (server?.consumerKey as string),
    instanceUrl: process.env.SALESFORCE_INSTANCE_URL ?? (tokens?.instanceUrl as string),
    accessToken: process.env.SALESFORCE_ACCESS_TOKEN ?? (tokens?.accessToken as string),
    refreshToken: process.env.SALESFORCE_REFRESH_TOKEN ?? (tokens?.refreshToken as string),
    orgId: '00D000000000001AAA',
    userId: process.env.SALESFORCE_USER_ID ?? REP_USER_ID,
    setup: defaultSalesforceSetup,
    connectedAt: new Date().toISOString(),
  };
  await crmDb().connections.clear();
  await saveSalesforceConnection(connection);
  db = new BatonDb(`sf-${crypto.randomUUID()}`);
  crm = new CrmDb(`sf-crm-${crypto.randomUUID()}`);
  shared = newSalesforceShared();
  ({ source, send } = build());
});

const newAttempt = (leadId: string, channel: Attempt['channel'], outcome: Attempt['outcome']): Attempt => ({
  id: crypto.randomUUID(),
  leadId,
  at: new Date().toISOString(),
  channel,
  outcome,
  note: 'Asked about the pilot',
  sync: 'local',
  sample: false,
});
const tasksOf = async (whoId: string) => (await state()).Task.filter((task) => task.WhoId === whoId);

describe.skipIf(REAL)('Salesforce as the lead source (test server)', () => {
  test('finds a Lead by the Lightning page’s record id and by email, a Contact by email', async () => {
    const byId = await source.findByIdentity({
      emails: [],
      crm: { system: 'salesforce', id: HERO_IDS.marco },
    });
    expect(byId).toMatchObject({ id: MARCO, name: 'Marco Bellini', company: 'Fiore Retail', stage: 'mql' });
    const byEmail = await source.findByIdentity({ emails: ['dana.whitfield@northwindhealth.example'] });
    expect(byEmail?.id).toBe(DANA);
    const priya = await source.findByIdentity({ emails: ['priya.raman@larkspur-logistics.example'] });
    expect(priya).toMatchObject({ id: `salesforce:${HERO_IDS.priya}`, company: 'Larkspur Logistics' });
    expect(await source.findByIdentity({ emails: ['nobody@nowhere.example'] })).toBeUndefined();
    // An email with a quote is a literal, not SOQL.
    expect(await source.findByIdentity({ emails: ["o'brien@x.example"] })).toBeUndefined();
  });

  test('a card costs one API call: record, Tasks, Events, campaign responses and owner history', async () => {
    await control('/requests', undefined, 'DELETE');
    const dana = await source.readLeadContext(DANA);
    const log = await requests();
    expect(log.map((r) => `${r.method} ${r.path?.split('?')[0]}`)).toEqual([
      'POST /services/data/v66.0/composite',
    ]);
    expect(log[0]?.subrequests).toHaveLength(5);
    // Dana: handed to Alex 25 minutes ago, after Jo; three campaigns she responded to, not the one merely sent.
    expect(dana?.lead.handoff).toEqual({ from: 'owner_assigned', previousOwner: 'Jo Teammate' });
    expect(Date.now() - Date.parse(dana?.lead.mqlAt ?? '')).toBeLessThan(26 * 60_000);
    expect(dana?.touches.map((t) => t.title.split(' (')[0])).toEqual([
      'Webinar: EHR integrations without downtime',
      'Nurture email: Q4 integration guide',
      'Northwind Health: Request a demo',
    ]);
    expect(dana?.touches[0]?.kind).toBe('webinar');
    // Marco: Jo's call and Alex's email, logged in Salesforce, are attempts on the card.
    const marco = await source.readLeadContext(MARCO);
    expect(marco?.attempts.map((a) => [a.channel, a.outcome])).toEqual([
      ['email', 'no_answer'],
      ['call', 'no_answer'],
    ]);
  });

  test('the queue is my open Leads in the MQL statuses; Contacts by setting', async () => {
    const queue = await source.listQueue({ limit: 500 });
    expect(queue.length).toBeGreaterThanOrEqual(8);
    expect(queue.every((lead) => lead.stage === 'mql' && lead.owner === REP_USER_ID)).toBe(true);
    expect(queue.some((lead) => lead.id === MARCO)).toBe(true);
    const all = (await state()).Lead;
    const mine = all.filter((l) => l.OwnerId === REP_USER_ID && l.Status === 'MQL' && !l.IsConverted);
    expect(queue).toHaveLength(mine.length);
    // The queue-owner setting may be an email (the local store's): the queue stays the rep's own.
    const byEmail = await source.listQueue({ limit: 500, owner: 'alex.rep@baton-demo.example' });
    expect(byEmail.map((lead) => lead.id).sort()).toEqual(queue.map((lead) => lead.id).sort());
    const withContacts = build(SalesforceSetup.parse({ contactStatusField: 'Contact_Status__c' })).source;
    const both = await withContacts.listQueue({ limit: 500 });
    expect(both.some((lead) => lead.id === `salesforce:${HERO_IDS.priya}`)).toBe(true);
    expect(both.length).toBeGreaterThan(queue.length);
  });

  test('one record Salesforce sends malformed is left out and counted, not fatal', async () => {
    await control('/seed', {
      records: [
        {
          type: 'Lead',
          fields: { LastName: 'Broken', Company: 'X', Status: 'MQL', OwnerId: REP_USER_ID },
          malformed: true,
        },
      ],
    });
    const queue = await source.listQueue({ limit: 500 });
    expect(queue.some((lead) => lead.id === MARCO)).toBe(true);
    expect(await source.unreadableRecords()).toBe(1);
  });

  test('search escapes quotes and wildcards', async () => {
    expect((await source.search('Marco')).map((l) => l.id)).toContain(MARCO);
    expect(await source.search("Mar' OR Name != '")).toEqual([]);
    expect(await source.search('%')).toEqual([]);
  });

  test('a logged call becomes one completed Task on the Lead, and the card shows it synced', async () => {
    const attempt = newAttempt(MARCO, 'call', 'left_voicemail');
    await source.logAttempt(attempt);
    expect(await tasksOf(HERO_IDS.marco)).toHaveLength(2);
    const result = await flush();
    expect(result).toMatchObject({ sent: 1, failed: 0 });
    const tasks = await tasksOf(HERO_IDS.marco);
    const task = tasks.find((t) => String(t.Description).includes(attempt.id));
    expect(task).toMatchObject({
      TaskSubtype: 'Call',
      Status: 'Completed',
      CallDisposition: 'Left voicemail',
      OwnerId: REP_USER_ID,
    });
    expect(tasks).toHaveLength(3);
    const card = await source.readLeadContext(MARCO);
    const shown = card?.attempts.filter((a) => a.id === attempt.id) ?? [];
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ sync: 'synced', outcome: 'left_voicemail' });
  });

  test('a create whose answer is dropped after it was applied is not made twice', async () => {
    const attempt = newAttempt(MARCO, 'email', 'no_answer');
    await source.logAttempt(attempt);
    await control('/requests', undefined, 'DELETE');
    await control('/next', { kinds: ['drop'] });
    // The create is applied and its answer lost; the writer looks for its tag at once and finds it.
    expect(await flush()).toMatchObject({ sent: 1, retried: 0 });
    const log = await requests();
    expect(log[0]).toMatchObject({ method: 'POST', fault: 'drop', status: null });
    expect(log.filter((r) => r.method === 'POST')).toHaveLength(1);
    const tagged = (await tasksOf(HERO_IDS.marco)).filter((t) => String(t.Description).includes(attempt.id));
    expect(tagged).toHaveLength(1);
  });

  test('accept sets the accepted status; undo puts the MQL status back', async () => {
    await source.readLeadContext(MARCO);
    const disposition = {
      kind: 'accept' as const,
      id: crypto.randomUUID(),
      leadId: MARCO,
      at: new Date().toISOString(),
    };
    const lead = await source.setDisposition(disposition);
    expect(lead.stage).toBe('sql');
    await flush();
    expect((await state()).Lead.find((l) => l.Id === HERO_IDS.marco)?.Status).toBe('SQL');
    expect((await source.readLeadContext(MARCO))?.lead.stage).toBe('sql');
    await source.undoDisposition(disposition.id);
    await flush();
    expect((await state()).Lead.find((l) => l.Id === HERO_IDS.marco)?.Status).toBe('MQL');
  });

  test('undo puts back the status the hand-back replaced, not a guess', async () => {
    const working = SalesforceSetup.parse({ mqlStatuses: ['MQL', 'Working - Contacted'] });
    ({ source, send } = build(working));
    const token = connection.accessToken;
    await fetch(`${connection.instanceUrl}/services/data/v66.0/sobjects/Lead/${HERO_IDS.marco}`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ Status: 'Working - Contacted' }),
    });
    await source.readLeadContext(MARCO);
    const disposition = {
      kind: 'accept' as const,
      id: crypto.randomUUID(),
      leadId: MARCO,
      at: new Date().toISOString(),
    };
    await source.setDisposition(disposition);
    await flush();
    expect((await state()).Lead.find((l) => l.Id === HERO_IDS.marco)?.Status).toBe('SQL');
    await source.undoDisposition(disposition.id);
    await flush();
    expect((await state()).Lead.find((l) => l.Id === HERO_IDS.marco)?.Status).toBe('Working - Contacted');
  });

  test('recycle sets the status, the reason field and one reason Task, all in one call, even when its answer is lost', async () => {
    await source.readLeadContext(DANA);
    const id = crypto.randomUUID();
    await source.setDisposition({
      kind: 'recycle',
      id,
      leadId: DANA,
      at: new Date().toISOString(),
      reason: 'bad_timing',
      text: 'Budget opens in Q3',
    });
    await control('/next', { kinds: ['drop'] });
    await flush();
    await flush();
    const after = await state();
    expect(after.Lead.find((l) => l.Id === HERO_IDS.dana)).toMatchObject({
      Status: 'Nurture',
      Recycle_Reason__c: 'Bad timing',
    });
    const notes = after.Task.filter((t) => String(t.Description).includes(id));
    expect(notes).toHaveLength(1);
    expect(String(notes[0]?.Description)).toContain('Budget opens in Q3');
    expect(
      (await requests()).filter((r) => r.path?.includes('/composite') && r.method === 'POST').length,
    ).toBeGreaterThanOrEqual(1);
  });

  test("a validation rule's refusal is named and kept as a failed entry; nothing half-applied", async () => {
    await control('/validation-rules', {
      rules: [
        {
          object: 'Lead',
          field: 'Status',
          equals: 'Closed - Not Converted',
          requireField: 'Description',
          message: 'Say why in the description',
        },
      ],
    });
    await source.readLeadContext(MARCO);
    const id = crypto.randomUUID();
    await source.setDisposition({
      kind: 'disqualify',
      id,
      leadId: MARCO,
      at: new Date().toISOString(),
      reason: 'no_need',
    });
    const result = await flush();
    expect(result.failed).toBe(1);
    const status = await new DexieOutbox(crm).status();
    expect(status.failedEntries[0]?.lastError).toMatch(/validation rule.*Say why in the description/);
    const after = await state();
    expect(after.Lead.find((l) => l.Id === HERO_IDS.marco)?.Status).toBe('MQL');
    expect(after.Task.some((t) => String(t.Description).includes(id))).toBe(false);
  });

  test('a field this user may not write (field-level security) fails its entry, named', async () => {
    await control('/fls', { object: 'Lead', field: 'Budget__c', readOnly: true });
    await source.readLeadContext(MARCO);
    await source.updateFields(MARCO, { budget: '50k' }, new Date());
    expect((await flush()).failed).toBe(1);
    const status = await new DexieOutbox(crm).status();
    expect(status.failedEntries[0]?.lastError).toMatch(/field-level security/);
    // A field with no mapping is refused before it is queued.
    const unmapped = build(SalesforceSetup.parse({ fields: { budget: '' } })).source;
    await expect(unmapped.updateFields(MARCO, { budget: '50k' }, new Date())).rejects.toThrow(
      /no field set up for budget/,
    );
  });

  test('qualification edits reach the mapped fields', async () => {
    await source.readLeadContext(MARCO);
    await source.updateFields(MARCO, { budget: '75k', timeframe: 'Next quarter' }, new Date());
    expect((await flush()).sent).toBe(1);
    expect((await state()).Lead.find((l) => l.Id === HERO_IDS.marco)).toMatchObject({
      Budget__c: '75k',
      Timeframe__c: 'Next quarter',
    });
  });

  test('assets sent and content requests become tagged Tasks', async () => {
    const sent = {
      id: crypto.randomUUID(),
      assetId: 'asset-x',
      leadId: MARCO,
      at: new Date().toISOString(),
      channel: 'gmail_insert' as const,
    };
    const request = {
      id: crypto.randomUUID(),
      leadId: MARCO,
      at: new Date().toISOString(),
      text: 'A retail case study in Italian',
    };
    await source.recordAssetSent(sent);
    await source.recordContentRequest(request);
    expect((await flush()).sent).toBe(2);
    const tasks = await tasksOf(HERO_IDS.marco);
    expect(tasks.find((t) => String(t.Description).includes(sent.id))?.Subject).toBe('Baton: asset sent');
    expect(String(tasks.find((t) => String(t.Description).includes(request.id))?.Description)).toContain(
      'Italian',
    );
  });

  test('an expired session is renewed once with the refresh token; a revoked one pauses the outbox', async () => {
    await control('/auth', { expireAccessTokens: true });
    expect((await source.readLeadContext(MARCO))?.lead.name).toBe('Marco Bellini');
    const stored = (await crmDb().connections.get('salesforce')) as SalesforceConnection;
    expect(stored.accessToken).not.toBe(connection.accessToken);
    await control('/auth', { revokeAll: true });
    await source.logAttempt(newAttempt(MARCO, 'call', 'connected'));
    const result = await flush();
    expect(result.paused).toMatch(/reconnect Salesforce/i);
    expect((await new DexieOutbox(crm).status()).pending).toBe(1);
  });

  test('reads pause before the daily allowance runs out (the card shows the last copy); writes still go', async () => {
    await source.readLeadContext(MARCO);
    await control('/limits', { used: 13_900, max: 15_000 });
    shared.reads.clear();
    await source.readLeadContext(DANA); // learns the figure from the header
    shared.reads.clear();
    await control('/requests', undefined, 'DELETE');
    const card = await source.readLeadContext(MARCO);
    expect(card?.lead.name).toBe('Marco Bellini');
    expect((await requests()).length).toBe(0);
    expect((await source.syncNotice()).readsPaused).toMatch(/13,90\d of its 15,000/);
    await source.logAttempt(newAttempt(MARCO, 'call', 'no_answer'));
    expect((await flush()).sent).toBe(1);
  });

  test('REQUEST_LIMIT_EXCEEDED keeps the write waiting, not failed', async () => {
    await source.logAttempt(newAttempt(MARCO, 'call', 'no_answer'));
    await control('/limits', { used: 15_000, max: 15_000 });
    const now = Date.now() + 60_000;
    const result = await flush(now);
    expect(result).toMatchObject({ sent: 0, failed: 0, retried: 1 });
    expect(result.nextWakeAt).toBeGreaterThanOrEqual(now + 15 * 60_000);
    const status = await new DexieOutbox(crm).status();
    expect(status.lastError).toMatch(/REQUEST_LIMIT_EXCEEDED/);
  });
});

// Defined only with a real org's variables (never a skipped test in CI).
if (REAL)
  describe('Salesforce as the lead source (a real org)', () => {
    test('reads my queue and one card', async () => {
      const queue = await source.listQueue({ limit: 50 });
      expect(Array.isArray(queue)).toBe(true);
      const first = queue[0];
      if (first) expect((await source.readLeadContext(first.id))?.lead.id).toBe(first.id);
    });
  });
