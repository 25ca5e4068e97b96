/**
 * HubSpot as sales teams run it in 2026, against the local test server (test/hubspot-server):
 * the SLA clock from the owner's history, the portal's own score and the content history in
 * contacts mode; and Leads mode end to end — the setup read from the portal, my queue from the
 * Leads object, the card's lead stage, writes on the lead record and its contact, exactly once.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { readSetupChoices, saveSetup } from '@/lib/background/crm-setup';
import { type HubSpotConnection, readConnection, saveConnection } from '@/lib/crm/connection';
import { HubSpotClient } from '@/lib/crm/hubspot/client';
import { defaultFieldMap } from '@/lib/crm/hubspot/mapping';
import { hubspotSender } from '@/lib/crm/hubspot/outbox-sender';
import { defaultHubSpotSetup, type HubSpotSetup } from '@/lib/crm/hubspot/setup';
import { HubSpotLeadSource, newHubSpotShared } from '@/lib/crm/hubspot/source';
import { HubSpotWriter } from '@/lib/crm/hubspot/writer';
import type { Attempt } from '@/lib/model/schemas';
import { flushOutbox } from '@/lib/outbox/flush';
import { DexieOutbox } from '@/lib/outbox/store';
import { CrmDb, crmDb } from '@/lib/store/crm-db';
import { BatonDb } from '@/lib/store/db';
import { DANA_HISTORY, HERO_LEADS, SEEDED_LEADS, startFakeHubSpot } from '../hubspot-server/server.mjs';

type FakeServer = { url: string; controlUrl: string; token: string; close(): Promise<void> };
type PortalState = {
  contacts: Array<{ id: string; properties: Record<string, string | null> }>;
  leads: Array<{
    id: string;
    properties: Record<string, string | null>;
    associations: Record<string, string[]>;
  }>;
  engagements: Record<
    'calls' | 'emails' | 'communications' | 'notes',
    Array<{ id: string; properties: Record<string, string | null>; associations: Record<string, string[]> }>
  >;
};

const MINUTE = 60_000;
let server: FakeServer;
let db: BatonDb;
let crm: CrmDb;

const control = async (path: string, body?: unknown) => {
  const response = await fetch(`${server.controlUrl}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
};
const state = async () => (await control('/state')) as PortalState;

const connectionWith = (setup: HubSpotSetup): HubSpotConnection => ({
  system: 'hubspot',
  token: server.token,
  baseUrl: server.url,
  ownerId: '90001',
  fieldMap: defaultFieldMap,
  setup,
  connectedAt: new Date().toISOString(),
});

/** The source and the flusher's writer over one connection, as the background builds them. */
function connect(connection: HubSpotConnection) {
  const client = new HubSpotClient({
    baseUrl: connection.baseUrl,
    token: connection.token,
    timeoutMs: 3_000,
    sleep: async () => {},
  });
  const shared = newHubSpotShared();
  const source = new HubSpotLeadSource(client, connection, db, crm, undefined, shared);
  const writer = new HubSpotWriter(client, connection, shared.reads);
  const flush = () =>
    flushOutbox(new DexieOutbox(crm), hubspotSender(writer), { now: () => Date.now() + 60_000 });
  return { source, flush };
}

const attempt = (leadId: string, channel: Attempt['channel'], outcome: Attempt['outcome']): Attempt => ({
  id: crypto.randomUUID(),
  leadId,
  at: new Date().toISOString(),
  channel,
  outcome,
  sync: 'local',
  sample: false,
});

/** Saves the connection where the background keeps it, then the Leads setup as the options page would. */
async function setUpLeadsMode(scoreProperty?: string): Promise<HubSpotConnection> {
  await saveConnection(connectionWith(defaultHubSpotSetup));
  await saveSetup({
    mode: 'leads',
    leads: {
      pipelineId: 'lead-pipeline-id',
      workStageIds: ['new-stage-id', 'attempting-stage-id', 'connected-stage-id'],
      qualifiedStageId: 'qualified-stage-id',
      unqualifiedStageId: 'unqualified-stage-id',
      handoffStageId: 'new-stage-id',
    },
    scoreProperty,
  });
  const saved = await readConnection();
  if (!saved) throw new Error('the setup was not saved');
  return saved;
}

