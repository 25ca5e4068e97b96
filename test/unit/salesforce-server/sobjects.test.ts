import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HERO_IDS, REP_USER_ID, TEAMMATE_USER_ID } from '../../salesforce-server/server.mjs';
import { DATA, type Harness, type Json, startHarness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.server.close();
});

const SF_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$/;
const newLead = (fields: Record<string, unknown> = {}) =>
  h.call('POST', `${DATA}/sobjects/Lead`, { LastName: 'Tester', Company: 'Test Co', ...fields });
const leadCount = async () => (await h.state()).Lead.length;
const expectError = (reply: Json, status: number, errorCode: string, fields?: string[]) => {
  expect(reply.status).toBe(status);
  expect(reply.body).toHaveLength(1);
  expect(reply.body[0]).toMatchObject({
    errorCode,
    message: expect.any(String),
    ...(fields ? { fields } : {}),
  });
};

describe('sObject rows', () => {
  it('reads a record with all fields or the asked ones, by its 18- or 15-character id', async () => {
    const full = await h.call('GET', `${DATA}/sobjects/Lead/${HERO_IDS.marco}`);
    expect(full.status).toBe(200);
    expect(full.body).toMatchObject({
      attributes: { type: 'Lead', url: `${DATA}/sobjects/Lead/${HERO_IDS.marco}` },
      Id: HERO_IDS.marco,
      Name: 'Marco Bellini',
      Status: 'MQL',
      IsConverted: false,
      CreatedDate: expect.stringMatching(SF_DATETIME),
    });
    const some = await h.call(
      'GET',
      `${DATA}/sobjects/lead/${HERO_IDS.marco.slice(0, 15)}?fields=Email,status`,
    );
    expect(some.body).toEqual({
      attributes: { type: 'Lead', url: `${DATA}/sobjects/Lead/${HERO_IDS.marco}` },
      Email: 'm.bellini@fioreretail.example',
      Status: 'MQL',
    });
    expectError(await h.call('GET', `${DATA}/sobjects/Lead/00Q8d00000ZZZZZAAA`), 404, 'NOT_FOUND');
    expectError(await h.call('GET', `${DATA}/sobjects/Lead/not-an-id`), 400, 'MALFORMED_ID');
    expectError(
      await h.call('GET', `${DATA}/sobjects/Lead/${HERO_IDS.marco}?fields=Nope__c`),
      400,
      'INVALID_FIELD',
    );
  });

  it('creates, patches and deletes, with the dates and users of the write', async () => {
    const created = await newLead({
      FirstName: 'Tess',
      Email: 'tess@test.example',
      MQL_Date__c: '2026-12-07T11:15:00+01:00',
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.stringMatching(/^00Q[A-Za-z0-9]{15}$/),
      success: true,
      errors: [],
    });
    expect(created.headers.get('location')).toBe(`${DATA}/sobjects/Lead/${created.body.id}`);
    const read = await h.call('GET', `${DATA}/sobjects/Lead/${created.body.id}`);
    expect(read.body).toMatchObject({
      Name: 'Tess Tester',
      Status: 'Open - Not Contacted',
      OwnerId: REP_USER_ID,
      CreatedById: REP_USER_ID,
      MQL_Date__c: '2026-12-07T10:15:00.000+0000',
      CreatedDate: expect.stringMatching(SF_DATETIME),
      SystemModstamp: expect.stringMatching(SF_DATETIME),
    });
    const patched = await h.call('PATCH', `${DATA}/sobjects/Lead/${created.body.id}`, {
      Status: 'MQL',
      Title: 'Boss',
    });
    expect(patched.status).toBe(204);
    expect(patched.body).toBeUndefined();
    const after = (await h.query(`SELECT Status, Title FROM Lead WHERE Id = '${created.body.id}'`)).body
      .records[0];
    expect([after.Status, after.Title]).toEqual(['MQL', 'Boss']);

    expect((await h.call('DELETE', `${DATA}/sobjects/Lead/${created.body.id}`)).status).toBe(204);
    expect((await h.query(`SELECT Id FROM Lead WHERE Id = '${created.body.id}'`)).body.totalSize).toBe(0);
    const gone = await h.call('GET', `${DATA}/sobjects/Lead/${created.body.id}`);
    expect(gone.status).toBe(404);
    expect((await h.state()).deleted.Lead).toEqual([created.body.id]);
  });

  it('creates a Task for a lead, closed when Completed, owned by the token user', async () => {
    const created = await h.call('POST', `${DATA}/sobjects/Task`, {
      WhoId: HERO_IDS.dana.slice(0, 15),
      Subject: 'Call',
      TaskSubtype: 'Call',
      Status: 'Completed',
      CallType: 'Outbound',
      CallDisposition: 'Left voicemail',
      ActivityDate: '2026-12-07',
    });
    expect(created.status).toBe(201);
    const task = (await h.state()).Task.find((t) => t.Id === created.body.id);
    expect(task).toMatchObject({
      WhoId: HERO_IDS.dana,
      OwnerId: REP_USER_ID,
      CreatedById: REP_USER_ID,
      IsClosed: true,
      Priority: 'Normal',
      CompletedDateTime: expect.stringMatching(SF_DATETIME),
    });
    await h.call('PATCH', `${DATA}/sobjects/Task/${created.body.id}`, { Status: 'In Progress' });
    const reopened = (await h.query(`SELECT IsClosed, Who.Name FROM Task WHERE Id = '${created.body.id}'`))
      .body.records[0];
    expect(reopened.IsClosed).toBe(false);
    expect(reopened.Who).toMatchObject({ attributes: { type: 'Name' }, Name: 'Dana Whitfield' });
  });

  it('refuses invalid writes with Salesforce error codes, writing nothing', async () => {
    const before = await leadCount();
    expectError(await newLead({ Foo__c: 'x' }), 400, 'INVALID_FIELD');
    expectError(await newLead({ IsConverted: true }), 400, 'INVALID_FIELD_FOR_INSERT_UPDATE', [
      'IsConverted',
    ]);
    expectError(
      await newLead({ CreatedDate: '2026-01-01T00:00:00Z' }),
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      ['CreatedDate'],
    );
    expectError(await newLead({ Id: HERO_IDS.dana }), 400, 'INVALID_FIELD_FOR_INSERT_UPDATE', ['Id']);
    const picklist = await newLead({ Status: 'Hot' });
    expectError(picklist, 400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ['Status']);
    expect(picklist.body[0].message).toBe('Status: bad value for restricted picklist field: Hot');
    for (const [name, value] of [
      ['LeadSource', 'Billboard'],
      ['Industry', 'Space'],
      ['Timeframe__c', 'Someday'],
      ['Recycle_Reason__c', 'Meh'],
    ]) {
      expectError(
        await newLead({ [name as string]: value }),
        400,
        'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
        [name as string],
      );
    }
    expectError(await newLead({ OwnerId: HERO_IDS.priya }), 400, 'INVALID_CROSS_REFERENCE_KEY', ['OwnerId']);
    expectError(await newLead({ Company: '' }), 400, 'REQUIRED_FIELD_MISSING', ['Company']);
    expectError(
      await h.call('POST', `${DATA}/sobjects/Lead`, { FirstName: 'No' }),
      400,
      'REQUIRED_FIELD_MISSING',
      ['LastName', 'Company'],
    );
    expectError(await newLead({ Email: 'not an email' }), 400, 'INVALID_EMAIL_ADDRESS', ['Email']);
    expectError(await newLead({ NumberOfEmployees: 'many' }), 400, 'JSON_PARSER_ERROR');
    expectError(await newLead({ MQL_Date__c: 'yesterday' }), 400, 'JSON_PARSER_ERROR');
    expect(await leadCount()).toBe(before);

    const contactStatus = await h.call('POST', `${DATA}/sobjects/Contact`, {
      LastName: 'X',
      Contact_Status__c: 'Closed - Converted',
    });
    expectError(contactStatus, 400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ['Contact_Status__c']);

    const tasks = (await h.state()).Task.length;
    const task = (fields: Record<string, unknown>) =>
      h.call('POST', `${DATA}/sobjects/Task`, { Subject: 'T', ...fields });
    expectError(await task({ WhoId: TEAMMATE_USER_ID }), 400, 'INVALID_CROSS_REFERENCE_KEY', ['WhoId']);
    expectError(await task({ WhoId: '00Q8d00000ZZZZZAAA' }), 400, 'INVALID_CROSS_REFERENCE_KEY', ['WhoId']);
    expectError(await task({ Subject: 'x'.repeat(256) }), 400, 'STRING_TOO_LONG', ['Subject']);
    expectError(await task({ Status: 'Done' }), 400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', ['Status']);
    expectError(await task({ TaskSubtype: 'Fax' }), 400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', [
      'TaskSubtype',
    ]);
    expectError(await task({ CallType: 'Sideways' }), 400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', [
      'CallType',
    ]);
    expectError(await task({ IsClosed: true }), 400, 'INVALID_FIELD_FOR_INSERT_UPDATE', ['IsClosed']);
    expect((await h.state()).Task.length).toBe(tasks);

    const created = await task({ TaskSubtype: 'Email', Subject: 'x'.repeat(255) });
    expect(created.status).toBe(201);
    const subtype = await h.call('PATCH', `${DATA}/sobjects/Task/${created.body.id}`, {
      TaskSubtype: 'Call',
      Subject: 'changed',
    });
    expectError(subtype, 400, 'INVALID_FIELD_FOR_INSERT_UPDATE', ['TaskSubtype']);
    expect((await h.state()).Task.find((t) => t.Id === created.body.id)?.Subject).toBe('x'.repeat(255));
  });

  it('refuses writes to a field made read-only by field-level security, and describes it so', async () => {
    await h.control('POST', '/fls', { object: 'Lead', field: 'Budget__c', readOnly: true });
    expectError(
      await h.call('PATCH', `${DATA}/sobjects/Lead/${HERO_IDS.dana}`, { Budget__c: '1M' }),
      400,
      'INVALID_FIELD_FOR_INSERT_UPDATE',
      ['Budget__c'],
    );
    const describe = await h.call('GET', `${DATA}/sobjects/Lead/describe`);
    const budget = describe.body.fields.find((f: Json) => f.name === 'Budget__c');
    expect(budget).toMatchObject({ updateable: false, createable: false, custom: true, type: 'string' });
  });

  it('applies validation rules to the record as it would be after the write', async () => {
    await h.control('POST', '/validation-rules', {
      rules: [
        {
          object: 'Lead',
          field: 'Status',
          equals: 'Nurture',
          requireField: 'Recycle_Reason__c',
          message: 'Pick a recycle reason.',
        },
      ],
    });
    const refused = await h.call('PATCH', `${DATA}/sobjects/Lead/${HERO_IDS.dana}`, { Status: 'Nurture' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual([
      {
        errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message: 'Pick a recycle reason.',
        fields: ['Recycle_Reason__c'],
      },
    ]);
    const ok = await h.call('PATCH', `${DATA}/sobjects/Lead/${HERO_IDS.dana}`, {
      Status: 'Nurture',
      Recycle_Reason__c: 'Bad timing',
    });
    expect(ok.status).toBe(204);
  });

  it('describes objects with Salesforce type names and picklist values', async () => {
    const lead = await h.call('GET', `${DATA}/sobjects/Lead/describe`);
    expect(lead.status).toBe(200);
    expect(lead.body).toMatchObject({ name: 'Lead', label: 'Lead' });
    const byName = Object.fromEntries(lead.body.fields.map((f: Json) => [f.name, f]));
    expect(byName.Id.type).toBe('id');
    expect(byName.Email.type).toBe('email');
    expect(byName.OwnerId.type).toBe('reference');
    expect(byName.NumberOfEmployees.type).toBe('int');
    expect(byName.Fit_Score__c.type).toBe('double');
    expect(byName.MQL_Date__c.type).toBe('datetime');
    expect(byName.ConvertedDate.type).toBe('date');
    expect(byName.IsConverted).toMatchObject({ type: 'boolean', updateable: false, createable: false });
    expect(byName.Need__c).toMatchObject({ type: 'textarea', filterable: false, custom: true });
    expect(byName.LinkedIn_URL__c.type).toBe('url');
    expect(byName.Phone.type).toBe('phone');
    expect(byName.Status.picklistValues.map((v: Json) => v.value)).toEqual([
      'Open - Not Contacted',
      'MQL',
      'Working - Contacted',
      'SQL',
      'Nurture',
      'Closed - Converted',
      'Closed - Not Converted',
    ]);
    expect(byName.Status.picklistValues[0]).toEqual({
      value: 'Open - Not Contacted',
      label: 'Open - Not Contacted',
      active: true,
      defaultValue: true,
      validFor: null,
    });
    const task = await h.call('GET', `${DATA}/sobjects/Task/describe`);
    const subtype = task.body.fields.find((f: Json) => f.name === 'TaskSubtype');
    expect(subtype).toMatchObject({ createable: true, updateable: false, type: 'picklist' });
    expect(
      (await h.call('GET', `${DATA}/sobjects/Contact/describe`)).body.fields.some(
        (f: Json) => f.name === 'Contact_Status__c',
      ),
    ).toBe(true);
    expectError(await h.call('GET', `${DATA}/sobjects/Foo/describe`), 404, 'NOT_FOUND');
  });

  it('sends malformed seeded records back with values of the wrong type', async () => {
    const { ids } = await h.control('POST', '/seed', {
      empty: true,
      records: [
        { type: 'Lead', fields: { LastName: 'Good', Company: 'A', Email: 'good@a.example' } },
        { type: 'Lead', fields: { LastName: 'Bad', Company: 'B', Email: 'bad@b.example' }, malformed: true },
      ],
    });
    const reply = await h.query('SELECT Id, LastName, Email, CreatedDate FROM Lead');
    expect(reply.body.records.map((r: Json) => [r.LastName, r.Email, typeof r.CreatedDate])).toEqual([
      ['Good', 'good@a.example', 'string'],
      ['Bad', 42, 'string'],
    ]);
    expect(reply.body.records[1].CreatedDate).toBe('not a date');
    expect(reply.body.records[0].Id).toBe(ids[0]);
  });
});

describe('LeadHistory', () => {
  const ownerRows = async (leadId: string) =>
    (
      await h.query(
        `SELECT Field, OldValue, NewValue, CreatedDate, CreatedById FROM LeadHistory WHERE LeadId = '${leadId}' AND Field = 'Owner' ORDER BY CreatedDate DESC`,
      )
    ).body.records;

  it('writes two Owner rows per owner change (ids, then names) and one Status row', async () => {
    const before = (await ownerRows(HERO_IDS.marco)).length;
    expect(before).toBe(0);
    await h.call('PATCH', `${DATA}/sobjects/Lead/${HERO_IDS.marco}`, {
      OwnerId: TEAMMATE_USER_ID,
      Status: 'Working - Contacted',
    });
    const rows = await ownerRows(HERO_IDS.marco);
    expect(rows.map((r: Json) => [r.OldValue, r.NewValue])).toEqual([
      [REP_USER_ID, TEAMMATE_USER_ID],
      ['Alex Rep', 'Jo Teammate'],
    ]);
    expect(rows[0].CreatedDate).toBe(rows[1].CreatedDate);
    expect(rows[0].CreatedById).toBe(REP_USER_ID);
    const status = await h.query(
      `SELECT OldValue, NewValue FROM LeadHistory WHERE LeadId = '${HERO_IDS.marco}' AND Field = 'Status'`,
    );
    expect(status.body.records.map((r: Json) => [r.OldValue, r.NewValue])).toEqual([
      ['MQL', 'Working - Contacted'],
    ]);
    await h.call('PATCH', `${DATA}/sobjects/Lead/${HERO_IDS.marco}`, { Title: 'Same owner' });
    expect(await ownerRows(HERO_IDS.marco)).toHaveLength(2);
  });

  it('writes nothing for untracked fields', async () => {
    await h.control('POST', '/history', { trackOwner: false, trackStatus: false });
    await h.call('PATCH', `${DATA}/sobjects/Lead/${HERO_IDS.marco}`, {
      OwnerId: TEAMMATE_USER_ID,
      Status: 'SQL',
    });
    expect(
      (await h.query(`SELECT Id FROM LeadHistory WHERE LeadId = '${HERO_IDS.marco}'`)).body.totalSize,
    ).toBe(0);
    expect((await h.call('GET', `${DATA}/sobjects/Lead/${HERO_IDS.marco}?fields=OwnerId`)).body.OwnerId).toBe(
      TEAMMATE_USER_ID,
    );
  });

  it('is read-only', async () => {
    const reply = await h.call('POST', `${DATA}/sobjects/LeadHistory`, {
      LeadId: HERO_IDS.dana,
      Field: 'Owner',
    });
    expect(reply.status).toBeGreaterThanOrEqual(400);
    expect(reply.status).toBeLessThan(500);
  });
});
