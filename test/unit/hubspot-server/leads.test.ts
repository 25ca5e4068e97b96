import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  COLLEAGUE_OWNER_ID,
  DANA_HISTORY,
  HERO_LEADS,
  INTEGRATION_SOURCE_ID,
  LEAD_ASSOCIATION_TYPE_IDS,
  REP_OWNER_ID,
  SEEDED_ENGAGEMENTS,
  SEEDED_LEADS,
} from '../../hubspot-server/server.mjs';
import { type Harness, type Json, startHarness, toContact, V, where } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.server.close();
});

const MINUTE = 60_000;
const STAGES = [
  'new-stage-id',
  'attempting-stage-id',
  'connected-stage-id',
  'qualified-stage-id',
  'unqualified-stage-id',
];
const toLeadContact = (contactId: string) => toContact(contactId, 578);
const createLead = (properties: object, associations: unknown = toLeadContact('51004')) =>
  h.call('POST', `/crm/objects/${V}/leads`, { properties, associations });
const batchRead = (type: string, body: object) =>
  h.call('POST', `/crm/objects/${V}/${type}/batch/read`, body);
/** Within a few seconds of `expected` (epoch ms). */
const near = (iso: string | null | undefined, expected: number, slack = 5_000) => {
  const at = Date.parse(iso ?? '');
  expect(at).toBeGreaterThan(expected - slack);
  expect(at).toBeLessThan(expected + slack);
};