beforeAll(async () => {
  server = (await startFakeHubSpot({ port: 0, controlPort: 0 })) as FakeServer;
});
afterAll(async () => server?.close());
beforeEach(async () => {
  await control('/reset', {});
  await control('/auth', { missingScopes: [] });
  db = new BatonDb(`leads-${crypto.randomUUID()}`);
  crm = new CrmDb(`crm-leads-${crypto.randomUUID()}`);
  await crmDb().connections.clear();
});

describe('contacts mode: the clock, the score and the content as HubSpot keeps them', () => {
  test('a reassigned contact’s clock starts when the new owner got it, and the card says after whom', async () => {
    const setup = { ...defaultHubSpotSetup, ownerNames: { '90002': 'Jo Teammate' } };
    const { source } = connect(connectionWith(setup));
    const before = Date.now();
    // Priya was handed over 190 minutes ago to the rep; Jo has her for a moment, then the rep again.
    const client = new HubSpotClient({ baseUrl: server.url, token: server.token });
    await client.updateContact('51002', { hubspot_owner_id: '90002' });
    await client.updateContact('51002', { hubspot_owner_id: '90001' });
    const context = await source.readLeadContext('hubspot:51002');
    expect(context?.lead.handoff).toEqual({ from: 'owner_assigned', previousOwner: 'Jo Teammate' });
    expect(Date.parse(context?.lead.mqlAt ?? '')).toBeGreaterThanOrEqual(before - 1000);
    // Marco was never reassigned: his clock is his MQL date.
    const marco = await source.readLeadContext('hubspot:51003');
    expect(marco?.lead.handoff).toEqual({ from: 'mql' });
    const marcoRecord = (await state()).contacts.find((c) => c.id === '51003');
    expect(marco?.lead.mqlAt).toBe(
      new Date(marcoRecord?.properties.hs_lifecyclestage_marketingqualifiedlead_date ?? '').toISOString(),
    );
  });

  test('Dana’s card names who had her before the rep (Jo), from the owner history', async () => {
    const { source } = connect(
      connectionWith({ ...defaultHubSpotSetup, ownerNames: { '90002': 'Jo Teammate' } }),
    );
    const context = await source.readLeadContext('hubspot:51001');
    expect(context?.lead.handoff).toEqual({ from: 'owner_assigned', previousOwner: 'Jo Teammate' });
  });

  test('content consumed: every conversion, email click and visit in the history, newest first', async () => {
    const { source } = connect(connectionWith(defaultHubSpotSetup));
    const touches = (await source.readLeadContext('hubspot:51001'))?.touches ?? [];
    const titles = (kind: string) => touches.filter((t) => t.kind === kind).map((t) => t.title);
    // Four conversions (the first conversion is also the oldest recent one: one touch).
    expect(titles('form')).toEqual([...DANA_HISTORY.conversions].reverse().map((c) => c.name));
    expect(titles('email_click')).toEqual(
      [...DANA_HISTORY.emailClicks].reverse().map((c) => `Clicked in the email “${c.name}”`),
    );
    expect(touches.filter((t) => t.kind === 'page_view').map((t) => t.url)).toEqual(
      [...DANA_HISTORY.pageVisits].sort((a, b) => a.minutesAgo - b.minutesAgo).map((v) => v.url),
    );
    const instants = touches.map((t) => Date.parse(t.at));
    expect(instants).toEqual([...instants].sort((a, b) => b - a));
  });

  test('the portal’s own score comes from the picked property, labelled as HubSpot’s; none is read otherwise', async () => {
    await saveConnection(connectionWith(defaultHubSpotSetup));
    const choices = await readSetupChoices();
    expect(choices.scoreProperties.map((p) => p.name)).toContain('lead_scoring_combined');
    expect(choices.scoreProperties.map((p) => p.name)).not.toContain('hubspotscore');
    await expect(saveSetup({ mode: 'contacts', scoreProperty: 'hubspotscore' })).rejects.toThrow(
      /not a number property/,
    );
    await saveSetup({ mode: 'contacts', scoreProperty: 'lead_scoring_combined' });
    const saved = await readConnection();
    const { source } = connect(saved as HubSpotConnection);
    const lead = (await source.readLeadContext('hubspot:51001'))?.lead;
    expect(lead).toMatchObject({ crmScore: 82, crmScoreLabel: 'HubSpot: Combined score' });
    const { source: unscored } = connect(connectionWith(defaultHubSpotSetup));
    expect((await unscored.readLeadContext('hubspot:51001'))?.lead.crmScore).toBeUndefined();
  });
});

