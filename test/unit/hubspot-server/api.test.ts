import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ASSOCIATION_TYPE_IDS,
  type EngagementType,
  LEAD_STATUSES,
  LIFECYCLE_STAGES,
  SEEDED_ENGAGEMENTS,
} from '../../hubspot-server/server.mjs';
import { type Harness, type Json, startHarness, toContact, V, where } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.server.close();
});

const search = (type: string, body: object) => h.call('POST', `/crm/objects/${V}/${type}/search`, body);
const ids = (reply: { body: Json }) => (reply.body.results as Array<{ id: string }>).map((r) => r.id);

describe('auth', () => {
  it('answers 401 INVALID_AUTHENTICATION without a token or with a wrong one', async () => {
    for (const token of [null, 'not-the-token']) {
      const reply = await h.call('GET', `/crm/objects/${V}/contacts/51001`, undefined, { token });
      expect(reply.status).toBe(401);
      expect(reply.body).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
      expect(reply.body.message).toEqual(expect.any(String));
      expect(reply.body.correlationId).toEqual(expect.any(String));
    }
    expect((await h.call('GET', `/crm/objects/${V}/contacts/51001`)).status).toBe(200);
  });

  it('follows a token change made through the control port (a revoked token)', async () => {
    await h.control('POST', '/auth', { token: 'rotated' });
    expect((await h.call('GET', `/crm/objects/${V}/contacts/51001`)).status).toBe(401);
    expect(
      (await h.call('GET', `/crm/objects/${V}/contacts/51001`, undefined, { token: 'rotated' })).status,
    ).toBe(200);
  });

  it('answers 403 MISSING_SCOPES in forbidden mode, or for a missing scope only', async () => {
    await h.control('POST', '/auth', { forbidden: true });
    const forbidden = await h.call('GET', `/crm/objects/${V}/contacts/51001`);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ status: 'error', category: 'MISSING_SCOPES' });
    expect(forbidden.body.errors[0].context.requiredGranularScopes).toEqual(['crm.objects.contacts.read']);

    await h.control('POST', '/auth', { forbidden: false, missingScopes: ['crm.objects.contacts.write'] });
    expect((await h.call('GET', `/crm/objects/${V}/contacts/51001`)).status).toBe(200);
    const write = await h.call('PATCH', `/crm/objects/${V}/contacts/51001`, {
      properties: { jobtitle: 'COO' },
    });
    expect(write.status).toBe(403);
    expect(write.body.errors[0].context.requiredGranularScopes).toEqual(['crm.objects.contacts.write']);
    expect((await h.state()).contacts.find((c) => c.id === '51001')?.properties.jobtitle).toBe(
      'VP of Operations',
    );
  });

  it('starts forbidden when asked', async () => {
    const forbidden = await startHarness({ forbidden: true, token: 'pat-na1-abc' });
    try {
      const reply = await forbidden.call('GET', `/crm/properties/${V}/contacts`);
      expect(reply.status).toBe(403);
      expect(reply.body.category).toBe('MISSING_SCOPES');
    } finally {
      await forbidden.server.close();
    }
  });
});

describe('CORS', () => {
  it('answers the preflight of an extension with 204, no token needed, and does not count it', async () => {
    const response = await fetch(`${h.server.url}/crm/objects/${V}/contacts/51001`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
        'Access-Control-Request-Method': 'PATCH',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/Content-Type/);
    for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
      expect(response.headers.get('access-control-allow-methods')).toContain(method);
    }
    const first = await h.call('GET', `/crm/objects/${V}/contacts/51001`);
    expect(first.headers.get('x-hubspot-ratelimit-remaining')).toBe('99');
  });

  it('puts the CORS headers on answers, errors included, and exposes the rate-limit headers', async () => {
    const denied = await h.call('GET', `/crm/objects/${V}/contacts/51001`, undefined, { token: null });
    expect(denied.headers.get('access-control-allow-origin')).toBe('*');
    const ok = await h.call('GET', `/crm/objects/${V}/contacts/51001`);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(ok.headers.get('access-control-expose-headers')).toContain('X-HubSpot-RateLimit-Remaining');
  });
});