describe('lead properties and pipelines', () => {
  it('lists the lead properties, one entered and one exited date per stage', async () => {
    const reply = await h.call('GET', `/crm/properties/${V}/leads`);
    expect(reply.status).toBe(200);
    const byName = new Map<string, Json>(reply.body.results.map((p: Json) => [p.name, p]));
    for (const name of [
      'hs_lead_name',
      'hs_pipeline',
      'hs_pipeline_stage',
      'hubspot_owner_id',
      'hs_lead_disqualification_reason',
      'hs_lead_type',
      'hs_primary_contact_id',
      'hs_object_id',
      'hs_createdate',
      'createdate',
      'hs_lastmodifieddate',
      ...STAGES.flatMap((stage) => [`hs_date_entered_${stage}`, `hs_date_exited_${stage}`]),
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.get('hs_pipeline_stage').options.map((o: Json) => o.value)).toEqual(STAGES);
    expect(byName.get('hs_lead_disqualification_reason').options).toContainEqual(
      expect.objectContaining({ value: 'COMPETITOR', label: 'Went with a competitor' }),
    );
    expect(byName.get('hs_date_entered_new-stage-id')).toMatchObject({ type: 'datetime' });
    expect((await h.call('GET', `/crm/properties/${V}/0-136`)).body.results).toHaveLength(
      reply.body.results.length,
    );
  });

  it('answers the lead pipeline with its five stages in order, and 404 for other objects', async () => {
    const reply = await h.call('GET', `/crm/pipelines/${V}/0-136`);
    expect(reply.status).toBe(200);
    expect(reply.body.results).toHaveLength(1);
    const [pipeline] = reply.body.results;
    expect(pipeline).toMatchObject({
      id: 'lead-pipeline-id',
      label: 'Lead pipeline',
      displayOrder: 0,
      archived: false,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(pipeline.stages.map((s: Json) => [s.id, s.label, s.displayOrder])).toEqual([
      ['new-stage-id', 'New', 0],
      ['attempting-stage-id', 'Attempting', 1],
      ['connected-stage-id', 'Connected', 2],
      ['qualified-stage-id', 'Qualified', 3],
      ['unqualified-stage-id', 'Unqualified', 4],
    ]);
    expect(pipeline.stages[0]).toMatchObject({
      archived: false,
      metadata: {},
      createdAt: expect.any(String),
    });
    expect((await h.call('GET', `/crm/pipelines/${V}/leads`)).body).toEqual(reply.body);
    const deals = await h.call('GET', `/crm/pipelines/${V}/deals`);
    expect(deals.status).toBe(404);
    expect((await h.call('GET', `/crm/pipelines/${V}/contacts`)).status).toBe(404);
  });

  it('needs the leads scopes: 403 MISSING_SCOPES without them, contacts unaffected', async () => {
    await h.control('POST', '/auth', {
      missingScopes: ['crm.objects.leads.read', 'crm.objects.leads.write'],
    });
    for (const [method, path, body] of [
      ['GET', `/crm/objects/${V}/leads/${HERO_LEADS[0]?.id}`],
      ['POST', `/crm/objects/${V}/leads/search`, {}],
      ['GET', `/crm/pipelines/${V}/leads`],
      ['GET', `/crm/properties/${V}/leads`],
      ['GET', `/crm/objects/${V}/contacts/51001/associations/leads`],
    ] as const) {
      const reply = await h.call(method, path, body);
      expect(reply.status, path).toBe(403);
      expect(reply.body.category).toBe('MISSING_SCOPES');
      expect(reply.body.errors[0].context.requiredGranularScopes).toEqual(['crm.objects.leads.read']);
    }
    const write = await h.call('PATCH', `/crm/objects/${V}/leads/${HERO_LEADS[0]?.id}`, {
      properties: { hs_pipeline_stage: 'attempting-stage-id' },
    });
    expect(write.status).toBe(403);
    expect(write.body.errors[0].context.requiredGranularScopes).toEqual(['crm.objects.leads.write']);
    const put = await h.call(
      'PUT',
      `/crm/objects/${V}/calls/${SEEDED_ENGAGEMENTS.priyaDialerCall}/associations/default/leads/${HERO_LEADS[1]?.id}`,
    );
    expect(put.status).toBe(403);
    expect((await h.call('GET', `/crm/objects/${V}/contacts/51001`)).status).toBe(200);
    expect(
      (await h.state()).leads.find((l) => l.id === HERO_LEADS[0]?.id)?.properties.hs_pipeline_stage,
    ).toBe('new-stage-id');
  });
});

describe('leads: read, search, create, update', () => {
  it('reads a seeded lead by id with the asked properties and the always-returned ones', async () => {
    const dana = HERO_LEADS[0];
    const reply = await h.call(
      'GET',
      `/crm/objects/${V}/lead/${dana?.id}?properties=hs_lead_name,hs_pipeline,hs_pipeline_stage,hubspot_owner_id,hs_primary_contact_id,nonexistent`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: dana?.id, archived: false });
    expect(Object.keys(reply.body.properties).sort()).toEqual(
      [
        'createdate',
        'hs_createdate',
        'hs_lastmodifieddate',
        'hs_lead_name',
        'hs_object_id',
        'hs_pipeline',
        'hs_pipeline_stage',
        'hs_primary_contact_id',
        'hubspot_owner_id',
      ].sort(),
    );
    expect(reply.body.properties).toMatchObject({
      hs_pipeline: 'lead-pipeline-id',
      hs_pipeline_stage: 'new-stage-id',
      hubspot_owner_id: REP_OWNER_ID,
      hs_primary_contact_id: '51001',
    });
    expect(reply.body.propertiesWithHistory).toBeUndefined();
    expect((await h.call('GET', `/crm/objects/${V}/leads/99999`)).status).toBe(404);
  });

  it('searches leads by owner and stage like contacts, and never returns history', async () => {
    const mine = await h.call('POST', `/crm/objects/${V}/leads/search`, {
      ...where([
        { propertyName: 'hubspot_owner_id', operator: 'EQ', value: REP_OWNER_ID },
        {
          propertyName: 'hs_pipeline_stage',
          operator: 'IN',
          values: ['new-stage-id', 'attempting-stage-id'],
        },
      ]),
      properties: ['hs_pipeline_stage', 'hs_primary_contact_id'],
      propertiesWithHistory: ['hs_pipeline_stage'],
      sorts: [{ propertyName: 'hs_createdate', direction: 'DESCENDING' }],
    });
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBe(3);
    // Newest first: Dana (25 min), Priya (190 min), Marco (3 days).
    expect(mine.body.results.map((r: Json) => r.properties.hs_primary_contact_id)).toEqual([
      '51001',
      '51002',
      '51003',
    ]);
    expect(mine.body.results.every((r: Json) => r.propertiesWithHistory === undefined)).toBe(true);
    const all = await h.call('POST', `/crm/objects/${V}/leads/search`, { limit: 100 });
    expect(all.body.results.map((r: Json) => r.id)).toEqual(['80001', '80002', '80003', '80004', '80005']);
    const bad = await h.call(
      'POST',
      `/crm/objects/${V}/leads/search`,
      where([{ propertyName: 'lifecyclestage', operator: 'EQ', value: 'lead' }]),
    );
    expect(bad.status).toBe(400);
  });

  it('creates a lead in the first stage, associated with its contact (578), and lists it on the contact', async () => {
    const before = Date.now();
    const created = await createLead({ hs_lead_name: 'Avery Okafor (new)', hubspot_owner_id: REP_OWNER_ID });
    expect(created.status).toBe(201);
    expect(created.body.id).toBe('80006');
    expect(created.body.properties).toMatchObject({
      hs_lead_name: 'Avery Okafor (new)',
      hs_pipeline: 'lead-pipeline-id',
      hs_pipeline_stage: 'new-stage-id',
      hubspot_owner_id: REP_OWNER_ID,
      hs_primary_contact_id: '51004',
    });
    near(created.body.properties['hs_date_entered_new-stage-id'], before);

    const listed = await h.call('GET', `/crm/objects/${V}/contacts/51004/associations/leads`);
    expect(listed.body.results).toEqual([
      {
        toObjectId: 80006,
        associationTypes: [
          { category: 'HUBSPOT_DEFINED', typeId: LEAD_ASSOCIATION_TYPE_IDS.contacts.toLead, label: null },
        ],
      },
    ]);
    const back = await h.call('GET', `/crm/objects/${V}/leads/80006/associations/contacts`);
    expect(back.body.results).toEqual([
      { toObjectId: 51004, associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 578, label: null }] },
    ]);
    const state = await h.state();
    expect(state.leads.find((l) => l.id === '80006')?.associations.contacts).toEqual(['51004']);
    expect(state.contacts.find((c) => c.id === '51004')?.associations.leads).toEqual(['80006']);

    const given = await createLead({
      hs_lead_name: 'Straight to connected',
      hs_pipeline_stage: 'connected-stage-id',
    });
    expect(given.body.properties.hs_pipeline_stage).toBe('connected-stage-id');
    expect(given.body.properties['hs_date_entered_connected-stage-id']).toEqual(expect.any(String));
  });

  it('refuses a lead without a name, without a contact, with a missing contact or a wrong association type', async () => {
    const noName = await createLead({ hubspot_owner_id: REP_OWNER_ID });
    expect(noName.status).toBe(400);
    expect(noName.body).toMatchObject({ category: 'VALIDATION_ERROR' });
    expect(noName.body.errors[0]).toMatchObject({
      code: 'REQUIRED_PROPERTY',
      context: { propertyName: ['hs_lead_name'] },
    });

    for (const associations of [undefined, []]) {
      const alone = await h.call('POST', `/crm/objects/${V}/leads`, {
        properties: { hs_lead_name: 'Nobody' },
        ...(associations ? { associations } : {}),
      });
      expect(alone.status).toBe(400);
      expect(alone.body.message).toMatch(/associated with an existing contact/);
      expect(alone.body.message).toContain('578');
    }
    const missing = await createLead({ hs_lead_name: 'Ghost' }, toLeadContact('59999'));
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/contact 59999 does not exist/);
    const wrongType = await createLead({ hs_lead_name: 'Wrong type' }, toContact('51004', 194));
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.message).toMatch(/HUBSPOT_DEFINED\/578/);
    const badStage = await createLead({ hs_lead_name: 'Bad stage', hs_pipeline_stage: 'closed-won' });
    expect(badStage.status).toBe(400);
    expect(badStage.body.errors[0]).toMatchObject({ code: 'INVALID_OPTION' });
    const readOnly = await createLead({ hs_lead_name: 'Sneaky', hs_primary_contact_id: '51001' });
    expect(readOnly.status).toBe(400);
    expect(readOnly.body.errors[0].code).toBe('READ_ONLY_VALUE');

    expect((await h.state()).leads).toHaveLength(5);
  });

  it('moves a lead: records the entered date of the new stage and the exited date of the old one', async () => {
    const before = Date.now();
    const lead = HERO_LEADS[0]?.id;
    const moved = await h.call('PATCH', `/crm/objects/${V}/leads/${lead}`, {
      properties: { hs_pipeline_stage: 'attempting-stage-id' },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.properties.hs_pipeline_stage).toBe('attempting-stage-id');
    near(moved.body.properties['hs_date_entered_attempting-stage-id'], before);
    near(moved.body.properties['hs_date_exited_new-stage-id'], before);
    near(moved.body.properties.hs_lastmodifieddate, before);

    // Back and forth: the entered date is the latest entry.
    await h.call('PATCH', `/crm/objects/${V}/leads/${lead}`, {
      properties: { hs_pipeline_stage: 'new-stage-id' },
    });
    const state = await h.state();
    const props = state.leads.find((l) => l.id === lead)?.properties ?? {};
    near(props['hs_date_entered_new-stage-id'], Date.now());
    near(props['hs_date_exited_attempting-stage-id'], Date.now());

    const history = await h.call(
      'GET',
      `/crm/objects/${V}/leads/${lead}?propertiesWithHistory=hs_pipeline_stage,hs_date_entered_new-stage-id`,
    );
    expect(history.body.propertiesWithHistory.hs_pipeline_stage.map((e: Json) => e.value)).toEqual([
      'new-stage-id',
      'attempting-stage-id',
      'new-stage-id',
    ]);
    expect(history.body.propertiesWithHistory.hs_pipeline_stage[0]).toMatchObject({
      sourceType: 'INTEGRATION',
      sourceId: INTEGRATION_SOURCE_ID,
    });
    expect(history.body.propertiesWithHistory['hs_date_entered_new-stage-id']).toHaveLength(2);
  });

  it('validates a lead update like a contact update, changing nothing', async () => {
    const lead = HERO_LEADS[0]?.id;
    for (const [properties, code] of [
      [{ hs_pipeline_stage: 'won-stage-id' }, 'INVALID_OPTION'],
      [{ hs_lead_disqualification_reason: 'TOO_EXPENSIVE' }, 'INVALID_OPTION'],
      [{ hubspot_owner_id: '12345' }, 'INVALID_OWNER_ID'],
      [{ 'hs_date_entered_new-stage-id': '2026-01-01' }, 'READ_ONLY_VALUE'],
      [{ lifecyclestage: 'lead' }, 'PROPERTY_DOESNT_EXIST'],
      [{ hs_pipeline_stage: '' }, 'REQUIRED_PROPERTY'],
    ] as const) {
      const reply = await h.call('PATCH', `/crm/objects/${V}/leads/${lead}`, { properties });
      expect(reply.status, JSON.stringify(properties)).toBe(400);
      expect(reply.body.category).toBe('VALIDATION_ERROR');
      expect(reply.body.errors[0].code).toBe(code);
    }
    const ok = await h.call('PATCH', `/crm/objects/${V}/leads/${lead}`, {
      properties: {
        hs_pipeline_stage: 'unqualified-stage-id',
        hs_lead_disqualification_reason: 'COMPETITOR',
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.properties).toMatchObject({ hs_lead_disqualification_reason: 'COMPETITOR' });
    expect((await h.call('PATCH', `/crm/objects/${V}/leads/99999`, { properties: {} })).status).toBe(404);
  });

  it('batch-reads leads, and a lead can be deleted', async () => {
    const read = await batchRead('leads', {
      inputs: HERO_LEADS.map((l) => ({ id: l.id })),
      properties: ['hs_pipeline_stage'],
      propertiesWithHistory: [],
    });
    expect(read.status).toBe(200);
    expect(read.body.results.map((r: Json) => r.properties.hs_pipeline_stage)).toEqual(
      HERO_LEADS.map((l) => l.stage),
    );
    expect((await h.call('DELETE', `/crm/objects/${V}/leads/${SEEDED_LEADS.qualified.id}`)).status).toBe(204);
    expect((await h.call('GET', `/crm/objects/${V}/leads/${SEEDED_LEADS.qualified.id}`)).status).toBe(404);
    expect((await h.state()).archived.leads).toEqual([SEEDED_LEADS.qualified.id]);
  });
});

describe('associations with leads', () => {
  const put = (from: string, fromId: string, to: string, toId: string) =>
    h.call('PUT', `/crm/objects/${V}/${from}/${fromId}/associations/default/${to}/${toId}`);

  it('associates an engagement with a lead by default PUT, idempotently, both directions', async () => {
    const priyaLead = HERO_LEADS[1]?.id ?? '';
    const call = SEEDED_ENGAGEMENTS.priyaDialerCall;
    const first = await put('calls', call, 'leads', priyaLead);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'COMPLETE',
      startedAt: expect.any(String),
      completedAt: expect.any(String),
    });
    expect(first.body.results).toEqual([
      {
        from: { id: call },
        to: { id: priyaLead },
        associationSpec: {
          associationCategory: 'HUBSPOT_DEFINED',
          associationTypeId: LEAD_ASSOCIATION_TYPE_IDS.calls.toLead,
        },
      },
      {
        from: { id: priyaLead },
        to: { id: call },
        associationSpec: {
          associationCategory: 'HUBSPOT_DEFINED',
          associationTypeId: LEAD_ASSOCIATION_TYPE_IDS.calls.fromLead,
        },
      },
    ]);
    const stateOnce = await h.state();
    const again = await put('calls', call, 'leads', priyaLead);
    expect(again.status).toBe(200);
    const stateTwice = await h.state();
    expect(stateTwice.leads).toEqual(stateOnce.leads);
    expect(stateTwice.engagements.calls).toEqual(stateOnce.engagements.calls);
    expect(stateTwice.leads.find((l) => l.id === priyaLead)?.associations.calls).toEqual([call]);
    expect(stateTwice.engagements.calls.find((c) => c.id === call)?.associations).toEqual({
      contacts: ['51002'],
      leads: [priyaLead],
    });

    const listed = await h.call('GET', `/crm/objects/${V}/leads/${priyaLead}/associations/calls`);
    expect(listed.body.results.map((r: Json) => r.toObjectId)).toEqual([Number(call)]);
    // Marco's LinkedIn message is on his lead from the seed.
    const marco = await h.call(
      'GET',
      `/crm/objects/${V}/0-136/${HERO_LEADS[2]?.id}/associations/communications`,
    );
    expect(marco.body.results.map((r: Json) => String(r.toObjectId))).toEqual([
      SEEDED_ENGAGEMENTS.marcoLinkedInMessage,
    ]);
  });

  it('associates a lead with another contact: the primary contact stays the first', async () => {
    const dana = HERO_LEADS[0]?.id ?? '';
    const reply = await put('leads', dana, 'contacts', '51004');
    expect(reply.status).toBe(200);
    expect(reply.body.results[0].associationSpec.associationTypeId).toBe(578);
    const lead = await h.call('GET', `/crm/objects/${V}/leads/${dana}?properties=hs_primary_contact_id`);
    expect(lead.body.properties.hs_primary_contact_id).toBe('51001');
    const contacts = await h.call('GET', `/crm/objects/${V}/leads/${dana}/associations/contacts`);
    expect(contacts.body.results.map((r: Json) => r.toObjectId)).toEqual([51001, 51004]);
  });

  it('answers 404 OBJECT_NOT_FOUND when either record is missing, 400 for a pair with no association', async () => {
    const missingLead = await put('emails', SEEDED_ENGAGEMENTS.priyaGmailEmail, 'leads', '89999');
    expect(missingLead.status).toBe(404);
    expect(missingLead.body.category).toBe('OBJECT_NOT_FOUND');
    const missingNote = await put('notes', '79999', 'leads', HERO_LEADS[0]?.id ?? '');
    expect(missingNote.status).toBe(404);
    expect((await put('contacts', '51001', 'contacts', '51002')).status).toBe(400);
    expect((await put('companies', '1', 'leads', HERO_LEADS[0]?.id ?? '')).status).toBe(400);
  });

  it('batch-reads lead ↔ contact associations both ways, 207 for inputs with none', async () => {
    const leadsToContacts = await h.call('POST', `/crm/associations/${V}/leads/contacts/batch/read`, {
      inputs: [{ id: '80001' }, { id: '80003' }, { id: '89999' }],
    });
    expect(leadsToContacts.status).toBe(207);
    expect(leadsToContacts.body.results).toEqual([
      {
        from: { id: '80001' },
        to: [
          {
            toObjectId: 51001,
            associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 578, label: null }],
          },
        ],
      },
      {
        from: { id: '80003' },
        to: [
          {
            toObjectId: 51003,
            associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 578, label: null }],
          },
        ],
      },
    ]);
    expect(leadsToContacts.body.errors[0]).toMatchObject({
      category: 'OBJECT_NOT_FOUND',
      context: { fromObjectId: ['89999'] },
    });

    const contactsToLeads = await h.call('POST', `/crm/associations/${V}/contacts/leads/batch/read`, {
      inputs: [{ id: '51002' }, { id: SEEDED_LEADS.colleague.contactId }],
    });
    expect(contactsToLeads.status).toBe(200);
    expect(
      contactsToLeads.body.results.map((r: Json) => [r.from.id, r.to.map((t: Json) => t.toObjectId)]),
    ).toEqual([
      ['51002', [80002]],
      [SEEDED_LEADS.colleague.contactId, [Number(SEEDED_LEADS.colleague.id)]],
    ]);
  });
});