test('without the optional owners scope the setup still saves; the card names the previous owner by id', async () => {
  await control('/auth', { missingScopes: ['crm.objects.owners.read'] });
  await saveConnection(connectionWith(defaultHubSpotSetup));
  await saveSetup({ mode: 'contacts' });
  const saved = (await readConnection()) as HubSpotConnection;
  expect(saved.setup.ownerNames).toEqual({});
  const { source } = connect(saved);
  expect((await source.readLeadContext('hubspot:51001'))?.lead.handoff).toEqual({
    from: 'owner_assigned',
    previousOwner: 'owner 90002',
  });
});

describe('Leads mode', () => {
  test('is offered only when the portal’s Leads pipeline is readable', async () => {
    await saveConnection(connectionWith(defaultHubSpotSetup));
    const offered = await readSetupChoices();
    expect(offered.leads).toMatchObject({
      available: true,
      pipelines: [
        {
          id: 'lead-pipeline-id',
          stages: [
            { id: 'new-stage-id', label: 'New' },
            { id: 'attempting-stage-id', label: 'Attempting' },
            { id: 'connected-stage-id', label: 'Connected' },
            { id: 'qualified-stage-id', label: 'Qualified' },
            { id: 'unqualified-stage-id', label: 'Unqualified' },
          ],
        },
      ],
    });
    await control('/auth', { missingScopes: ['crm.objects.leads.read'] });
    const refused = await readSetupChoices();
    expect(refused.leads).toMatchObject({ available: false, reason: expect.stringContaining('Sales Hub') });
    await expect(setUpLeadsMode()).rejects.toThrow(/Leads object is not readable/);
    expect((await readConnection())?.setup.mode).toBe('contacts');
  });

  test('a pick the portal does not have is refused, naming it; the saved setup keeps the labels and reasons', async () => {
    await saveConnection(connectionWith(defaultHubSpotSetup));
    await expect(
      saveSetup({
        mode: 'leads',
        leads: {
          pipelineId: 'lead-pipeline-id',
          workStageIds: ['new-stage-id', 'no-such-stage'],
          qualifiedStageId: 'qualified-stage-id',
          unqualifiedStageId: 'unqualified-stage-id',
          handoffStageId: 'new-stage-id',
        },
      }),
    ).rejects.toThrow(/no stage no-such-stage/);
    const saved = await setUpLeadsMode();
    expect(saved.setup.leads?.stageLabels['attempting-stage-id']).toBe('Attempting');
    expect(saved.setup.leads?.reasonOptions).toMatchObject({
      no_budget: 'NO_BUDGET',
      bad_timing: 'BAD_TIMING',
      unresponsive: 'OTHER',
    });
    expect(saved.setup.ownerNames['90002']).toBe('Jo Teammate');
  });

  test('my queue is my open lead records in the stages to work, as their contacts', async () => {
    const { source } = connect(await setUpLeadsMode());
    const queue = await source.listQueue({ includeSample: true, limit: 500 });
    const ids = queue.map((lead) => lead.id).sort();
    expect(ids).toEqual(HERO_LEADS.map((l: { contactId: string }) => `hubspot:${l.contactId}`).sort());
    expect(ids).not.toContain(`hubspot:${SEEDED_LEADS.qualified.contactId}`);
    expect(ids).not.toContain(`hubspot:${SEEDED_LEADS.colleague.contactId}`);
    expect(queue.find((lead) => lead.id === 'hubspot:51003')).toMatchObject({
      stage: 'mql',
      crmStage: 'Attempting',
      owner: '90001',
      handoff: { from: 'lead_stage' },
    });
  });

  test('the card shows the lead stage beside the contact; the clock starts when the lead entered its first stage', async () => {
    const { source } = connect(await setUpLeadsMode());
    const marco = (await source.readLeadContext('hubspot:51003'))?.lead;
    const record = (await state()).leads.find((l) => l.id === '80003');
    expect(marco).toMatchObject({ name: 'Marco Bellini', company: 'Fiore Retail', crmStage: 'Attempting' });
    expect(marco?.mqlAt).toBe(
      new Date(record?.properties['hs_date_entered_new-stage-id'] ?? '').toISOString(),
    );
  });

  test('a logged call is one call on the contact and its lead record, even when its answer is lost', async () => {
    const { source, flush } = connect(await setUpLeadsMode());
    const call = attempt('hubspot:51001', 'call', 'connected');
    await source.logAttempt(call);
    await control('/next', { kinds: ['drop'] });
    expect(await flush()).toMatchObject({ sent: 1 });
    const calls = (await state()).engagements.calls.filter((c) =>
      JSON.stringify(c.properties).includes(call.id),
    );
    expect(calls).toHaveLength(1);
    expect(calls[0]?.associations.contacts).toEqual(['51001']);
    expect(calls[0]?.associations.leads).toEqual(['80001']);
  });

  test('accept moves the lead record to the qualified stage and leaves the contact’s lifecycle alone', async () => {
    const { source, flush } = connect(await setUpLeadsMode());
    await source.readLeadContext('hubspot:51001');
    const lead = await source.setDisposition({
      kind: 'accept',
      id: crypto.randomUUID(),
      leadId: 'hubspot:51001',
      at: new Date().toISOString(),
    });
    expect(lead.stage).toBe('sql');
    expect(await flush()).toMatchObject({ sent: 1, failed: 0 });
    const portal = await state();
    expect(portal.leads.find((l) => l.id === '80001')?.properties.hs_pipeline_stage).toBe(
      'qualified-stage-id',
    );
    expect(portal.contacts.find((c) => c.id === '51001')?.properties.lifecyclestage).toBe(
      'marketingqualifiedlead',
    );
    expect((await source.readLeadContext('hubspot:51001'))?.lead).toMatchObject({
      stage: 'sql',
      crmStage: 'Qualified',
    });
  });

  test('recycle sets the unqualified stage with the reason and a tagged note; undo puts the stage back', async () => {
    const { source, flush } = connect(await setUpLeadsMode());
    await source.readLeadContext('hubspot:51002');
    const id = crypto.randomUUID();
    await source.setDisposition({
      kind: 'recycle',
      id,
      leadId: 'hubspot:51002',
      at: new Date().toISOString(),
      reason: 'no_budget',
      text: 'Budget frozen until Q3',
    });
    expect(await flush()).toMatchObject({ sent: 1, failed: 0 });
    let portal = await state();
    expect(portal.leads.find((l) => l.id === '80002')?.properties).toMatchObject({
      hs_pipeline_stage: 'unqualified-stage-id',
      hs_lead_disqualification_reason: 'NO_BUDGET',
    });
    const note = portal.engagements.notes.find((n) => n.properties.hs_note_body?.includes(id));
    expect(note?.properties.hs_note_body).toContain('Budget frozen until Q3');
    expect(note?.associations).toMatchObject({ contacts: ['51002'], leads: ['80002'] });
    // HubSpot has one closing stage; the rep's hand-back says it was a recycle.
    expect((await source.readLeadContext('hubspot:51002'))?.lead.stage).toBe('recycled');

    await source.undoDisposition(id);
    expect(await flush()).toMatchObject({ failed: 0 });
    portal = await state();
    expect(portal.leads.find((l) => l.id === '80002')?.properties.hs_pipeline_stage).toBe('new-stage-id');
    expect(portal.leads.find((l) => l.id === '80002')?.properties.hs_lead_disqualification_reason ?? '').toBe(
      '',
    );
    expect(portal.engagements.notes.some((n) => n.properties.hs_note_body?.includes(id))).toBe(false);
  });

  test('a reassigned lead record restarts the clock for its new owner', async () => {
    const connection = await setUpLeadsMode();
    const client = new HubSpotClient({ baseUrl: server.url, token: server.token });
    const before = Date.now() - MINUTE;
    await client.updateRecord('leads', '80003', { hubspot_owner_id: '90002' });
    await client.updateRecord('leads', '80003', { hubspot_owner_id: '90001' });
    const { source } = connect(connection);
    const marco = (await source.readLeadContext('hubspot:51003'))?.lead;
    expect(marco?.handoff).toEqual({ from: 'owner_assigned', previousOwner: 'Jo Teammate' });
    expect(Date.parse(marco?.mqlAt ?? '')).toBeGreaterThan(before);
  });
});