describe('GET /crm/properties/{v}/contacts', () => {
  it('lists the standard and custom contact properties with their options', async () => {
    const reply = await h.call('GET', `/crm/properties/${V}/contacts`);
    expect(reply.status).toBe(200);
    const byName = new Map<string, Json>(reply.body.results.map((p: Json) => [p.name, p]));
    for (const name of [
      'firstname',
      'lastname',
      'email',
      'jobtitle',
      'company',
      'phone',
      'industry',
      'numberofemployees',
      'lifecyclestage',
      'hs_lead_status',
      'hubspot_owner_id',
      'hs_lifecyclestage_marketingqualifiedlead_date',
      'hs_linkedin_url',
      'recent_conversion_event_name',
      'recent_conversion_date',
      'first_conversion_event_name',
      'first_conversion_date',
      'baton_budget',
      'baton_timeframe',
      'baton_need',
      'baton_product_interest',
      'baton_territory',
    ]) {
      const property = byName.get(name);
      expect(property, name).toMatchObject({ name, label: expect.any(String), type: expect.any(String) });
      expect(property.fieldType).toEqual(expect.any(String));
      expect(property.groupName).toEqual(expect.any(String));
      expect(Array.isArray(property.options)).toBe(true);
    }
    const stages = byName.get('lifecyclestage');
    expect(stages.type).toBe('enumeration');
    expect(stages.options.map((o: Json) => o.value)).toEqual(LIFECYCLE_STAGES.map(([value]) => value));
    expect(stages.options[2]).toEqual({
      label: 'Marketing Qualified Lead',
      value: 'marketingqualifiedlead',
      displayOrder: 2,
      hidden: false,
    });
    expect(byName.get('hs_lead_status').options.map((o: Json) => o.value)).toEqual(
      LEAD_STATUSES.map(([v]) => v),
    );
    expect(byName.get('hs_lifecyclestage_marketingqualifiedlead_date').type).toBe('datetime');
    expect(byName.get('baton_timeframe').options.map((o: Json) => o.label)).toContain('Next quarter');
  });

  it('accepts any YYYY-MM version and nothing else', async () => {
    expect((await h.call('GET', '/crm/properties/2025-09/contacts')).status).toBe(200);
    const v3 = await h.call('GET', '/crm/properties/v3/contacts');
    expect(v3.status).toBe(404);
    expect(v3.body.status).toBe('error');
  });
});

describe('GET /crm/objects/{v}/contacts/{id}', () => {
  it('returns the requested properties as strings or null, leaves out unknown ones, adds the defaults', async () => {
    const reply = await h.call(
      'GET',
      `/crm/objects/${V}/contacts/51002?properties=email,phone,baton_need,numberofemployees,no_such_property`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: '51002', archived: false });
    expect(reply.body.properties).toEqual({
      email: 'priya.raman@larkspur-logistics.example',
      phone: '+44 20 7946 0321',
      baton_need: null,
      numberofemployees: '100-500',
      createdate: expect.any(String),
      lastmodifieddate: expect.any(String),
      hs_object_id: '51002',
    });
    expect(Date.parse(reply.body.createdAt)).toBeLessThan(Date.parse(reply.body.updatedAt));
  });

  it('finds a contact by e-mail with idProperty=email', async () => {
    const reply = await h.call(
      'GET',
      `/crm/objects/${V}/contacts/${encodeURIComponent('M.Bellini@fioreretail.example')}?idProperty=email&properties=firstname`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe('51003');
    expect(reply.body.properties.firstname).toBe('Marco');
  });

  it('answers 404 OBJECT_NOT_FOUND in HubSpot shape', async () => {
    for (const path of [
      'contacts/99999',
      `contacts/${encodeURIComponent('nobody@nowhere.example')}?idProperty=email`,
    ]) {
      const reply = await h.call('GET', `/crm/objects/${V}/${path}`);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({
        status: 'error',
        message: expect.any(String),
        correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        category: 'OBJECT_NOT_FOUND',
      });
    }
  });
});

