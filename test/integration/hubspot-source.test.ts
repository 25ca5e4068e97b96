/**
 * The HubSpot adapter against a HubSpot API: by default the local test server
 * (test/hubspot-server), started here on a free port; with HUBSPOT_BASE_URL and HUBSPOT_TOKEN
 * set, the same suite runs against a real test portal (`npm run test:hubspot`).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { HubSpotConnection } from '@/lib/crm/connection';
import { HubSpotClient } from '@/lib/crm/hubspot/client';
import { defaultFieldMap } from '@/lib/crm/hubspot/mapping';
import { hubspotSender } from '@/lib/crm/hubspot/outbox-sender';
import { defaultHubSpotSetup } from '@/lib/crm/hubspot/setup';
import { HubSpotLeadSource, newHubSpotShared } from '@/lib/crm/hubspot/source';
import { HubSpotWriter } from '@/lib/crm/hubspot/writer';
import type { Attempt } from '@/lib/model/schemas';
import { flushOutbox } from '@/lib/outbox/flush';
import { DexieOutbox } from '@/lib/outbox/store';
import { CrmDb } from '@/lib/store/crm-db';
import { BatonDb } from '@/lib/store/db';
import { startFakeHubSpot } from '../hubspot-server/server.mjs';

type FakeServer = { url: string; controlUrl: string; token: string; close(): Promise<void> };
const REAL = process.env.HUBSPOT_BASE_URL && process.env.HUBSPOT_TOKEN;
const DANA = 'dana.whitfield@northwindhealth.example';

let server: FakeServer | undefined;
let baseUrl: string;
let token: string;
let db: BatonDb;
let crm: CrmDb;
let source: HubSpotLeadSource;
/** The flusher's half: sends what `source` queued, clearing the card reads the two share. */
let writer: HubSpotWriter;

/** What the background's flusher does once the undo window has passed. */
const flush = () =>
  flushOutbox(new DexieOutbox(crm), hubspotSender(writer), { now: () => Date.now() + 60_000 });