describe('property history', () => {
  it('refuses a batch read without propertiesWithHistory, naming the field', async () => {
    const reply = await batchRead('contacts', { inputs: [{ id: '51001' }], properties: ['email'] });
    expect(reply.status).toBe(400);
    expect(reply.body.category).toBe('VALIDATION_ERROR');
    expect(reply.body.message).toContain('propertiesWithHistory');
    const wrong = await batchRead('contacts', {
      inputs: [{ id: '51001' }],
      properties: ['email'],
      propertiesWithHistory: 'email',
    });
    expect(wrong.status).toBe(400);
  });

  it('appends every API write and returns the history newest first on GET and batch read', async () => {
    for (const jobtitle of ['COO', 'Chief Operating Officer']) {
      await h.call('PATCH', `/crm/objects/${V}/contacts/51001`, { properties: { jobtitle } });
    }
    const one = await h.call(
      'GET',
      `/crm/objects/${V}/contacts/51001?properties=jobtitle&propertiesWithHistory=jobtitle&propertiesWithHistory=unknown_property`,
    );
    expect(one.body.properties.jobtitle).toBe('Chief Operating Officer');
    expect(Object.keys(one.body.propertiesWithHistory)).toEqual(['jobtitle']);
    const entries = one.body.propertiesWithHistory.jobtitle;
    expect(entries.map((e: Json) => e.value)).toEqual(['Chief Operating Officer', 'COO', 'VP of Operations']);
    expect(entries[0]).toMatchObject({ sourceType: 'INTEGRATION', sourceId: INTEGRATION_SOURCE_ID });
    expect(entries[2]).toMatchObject({ sourceType: 'CRM_UI' });
    for (const entry of entries) expect(new Date(entry.timestamp).toISOString()).toBe(entry.timestamp);

    const batch = await batchRead('contacts', {
      inputs: [{ id: '51001' }, { id: '51002' }],
      properties: ['jobtitle'],
      propertiesWithHistory: ['jobtitle', 'hubspot_owner_id'],
    });
    expect(batch.status).toBe(200);
    const dana = batch.body.results.find((r: Json) => r.id === '51001');
    expect(dana.propertiesWithHistory.jobtitle).toEqual(entries);
    expect(dana.propertiesWithHistory.hubspot_owner_id.map((e: Json) => e.value)).toEqual([
      REP_OWNER_ID,
      COLLEAGUE_OWNER_ID,
    ]);
    const priya = batch.body.results.find((r: Json) => r.id === '51002');
    expect(priya.propertiesWithHistory.jobtitle.map((e: Json) => e.value)).toEqual(['Director of IT']);

    const plain = await batchRead('contacts', {
      inputs: [{ id: '51001' }],
      properties: ['jobtitle'],
      propertiesWithHistory: [],
    });
    expect(plain.body.results[0].propertiesWithHistory).toBeUndefined();
  });

  it('sets hubspot_owner_assigneddate when the owner changes, and only then', async () => {
    const before = Date.now();
    const same = await h.call('PATCH', `/crm/objects/${V}/contacts/51002`, {
      properties: { hubspot_owner_id: REP_OWNER_ID },
    });
    expect(same.body.properties.hubspot_owner_assigneddate).toBeUndefined();
    const changed = await h.call('PATCH', `/crm/objects/${V}/contacts/51002`, {
      properties: { hubspot_owner_id: COLLEAGUE_OWNER_ID },
    });
    near(changed.body.properties.hubspot_owner_assigneddate, before);
    const cleared = await h.call('PATCH', `/crm/objects/${V}/contacts/51002`, {
      properties: { hubspot_owner_id: '' },
    });
    expect(cleared.body.properties.hubspot_owner_assigneddate).toBeNull();
  });
});