describe('POST /crm/objects/{v}/{type}/search', () => {
  it('finds a contact by e-mail (EQ, case-insensitive) and returns HubSpot objects', async () => {
    const reply = await search(
      'contacts',
      where([{ propertyName: 'email', operator: 'EQ', value: 'Dana.Whitfield@NorthwindHealth.example' }], {
        properties: ['email', 'lifecyclestage', 'hubspot_owner_id'],
        limit: 1,
      }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBe(1);
    expect(reply.body.paging).toBeUndefined();
    expect(reply.body.results[0]).toEqual({
      id: '51001',
      properties: {
        email: 'dana.whitfield@northwindhealth.example',
        lifecyclestage: 'marketingqualifiedlead',
        hubspot_owner_id: '90001',
        createdate: expect.any(String),
        lastmodifieddate: expect.any(String),
        hs_object_id: '51001',
      },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      archived: false,
    });
  });

  it('ANDs the filters of a group: my queue is the 3 heroes and 5 other MQLs of owner 90001', async () => {
    const reply = await search(
      'contacts',
      where([
        { propertyName: 'hubspot_owner_id', operator: 'EQ', value: '90001' },
        { propertyName: 'lifecyclestage', operator: 'EQ', value: 'marketingqualifiedlead' },
      ]),
    );
    expect(reply.body.total).toBe(8);
    expect(ids(reply).slice(0, 3)).toEqual(['51001', '51002', '51003']);
    const state = await h.state();
    const expected = state.contacts
      .filter(
        (c) =>
          c.properties.hubspot_owner_id === '90001' &&
          c.properties.lifecyclestage === 'marketingqualifiedlead',
      )
      .map((c) => c.id);
    expect(ids(reply)).toEqual(expected);
  });

  it('ORs filter groups', async () => {
    const reply = await search('contacts', {
      filterGroups: [
        {
          filters: [
            { propertyName: 'email', operator: 'EQ', value: 'dana.whitfield@northwindhealth.example' },
          ],
        },
        { filters: [{ propertyName: 'email', operator: 'EQ', value: 'm.bellini@fioreretail.example' }] },
      ],
    });
    expect(ids(reply)).toEqual(['51001', '51003']);
  });

  it('supports NEQ, HAS_PROPERTY, NOT_HAS_PROPERTY and IN', async () => {
    const { contacts } = await h.state();
    const expectIds = async (filter: object, predicate: (p: Record<string, string | null>) => boolean) => {
      const reply = await search('contacts', where([filter], { limit: 200 }));
      const wanted = contacts.filter((c) => predicate(c.properties)).map((c) => c.id);
      expect(wanted.length).toBeGreaterThan(0);
      expect(ids(reply)).toEqual(wanted);
      expect(reply.body.total).toBe(wanted.length);
    };
    await expectIds(
      { propertyName: 'hubspot_owner_id', operator: 'NEQ', value: '90001' },
      (p) => p.hubspot_owner_id !== '90001',
    );
    await expectIds({ propertyName: 'phone', operator: 'HAS_PROPERTY' }, (p) => Boolean(p.phone));
    await expectIds({ propertyName: 'phone', operator: 'NOT_HAS_PROPERTY' }, (p) => !p.phone);
    await expectIds(
      { propertyName: 'lifecyclestage', operator: 'IN', values: ['customer', 'evangelist'] },
      (p) => ['customer', 'evangelist'].includes(p.lifecyclestage ?? ''),
    );
  });

  it('matches CONTAINS_TOKEN on words, with * wildcards', async () => {
    const word = await search(
      'contacts',
      where([{ propertyName: 'company', operator: 'CONTAINS_TOKEN', value: 'health' }]),
    );
    expect(ids(word)).toContain('51001');
    expect(ids(word)).not.toContain('51002');
    const domain = await search(
      'contacts',
      where([{ propertyName: 'email', operator: 'CONTAINS_TOKEN', value: '*@fioreretail.example' }]),
    );
    expect(ids(domain)).toEqual(['51003']);
    const partial = await search(
      'contacts',
      where([{ propertyName: 'company', operator: 'CONTAINS_TOKEN', value: 'north' }]),
    );
    expect(ids(partial)).toEqual([]);
  });

  it('compares numbers, datetimes (epoch ms or ISO) and strings with GTE/LTE', async () => {
    const range = await search(
      'contacts',
      where([
        { propertyName: 'hs_object_id', operator: 'GTE', value: 51010 },
        { propertyName: 'hs_object_id', operator: 'LTE', value: '51012' },
      ]),
    );
    expect(ids(range)).toEqual(['51010', '51011', '51012']);

    const { contacts } = await h.state();
    const since = Date.now() - 4 * 60 * 60_000;
    const mqlDate = (p: Record<string, string | null>) => p.hs_lifecyclestage_marketingqualifiedlead_date;
    const recent = contacts.filter(
      (c) => mqlDate(c.properties) && Date.parse(mqlDate(c.properties) ?? '') >= since,
    );
    for (const value of [String(since), new Date(since).toISOString()]) {
      const reply = await search(
        'contacts',
        where([{ propertyName: 'hs_lifecyclestage_marketingqualifiedlead_date', operator: 'GTE', value }], {
          limit: 200,
        }),
      );
      expect(ids(reply)).toEqual(recent.map((c) => c.id));
      expect(ids(reply)).toEqual(expect.arrayContaining(['51001', '51002']));
      expect(ids(reply)).not.toContain('51003');
    }

    const names = await search(
      'contacts',
      where([{ propertyName: 'lastname', operator: 'LTE', value: 'Iyer' }], { limit: 200 }),
    );
    const expected = contacts
      .filter((c) => (c.properties.lastname ?? '').toLowerCase() <= 'iyer')
      .map((c) => c.id);
    expect(ids(names)).toEqual(expected);
  });

  it('pages with limit and after, up to the total', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    const sizes: number[] = [];
    do {
      const reply = await search('contacts', {
        limit: 10,
        ...(after ? { after } : {}),
        properties: ['email'],
      });
      expect(reply.body.total).toBe(23);
      sizes.push(reply.body.results.length);
      seen.push(...ids(reply));
      after = reply.body.paging?.next?.after;
    } while (after);
    expect(sizes).toEqual([10, 10, 3]);
    expect(new Set(seen).size).toBe(23);
  });

  it('sorts by a property when asked', async () => {
    const reply = await search('contacts', {
      sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }],
      limit: 200,
    });
    const created = reply.body.results.map((r: Json) => Date.parse(r.properties.createdate));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it('rejects a limit over 200, an unknown property and an unknown operator with 400 VALIDATION_ERROR', async () => {
    for (const body of [
      { limit: 201 },
      where([{ propertyName: 'no_such_property', operator: 'EQ', value: 'x' }]),
      where([{ propertyName: 'email', operator: 'LIKE', value: 'x' }]),
      where([{ propertyName: 'lifecyclestage', operator: 'IN' }]),
    ]) {
      const reply = await search('contacts', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    }
  });

  it('searches engagements too', async () => {
    const calls = await search(
      'calls',
      where([{ propertyName: 'hs_call_status', operator: 'EQ', value: 'NO_ANSWER' }], {
        properties: ['hs_call_title'],
      }),
    );
    expect(ids(calls)).toEqual([SEEDED_ENGAGEMENTS.priyaDialerCall]);
    expect(calls.body.results[0].properties).toMatchObject({
      hs_call_title: 'Outbound call (team dialer)',
      hs_createdate: expect.any(String),
      hs_object_id: SEEDED_ENGAGEMENTS.priyaDialerCall,
    });
    const linkedIn = await search(
      'communications',
      where([{ propertyName: 'hs_communication_channel_type', operator: 'EQ', value: 'LINKEDIN_MESSAGE' }]),
    );
    expect(ids(linkedIn)).toEqual([SEEDED_ENGAGEMENTS.marcoLinkedInMessage]);
    expect((await search('notes', {})).body.total).toBe(0);
    expect((await search('emails', {})).body.total).toBe(1);
  });
});

describe('PATCH /crm/objects/{v}/contacts/{id}', () => {
  it('updates properties, records the stage date and returns the object', async () => {
    const before = await h.call('GET', `/crm/objects/${V}/contacts/51002`);
    const reply = await h.call('PATCH', `/crm/objects/${V}/contacts/51002`, {
      properties: {
        lifecyclestage: 'salesqualifiedlead',
        baton_budget: '$50k',
        baton_timeframe: 'This quarter',
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.properties).toMatchObject({
      lifecyclestage: 'salesqualifiedlead',
      baton_budget: '$50k',
      baton_timeframe: 'This quarter',
      hs_lifecyclestage_salesqualifiedlead_date: expect.any(String),
    });
    expect(Date.parse(reply.body.updatedAt)).toBeGreaterThan(Date.parse(before.body.updatedAt));
    const after = await h.call(
      'GET',
      `/crm/objects/${V}/contacts/51002?properties=lifecyclestage,baton_budget,hs_lifecyclestage_marketingqualifiedlead_date`,
    );
    expect(after.body.properties.lifecyclestage).toBe('salesqualifiedlead');
    expect(after.body.properties.baton_budget).toBe('$50k');
    expect(after.body.properties.hs_lifecyclestage_marketingqualifiedlead_date).toEqual(expect.any(String));
  });

  it('clears a value with an empty string', async () => {
    await h.call('PATCH', `/crm/objects/${V}/contacts/51003`, { properties: { baton_budget: '' } });
    const reply = await h.call('GET', `/crm/objects/${V}/contacts/51003?properties=baton_budget`);
    expect(reply.body.properties.baton_budget).toBeNull();
  });

  it('rejects an invalid lifecycle stage or lead status with 400 VALIDATION_ERROR and changes nothing', async () => {
    for (const properties of [{ lifecyclestage: 'sql' }, { hs_lead_status: 'RECYCLED', jobtitle: 'COO' }]) {
      const reply = await h.call('PATCH', `/crm/objects/${V}/contacts/51001`, { properties });
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
      expect(reply.body.message).toMatch(/was not one of the allowed options/);
      expect(reply.body.errors[0].code).toBe('INVALID_OPTION');
    }
    const state = await h.state();
    const dana = state.contacts.find((c) => c.id === '51001');
    expect(dana?.properties).toMatchObject({
      lifecyclestage: 'marketingqualifiedlead',
      hs_lead_status: 'NEW',
      jobtitle: 'VP of Operations',
    });
  });

  it('rejects unknown and read-only properties, bad owners, bad numbers of employees', async () => {
    const cases: Array<[object, string]> = [
      [{ no_such_property: 'x' }, 'PROPERTY_DOESNT_EXIST'],
      [{ hs_lifecyclestage_marketingqualifiedlead_date: '2026-01-01T00:00:00Z' }, 'READ_ONLY_VALUE'],
      [{ hubspot_owner_id: '12345' }, 'INVALID_OWNER_ID'],
      [{ numberofemployees: '430' }, 'INVALID_OPTION'],
      [{ email: 'not-an-email' }, 'INVALID_EMAIL'],
    ];
    for (const [properties, code] of cases) {
      const reply = await h.call('PATCH', `/crm/objects/${V}/contacts/51001`, { properties });
      expect(reply.status, code).toBe(400);
      expect(reply.body.errors.map((e: Json) => e.code)).toEqual([code]);
    }
  });

  it('answers 409 when the e-mail belongs to another contact, 404 for an unknown id', async () => {
    const conflict = await h.call('PATCH', `/crm/objects/${V}/contacts/51001`, {
      properties: { email: 'priya.raman@larkspur-logistics.example' },
    });
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ status: 'error', category: 'CONFLICT' });
    const missing = await h.call('PATCH', `/crm/objects/${V}/contacts/99999`, {
      properties: { jobtitle: 'x' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.category).toBe('OBJECT_NOT_FOUND');
  });

  it('answers 400 on a body that is not JSON', async () => {
    const reply = await h.call('PATCH', `/crm/objects/${V}/contacts/51001`, '{"properties":');
    expect(reply.status).toBe(400);
    expect(reply.body.category).toBe('VALIDATION_ERROR');
  });
});

describe('creating engagements', () => {
  const bodies: Record<EngagementType, Record<string, string>> = {
    calls: {
      hs_call_title: 'Baton: call [baton:3f0c3c1e-8a53-4d8e-9c38-4a8d0f7e1a11:call:no_answer]',
      hs_call_body: 'Left no message.',
      hs_call_direction: 'OUTBOUND',
      hs_call_status: 'NO_ANSWER',
      hubspot_owner_id: '90001',
    },
    emails: {
      hs_email_direction: 'EMAIL',
      hs_email_status: 'SENT',
      hs_email_subject: 'Hello',
      hs_email_text: 'Hi Dana',
    },
    communications: {
      hs_communication_channel_type: 'LINKEDIN_MESSAGE',
      hs_communication_logged_from: 'CRM',
      hs_communication_body: 'Sent an InMail',
    },
    notes: { hs_note_body: 'Disqualified by sales in Baton. Reason: No budget' },
  };

  for (const type of Object.keys(bodies) as EngagementType[]) {
    it(`creates ${type} associated with a contact (type ${ASSOCIATION_TYPE_IDS[type].toContact}) and reads them back`, async () => {
      const timestamp = Date.UTC(2026, 10, 24, 9, 30);
      const created = await h.call('POST', `/crm/objects/${V}/${type}`, {
        properties: { hs_timestamp: timestamp, ...bodies[type] },
        associations: toContact('51001', ASSOCIATION_TYPE_IDS[type].toContact),
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: expect.stringMatching(/^\d+$/), archived: false });
      expect(created.body.properties).toMatchObject({
        ...bodies[type],
        hs_timestamp: new Date(timestamp).toISOString(),
        hs_object_id: created.body.id,
      });

      const associations = await h.call('GET', `/crm/objects/${V}/contacts/51001/associations/${type}`);
      expect(associations.status).toBe(200);
      expect(associations.body.results).toEqual([
        {
          toObjectId: Number(created.body.id),
          associationTypes: [
            { category: 'HUBSPOT_DEFINED', typeId: ASSOCIATION_TYPE_IDS[type].fromContact, label: null },
          ],
        },
      ]);

      const read = await h.call('POST', `/crm/objects/${V}/${type}/batch/read`, {
        inputs: [{ id: created.body.id }],
        properties: ['hs_timestamp', ...Object.keys(bodies[type])],
        propertiesWithHistory: [],
      });
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        status: 'COMPLETE',
        startedAt: expect.any(String),
        completedAt: expect.any(String),
      });
      expect(read.body.results).toHaveLength(1);
      expect(read.body.results[0].properties).toMatchObject(bodies[type]);

      const state = await h.state();
      expect(state.engagements[type].find((e) => e.id === created.body.id)?.associations.contacts).toEqual([
        '51001',
      ]);
      expect(state.contacts.find((c) => c.id === '51001')?.associations[type]).toContain(created.body.id);
    });
  }

  it('lists the calls and e-mails logged elsewhere on Priya, and batch-reads them', async () => {
    const calls = await h.call('GET', `/crm/objects/${V}/contacts/51002/associations/calls`);
    const callIds = calls.body.results.map((r: Json) => String(r.toObjectId));
    expect(callIds).toEqual([SEEDED_ENGAGEMENTS.priyaDialerCall, SEEDED_ENGAGEMENTS.priyaColleagueCall]);
    const emails = await h.call('GET', `/crm/objects/${V}/contacts/51002/associations/emails`);
    expect(emails.body.results.map((r: Json) => String(r.toObjectId))).toEqual([
      SEEDED_ENGAGEMENTS.priyaGmailEmail,
    ]);
    const read = await h.call('POST', `/crm/objects/${V}/calls/batch/read`, {
      inputs: callIds.map((id: string) => ({ id })),
      properties: ['hs_timestamp', 'hs_call_status', 'hubspot_owner_id'],
      propertiesWithHistory: [],
    });
    expect(read.body.results.map((r: Json) => r.properties.hs_call_status)).toEqual(['NO_ANSWER', 'BUSY']);
    expect(read.body.results.every((r: Json) => r.properties.hubspot_owner_id === '90002')).toBe(true);
  });

  it('pages associations with limit and after', async () => {
    const first = await h.call('GET', `/crm/objects/${V}/contacts/51002/associations/calls?limit=1`);
    expect(first.body.results).toHaveLength(1);
    const next = first.body.paging.next.after;
    const second = await h.call(
      'GET',
      `/crm/objects/${V}/contacts/51002/associations/calls?limit=1&after=${next}`,
    );
    expect(second.body.results.map((r: Json) => String(r.toObjectId))).toEqual([
      SEEDED_ENGAGEMENTS.priyaColleagueCall,
    ]);
    expect(second.body.paging).toBeUndefined();
  });

  it('answers a batch read with missing ids as 207 with the missing ids', async () => {
    const read = await h.call('POST', `/crm/objects/${V}/calls/batch/read`, {
      inputs: [{ id: SEEDED_ENGAGEMENTS.priyaDialerCall }, { id: '123' }],
      properties: ['hs_call_title'],
      propertiesWithHistory: [],
    });
    expect(read.status).toBe(207);
    expect(read.body.results.map((r: Json) => r.id)).toEqual([SEEDED_ENGAGEMENTS.priyaDialerCall]);
    expect(read.body.errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['123'] } });
  });

  it('requires hs_timestamp', async () => {
    const reply = await h.call('POST', `/crm/objects/${V}/notes`, {
      properties: { hs_note_body: 'no time' },
      associations: toContact('51001', 202),
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(reply.body.message).toContain('hs_timestamp');
    expect((await h.state()).engagements.notes).toEqual([]);
  });

  it('rejects a wrong association type, an unknown contact, a bad option or property, creating nothing', async () => {
    const bad: Array<[string, object]> = [
      [
        'communications',
        {
          properties: { hs_timestamp: '2026-11-24T10:00:00Z', ...bodies.communications },
          associations: toContact('51001', 82),
        },
      ],
      [
        'notes',
        {
          properties: { hs_timestamp: '2026-11-24T10:00:00Z', hs_note_body: 'x' },
          associations: toContact('51001', 194),
        },
      ],
      [
        'calls',
        { properties: { hs_timestamp: '2026-11-24T10:00:00Z' }, associations: toContact('99999', 194) },
      ],
      ['calls', { properties: { hs_timestamp: '2026-11-24T10:00:00Z', hs_call_status: 'MAYBE' } }],
      ['calls', { properties: { hs_timestamp: '2026-11-24T10:00:00Z', baton_attempt_id: 'abc' } }],
      ['calls', { properties: { hs_timestamp: 'yesterday' } }],
      ['emails', { properties: { hs_timestamp: '2026-11-24T10:00:00Z', hubspot_owner_id: '1' } }],
    ];
    const before = await h.state();
    for (const [type, body] of bad) {
      const reply = await h.call('POST', `/crm/objects/${V}/${type}`, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.category).toBe('VALIDATION_ERROR');
    }
    const after = await h.state();
    expect(after.engagements).toEqual(before.engagements);
  });

  it('does not create contacts (not implemented) and says so', async () => {
    const reply = await h.call('POST', `/crm/objects/${V}/contacts`, {
      properties: { email: 'new@x.example' },
    });
    expect(reply.status).toBe(404);
    expect(reply.body.message).toMatch(/not implemented/);
  });
});

describe('DELETE /crm/objects/{v}/{type}/{id}', () => {
  it('answers 204 and removes the engagement from reads, associations and the state', async () => {
    const id = SEEDED_ENGAGEMENTS.priyaDialerCall;
    const reply = await h.call('DELETE', `/crm/objects/${V}/calls/${id}`);
    expect(reply.status).toBe(204);
    expect(reply.body).toBeUndefined();
    const associations = await h.call('GET', `/crm/objects/${V}/contacts/51002/associations/calls`);
    expect(associations.body.results.map((r: Json) => String(r.toObjectId))).toEqual([
      SEEDED_ENGAGEMENTS.priyaColleagueCall,
    ]);
    const calls = await search('calls', {});
    expect(ids(calls)).not.toContain(id);
    const state = await h.state();
    expect(state.archived.calls).toEqual([id]);
    expect(state.engagements.calls.map((c) => c.id)).not.toContain(id);
    expect((await h.call('DELETE', `/crm/objects/${V}/calls/${id}`)).status).toBe(204);
  });
});