const control = async (path: string, body?: unknown) => {
  if (!server) return undefined;
  const response = await fetch(`${server.controlUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
};

beforeAll(async () => {
  if (REAL) {
    baseUrl = process.env.HUBSPOT_BASE_URL as string;
    token = process.env.HUBSPOT_TOKEN as string;
  } else {
    server = (await startFakeHubSpot({ port: 0, controlPort: 0 })) as FakeServer;
    baseUrl = server.url;
    token = server.token;
  }
});
afterAll(async () => server?.close());

beforeEach(async () => {
  await control('/reset', {});
  db = new BatonDb(`hubspot-${crypto.randomUUID()}`);
  crm = new CrmDb(`crm-${crypto.randomUUID()}`);
  const connection: HubSpotConnection = {
    system: 'hubspot',
    token,
    baseUrl,
    ownerId: process.env.HUBSPOT_OWNER_ID ?? '90001',
    fieldMap: defaultFieldMap,
    setup: defaultHubSpotSetup,
    connectedAt: new Date().toISOString(),
  };
  const client = new HubSpotClient({ baseUrl, token, timeoutMs: 3_000, sleep: async () => {} });
  const shared = newHubSpotShared();
  source = new HubSpotLeadSource(client, connection, db, crm, undefined, shared);
  writer = new HubSpotWriter(client, connection, shared.reads);
});

const newAttempt = (leadId: string, channel: Attempt['channel'], outcome: Attempt['outcome']): Attempt => ({
  id: crypto.randomUUID(),
  leadId,
  at: new Date().toISOString(),
  channel,
  outcome,
  note: 'Left a message about the pilot',
  sync: 'local',
  sample: false,
});

describe.skipIf(REAL && !process.env.HUBSPOT_OWNER_ID)('HubSpot as the lead source', () => {
  test('finds a contact by email and by record id, with its properties', async () => {
    const byEmail = await source.findByIdentity({ emails: [DANA] });
    expect(byEmail).toMatchObject({ name: 'Dana Whitfield', stage: 'mql', company: 'Northwind Health' });
    const id = byEmail?.crm[0]?.id ?? '';
    const byId = await source.findByIdentity({ emails: [], crm: { system: 'hubspot', id } });
    expect(byId?.id).toBe(byEmail?.id);
    expect(await source.findByIdentity({ emails: ['nobody@nowhere.example'] })).toBeUndefined();
  });

  test('reads the activity already on a contact (logged elsewhere) as attempts', async () => {
    const priya = await source.findByIdentity({ emails: ['priya.raman@larkspur-logistics.example'] });
    const context = await source.readLeadContext(priya?.id ?? '');
    expect(context?.attempts.length).toBeGreaterThan(0);
    expect(context?.attempts.every((a) => a.leadId === priya?.id)).toBe(true);
  });

  test('the queue lists the owner’s MQLs', async () => {
    const queue = await source.listQueue({ includeSample: true, limit: 500 });
    expect(queue.length).toBeGreaterThanOrEqual(3);
    expect(queue.every((lead) => lead.stage === 'mql' && lead.owner === '90001')).toBe(true);
  });

  test('a logged call arrives as one call associated with the contact, and reads back the same', async () => {
    const dana = await source.findByIdentity({ emails: [DANA] });
    const attempt = newAttempt(dana?.id ?? '', 'call', 'connected');
    expect((await source.logAttempt(attempt)).sync).toBe('pending');
    // Local first: the card has it before HubSpot does.
    expect(
      (await source.readLeadContext(dana?.id ?? ''))?.attempts.find((a) => a.id === attempt.id)?.sync,
    ).toBe('pending');
    expect(await flush()).toMatchObject({ sent: 1, failed: 0 });
    const context = await source.readLeadContext(dana?.id ?? '');
    expect(context?.attempts.filter((a) => a.id === attempt.id)).toEqual([
      expect.objectContaining({
        channel: 'call',
        outcome: 'connected',
        note: 'Left a message about the pilot',
      }),
    ]);
    if (server) {
      const state = await control('/state');
      const calls = JSON.stringify(state).match(new RegExp(attempt.id, 'g')) ?? [];
      expect(calls.length).toBeGreaterThan(0);
    }
  });

  test('email and LinkedIn attempts become an email and a LinkedIn communication', async () => {
    const dana = await source.findByIdentity({ emails: [DANA] });
    const email = newAttempt(dana?.id ?? '', 'email', 'no_answer');
    const linkedin = newAttempt(dana?.id ?? '', 'linkedin', 'replied');
    await source.logAttempt(email);
    await source.logAttempt(linkedin);
    await flush();
    const attempts = (await source.readLeadContext(dana?.id ?? ''))?.attempts ?? [];
    expect(attempts.find((a) => a.id === email.id)?.channel).toBe('email');
    expect(attempts.find((a) => a.id === linkedin.id)).toMatchObject({
      channel: 'linkedin',
      outcome: 'replied',
    });
  });

  test('a burst of card reads costs HubSpot one read; a write reaching HubSpot makes the next read fresh', async () => {
    if (!server) return;
    const dana = await source.findByIdentity({ emails: [DANA] });
    const leadId = dana?.id ?? '';
    const requests = async () => ((await control('/requests')) as { requests: unknown[] }).requests.length;
    await source.readLeadContext(leadId);
    const afterFirst = await requests();
    for (let i = 0; i < 5; i++) await source.readLeadContext(leadId);
    expect(await requests()).toBe(afterFirst);
    await source.updateFields(leadId, { need: 'Fewer no-shows' }, new Date());
    await flush();
    const context = await source.readLeadContext(leadId);
    expect(context?.lead.need).toBe('Fewer no-shows');
    expect(await requests()).toBeGreaterThan(afterFirst + 1);
  });

  test('with HubSpot out of reach, a card read before opens from what Baton kept, with the rep’s writes since', async () => {
    if (!server) return;
    const dana = await source.findByIdentity({ emails: [DANA] });
    const leadId = dana?.id ?? '';
    await source.readLeadContext(leadId);
    await control('/down', { down: true });
    try {
      await source.updateFields(leadId, { budget: '$120k' }, new Date());
      const call = newAttempt(leadId, 'call', 'no_answer');
      await source.logAttempt(call);
      // A restarted worker: nothing in memory, only what IndexedDB kept.
      const restarted = new HubSpotLeadSource(
        new HubSpotClient({ baseUrl, token, timeoutMs: 500, maxAttempts: 1, sleep: async () => {} }),
        {
          system: 'hubspot',
          token,
          baseUrl,
          ownerId: '90001',
          fieldMap: defaultFieldMap,
          setup: defaultHubSpotSetup,
          connectedAt: '',
        },
        db,
        crm,
      );
      const offline = await restarted.readLeadContext(leadId);
      expect(offline?.lead).toMatchObject({ name: 'Dana Whitfield', budget: '$120k' });
      expect(offline?.attempts.find((a) => a.id === call.id)?.sync).toBe('pending');
      // A lead never read before cannot be shown: the error says HubSpot is out of reach.
      await expect(restarted.readLeadContext('hubspot:51003')).rejects.toThrow();
    } finally {
      await control('/down', { down: false });
    }
  });

  test('a retry after a dropped response does not create a second engagement', async () => {
    if (!server) return;
    const dana = await source.findByIdentity({ emails: [DANA] });
    const attempt = newAttempt(dana?.id ?? '', 'call', 'no_answer');
    await source.logAttempt(attempt);
    await control('/next', { kinds: ['drop'] });
    // The write is applied, its answer lost: the sender finds its tag instead of writing it again.
    expect(await flush()).toMatchObject({ sent: 1, retried: 0 });
    const attempts = (await source.readLeadContext(dana?.id ?? ''))?.attempts ?? [];
    expect(attempts.filter((a) => a.id === attempt.id)).toHaveLength(1);
  });

  test('an attempt undone within the undo window never reaches HubSpot', async () => {
    const dana = await source.findByIdentity({ emails: [DANA] });
    const attempt = newAttempt(dana?.id ?? '', 'voicemail', 'left_voicemail');
    await source.logAttempt(attempt);
    await source.removeAttempt(attempt.id);
    expect(await flush()).toMatchObject({ sent: 0 });
    if (server) expect(JSON.stringify(await control('/state'))).not.toContain(attempt.id);
  });

  test('a revoked token pauses the outbox and keeps the entry; a 4xx is kept as failed with its reason', async () => {
    if (!server) return;
    const dana = await source.findByIdentity({ emails: [DANA] });
    const attempt = newAttempt(dana?.id ?? '', 'call', 'no_answer');
    await source.logAttempt(attempt);
    await control('/auth', { token: 'rotated-token' });
    expect((await flush()).paused).toMatch(/reconnect HubSpot/);
    expect((await new DexieOutbox(crm).status()).pending).toBe(1);
    await control('/auth', { token });
    await new DexieOutbox(crm).setPaused(undefined);
    const stranger = { ...newAttempt('hubspot:99999999', 'call', 'no_answer') };
    await source.logAttempt(stranger);
    const result = await flush();
    expect(result).toMatchObject({ sent: 1, failed: 1 });
    const status = await new DexieOutbox(crm).status();
    expect(status.failedEntries).toEqual([
      expect.objectContaining({ id: stranger.id, lastError: expect.stringContaining('refused') }),
    ]);
  });

  /** The contact as HubSpot has it now (not Baton's view with pending writes on top). */
  const inHubSpot = async (leadId: string) =>
    source.findByIdentity({ emails: [], crm: { system: 'hubspot', id: leadId.replace('hubspot:', '') } });

  test('a field update shows at once, waits in the outbox, and is written as contact properties', async () => {
    const dana = await source.findByIdentity({ emails: [DANA] });
    const leadId = dana?.id ?? '';
    await source.readLeadContext(leadId);
    const updated = await source.updateFields(
      leadId,
      { budget: '$80k', timeframe: 'Next quarter' },
      new Date(),
    );
    expect(updated).toMatchObject({ budget: '$80k', timeframe: 'Next quarter' });
    // Not in HubSpot yet, but the card shows it.
    expect((await inHubSpot(leadId))?.budget).not.toBe('$80k');
    expect((await source.readLeadContext(leadId))?.lead).toMatchObject({ budget: '$80k' });
    expect(await flush()).toMatchObject({ sent: 1, failed: 0 });
    expect(await inHubSpot(leadId)).toMatchObject({ budget: '$80k', timeframe: 'Next quarter' });
    await expect(source.updateFields(leadId, { companySize: -3 }, new Date())).rejects.toThrow();
    expect((await new DexieOutbox(crm).status()).pending).toBe(0);
  });

  test('accept moves the stage at once and reaches HubSpot after the undo window; undo puts it back', async () => {
    const dana = await source.findByIdentity({ emails: [DANA] });
    const leadId = dana?.id ?? '';
    const accept = { kind: 'accept' as const, id: crypto.randomUUID(), leadId, at: new Date().toISOString() };
    expect((await source.setDisposition(accept)).stage).toBe('sql');
    expect((await source.readLeadContext(leadId))?.lead.stage).toBe('sql');
    // Within the undo window nothing is sent.
    expect(
      await flushOutbox(new DexieOutbox(crm), hubspotSender(writer), { now: () => Date.now() }),
    ).toMatchObject({ sent: 0 });
    expect((await inHubSpot(leadId))?.stage).toBe('mql');
    expect((await source.listQueue({ includeSample: true, limit: 500 })).some((l) => l.id === leadId)).toBe(
      false,
    );
    expect(await flush()).toMatchObject({ sent: 1 });
    expect((await inHubSpot(leadId))?.stage).toBe('sql');
    expect((await source.undoDisposition(accept.id)).stage).toBe('mql');
    expect(await flush()).toMatchObject({ sent: 1 });
    expect((await inHubSpot(leadId))?.stage).toBe('mql');
  });

  test('a hand-back undone within the undo window never reaches HubSpot', async () => {
    const dana = await source.findByIdentity({ emails: [DANA] });
    const leadId = dana?.id ?? '';
    const recycle = {
      kind: 'recycle' as const,
      id: crypto.randomUUID(),
      leadId,
      at: new Date().toISOString(),
      reason: 'no_budget' as const,
    };
    await source.setDisposition(recycle);
    expect((await source.undoDisposition(recycle.id)).stage).toBe('mql');
    expect(await flush()).toMatchObject({ sent: 0 });
    if (server) expect(JSON.stringify(await control('/state'))).not.toContain(recycle.id);
    expect((await source.readLeadContext(leadId))?.dispositions).toEqual([]);
  });

  test('recycle sets the lead status with one note saying why, even when the answer is lost', async () => {
    const dana = await source.findByIdentity({ emails: [DANA] });
    const leadId = dana?.id ?? '';
    const recycle = {
      kind: 'recycle' as const,
      id: crypto.randomUUID(),
      leadId,
      at: new Date().toISOString(),
      reason: 'bad_timing' as const,
    };
    expect((await source.setDisposition(recycle)).stage).toBe('recycled');
    // The lead-status update goes through; the note is applied but its answer dropped.
    await control('/next', { kinds: ['pass', 'drop'] });
    await flush();
    await flush();
    if (server) {
      const state = JSON.stringify(await control('/state'));
      expect(state.match(/Recycled to nurture by sales in Baton\. Reason: Bad timing/g)).toHaveLength(1);
      expect(state.match(new RegExp(`\\[baton:${recycle.id}\\]`, 'g'))).toHaveLength(1);
    }
    expect((await inHubSpot(leadId))?.stage).toBe('recycled');
    expect((await new DexieOutbox(crm).status()).pending).toBe(0);
  });

  test('an asset sent and a content request become one note each on the contact', async () => {
    const dana = await source.findByIdentity({ emails: [DANA] });
    const leadId = dana?.id ?? '';
    await db.assets.put({
      id: 'asset-roi',
      title: 'ROI calculator',
      url: 'https://example.com/roi',
      kind: 'one_pager',
      industries: [],
      needs: [],
      stages: [],
      personas: [],
      summary: '',
      sample: false,
      updatedAt: new Date().toISOString(),
    });
    const sent = {
      id: crypto.randomUUID(),
      assetId: 'asset-roi',
      leadId,
      at: new Date().toISOString(),
      channel: 'gmail_insert' as const,
    };
    const asked = {
      id: crypto.randomUUID(),
      leadId,
      at: new Date().toISOString(),
      text: 'A case study in logistics',
    };
    await source.recordAssetSent(sent);
    await source.recordContentRequest(asked);
    const context = await source.readLeadContext(leadId);
    expect(context?.assetsSent.map((s) => s.id)).toEqual([sent.id]);
    expect(context?.contentRequests.map((r) => r.id)).toEqual([asked.id]);
    await control('/next', { kinds: ['drop'] });
    await flush();
    await flush();
    if (server) {
      const state = JSON.stringify(await control('/state'));
      expect(state.match(/Sent from Baton: ROI calculator \(https:\/\/example.com\/roi\)/g)).toHaveLength(1);
      expect(state.match(/A case study in logistics/g)).toHaveLength(1);
    }
    expect((await new DexieOutbox(crm).status()).pending).toBe(0);
    await expect(
      source.recordContentRequest({ ...asked, id: crypto.randomUUID(), text: ' ' }),
    ).rejects.toThrow(/say what the prospect asked for/);
  });

  test('a wrong token is an auth error that says to reconnect', async () => {
    const bad = new HubSpotClient({ baseUrl, token: 'wrong-token-123', sleep: async () => {} });
    await expect(bad.listContactProperties()).rejects.toThrow(/reconnect HubSpot/);
  });
});