describe('seeded history and leads', () => {
  it('seeds a lead per hero and two more, with their stage dates', async () => {
    const start = Date.now();
    const { leads } = await h.state();
    const byId = new Map(leads.map((l) => [l.id, l]));
    for (const seeded of [...HERO_LEADS, SEEDED_LEADS.colleague, SEEDED_LEADS.qualified]) {
      const lead = byId.get(seeded.id);
      expect(lead?.properties, seeded.id).toMatchObject({
        hs_pipeline: 'lead-pipeline-id',
        hs_pipeline_stage: seeded.stage,
        hubspot_owner_id: seeded.ownerId,
        hs_primary_contact_id: seeded.contactId,
      });
      expect(lead?.associations.contacts).toEqual([seeded.contactId]);
    }
    expect(SEEDED_LEADS.colleague.ownerId).toBe(COLLEAGUE_OWNER_ID);
    expect(SEEDED_LEADS.qualified.stage).toBe('qualified-stage-id');
    // Dana's and Priya's leads entered New at their MQL time; Marco's moved to Attempting 2 days ago.
    near(byId.get('80001')?.properties['hs_date_entered_new-stage-id'], start - 25 * MINUTE);
    near(byId.get('80002')?.properties['hs_date_entered_new-stage-id'], start - 190 * MINUTE);
    near(byId.get('80003')?.properties['hs_date_entered_attempting-stage-id'], start - 2 * 24 * 60 * MINUTE);
    near(byId.get('80003')?.properties['hs_date_exited_new-stage-id'], start - 2 * 24 * 60 * MINUTE);
  });

  it("has Dana's owner history: Jo from 3 days ago, then Alex 25 minutes ago", async () => {
    const start = Date.now();
    const reply = await h.call(
      'GET',
      `/crm/objects/${V}/contacts/51001?properties=hubspot_owner_id,hubspot_owner_assigneddate,hs_lifecyclestage_marketingqualifiedlead_date&propertiesWithHistory=hubspot_owner_id`,
    );
    const owners = reply.body.propertiesWithHistory.hubspot_owner_id;
    expect(owners.map((e: Json) => e.value)).toEqual([REP_OWNER_ID, COLLEAGUE_OWNER_ID]);
    expect(owners.every((e: Json) => e.sourceType === 'CRM_UI')).toBe(true);
    near(owners[0].timestamp, start - 25 * MINUTE);
    near(owners[1].timestamp, start - 3 * 24 * 60 * MINUTE);
    expect(DANA_HISTORY.owners.map((o) => o.minutesAgo)).toEqual([3 * 24 * 60, 25]);
    expect(reply.body.properties.hubspot_owner_assigneddate).toBe(owners[0].timestamp);
    // The MQL date is held to the sample's hand-over (25 min); the assignment is not earlier.
    expect(Date.parse(reply.body.properties.hubspot_owner_assigneddate)).toBeGreaterThanOrEqual(
      Date.parse(reply.body.properties.hs_lifecyclestage_marketingqualifiedlead_date),
    );
  });

  it("has Dana's conversions, e-mail clicks and page visits as history, and her scores", async () => {
    const names = [
      'recent_conversion_event_name',
      'recent_conversion_date',
      'first_conversion_event_name',
      'hs_email_last_email_name',
      'hs_email_last_click_date',
      'hs_analytics_last_url',
      'hs_analytics_last_visit_timestamp',
    ];
    const reply = await batchRead('contacts', {
      inputs: [{ id: '51001' }],
      properties: [
        'lead_scoring_combined',
        'lead_scoring_fit',
        'lead_scoring_engagement',
        'hubspotscore',
        ...names,
      ],
      propertiesWithHistory: names,
    });
    const [dana] = reply.body.results;
    const history = dana.propertiesWithHistory;
    const conversions = history.recent_conversion_event_name;
    expect(conversions).toHaveLength(4);
    expect(conversions.map((e: Json) => e.value)).toEqual(
      DANA_HISTORY.conversions.map((c) => c.name).reverse(),
    );
    expect(history.recent_conversion_date.map((e: Json) => e.timestamp)).toEqual(
      conversions.map((e: Json) => e.timestamp),
    );
    expect(history.recent_conversion_date.map((e: Json) => e.value)).toEqual(
      conversions.map((e: Json) => e.timestamp),
    );
    expect(dana.properties.first_conversion_event_name).toBe(conversions.at(-1).value);
    expect(dana.properties.recent_conversion_event_name).toBe(conversions[0].value);

    expect(history.hs_email_last_email_name).toHaveLength(2);
    expect(history.hs_email_last_click_date.map((e: Json) => e.value)).toEqual(
      history.hs_email_last_email_name.map((e: Json) => e.timestamp),
    );
    const urls = history.hs_analytics_last_url.map((e: Json) => e.value);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toMatch(/^https:\/\/[a-z.-]+\.example\//);
    expect(history.hs_analytics_last_visit_timestamp).toHaveLength(3);

    expect(dana.properties).toMatchObject({
      lead_scoring_combined: '82',
      lead_scoring_fit: '70',
      lead_scoring_engagement: '90',
      hubspotscore: '35',
    });
  });

  it('lists the new contact properties with the contacts', async () => {
    const reply = await h.call('GET', `/crm/properties/${V}/contacts`);
    const byName = new Map<string, Json>(reply.body.results.map((p: Json) => [p.name, p]));
    expect(byName.get('hubspotscore')).toMatchObject({ type: 'number', label: 'HubSpot Score (legacy)' });
    expect(byName.get('hubspot_owner_assigneddate')).toMatchObject({ type: 'datetime' });
    for (const [name, label] of [
      ['lead_scoring_fit', 'Fit score'],
      ['lead_scoring_engagement', 'Engagement score'],
      ['lead_scoring_combined', 'Combined score'],
    ] as const) {
      expect(byName.get(name)).toMatchObject({ type: 'number', label, groupName: 'lead_scoring' });
    }
    for (const name of [
      'hs_analytics_last_url',
      'hs_analytics_last_visit_timestamp',
      'hs_analytics_num_page_views',
      'hs_email_last_email_name',
      'hs_email_last_click_date',
      'hs_email_last_open_date',
    ]) {
      expect(byName.has(name), name).toBe(true);
    }
    expect(byName.has('hs_lead_name')).toBe(false);
  });
});
