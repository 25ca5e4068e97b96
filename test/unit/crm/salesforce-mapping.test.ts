import { describe, expect, test } from 'vitest';
import {
  attemptToTask,
  campaignMemberToTouch,
  dispositionFields,
  eventToAttempt,
  ownerChangeOf,
  patchToFields,
  recordFields,
  recordToLead,
  sfInstant,
  statusFor,
  taskToAttempt,
} from '@/lib/crm/salesforce/mapping';
import { defaultSalesforceSetup, SalesforceSetup } from '@/lib/crm/salesforce/setup';

const setup = defaultSalesforceSetup;
const LEAD_ID = '00Q8d00000MbLlIEAV';
const JO = '005000000000002AAA';
const ALEX = '005000000000001AAA';

const leadRecord = (over: Record<string, unknown> = {}) => ({
  attributes: { type: 'Lead', url: `/services/data/v66.0/sobjects/Lead/${LEAD_ID}` },
  Id: LEAD_ID,
  FirstName: 'Marco',
  LastName: 'Bellini',
  Name: 'Marco Bellini',
  Email: 'M.Bellini@FioreRetail.example',
  Title: 'Head of E-commerce',
  Company: 'Fiore Retail',
  Phone: '+39 02 555 0163',
  Industry: 'Retail',
  NumberOfEmployees: 85,
  Status: 'MQL',
  OwnerId: ALEX,
  IsConverted: false,
  CreatedDate: '2026-12-01T09:00:00.000+0000',
  LastModifiedDate: '2026-12-04T10:00:00.000+0000',
  Budget__c: '40k',
  Timeframe__c: 'This quarter',
  Need__c: 'Cart abandonment reporting',
  LinkedIn_URL__c: 'https://www.linkedin.com/in/marco-bellini-4a2b',
  MQL_Date__c: '2026-12-04T09:30:00.000+0000',
  ...over,
});

describe('Salesforce records as leads', () => {
  test("Salesforce's +0000 datetimes and plain dates read as instants", () => {
    expect(sfInstant('2026-12-07T10:15:00.000+0000')).toBe('2026-12-07T10:15:00.000Z');
    expect(sfInstant('2026-12-07T10:15:00.000-0500')).toBe('2026-12-07T15:15:00.000Z');
    expect(sfInstant('2026-12-07')).toBe('2026-12-07T12:00:00.000Z');
    expect(sfInstant('not a date')).toBeUndefined();
    expect(sfInstant(42)).toBeUndefined();
  });

  test('a Lead maps name, company, mapped fields, stage and the handoff field', () => {
    const lead = recordToLead(leadRecord(), setup);
    expect(lead).toMatchObject({
      id: `salesforce:${LEAD_ID}`,
      name: 'Marco Bellini',
      emails: ['m.bellini@fioreretail.example'],
      company: 'Fiore Retail',
      companySize: 85,
      budget: '40k',
      timeframe: 'This quarter',
      need: 'Cart abandonment reporting',
      stage: 'mql',
      crmStage: 'MQL',
      owner: ALEX,
      mqlAt: '2026-12-04T09:30:00.000Z',
      handoff: { from: 'mql' },
      crm: [{ system: 'salesforce', id: LEAD_ID }],
      updatedAt: '2026-12-04T10:00:00.000Z',
    });
  });

  test('statuses map by the setup; a converted lead counts as accepted', () => {
    const stage = (Status: string, extra = {}) =>
      recordToLead(leadRecord({ Status, ...extra }), setup)?.stage;
    expect(stage('SQL')).toBe('sql');
    expect(stage('Nurture')).toBe('recycled');
    expect(stage('Closed - Not Converted')).toBe('disqualified');
    expect(stage('Open - Not Contacted')).toBe('lead');
    expect(stage('Closed - Converted', { IsConverted: true })).toBe('sql');
    const custom = SalesforceSetup.parse({ mqlStatuses: ['Open - Not Contacted', 'Working'] });
    expect(recordToLead(leadRecord({ Status: 'Working' }), custom)?.stage).toBe('mql');
    expect(statusFor('recycled', setup)).toBe('Nurture');
    expect(statusFor('mql', custom)).toBe('Open - Not Contacted');
  });

  test('without a handoff field the clock starts at the owner assignment, else at creation — and the card can say which', () => {
    const noField = SalesforceSetup.parse({ handoffField: '' });
    const change = ownerChangeOf(
      [
        { OldValue: 'Jo Teammate', NewValue: 'Alex Rep', CreatedDate: '2026-12-03T08:00:00.000+0000' },
        { OldValue: JO, NewValue: ALEX, CreatedDate: '2026-12-03T08:00:00.000+0000' },
      ],
      ALEX,
    );
    expect(change).toEqual({ at: '2026-12-03T08:00:00.000Z', fromId: JO, fromName: 'Jo Teammate' });
    expect(recordToLead(leadRecord(), noField, change)).toMatchObject({
      mqlAt: '2026-12-03T08:00:00.000Z',
      handoff: { from: 'owner_assigned', previousOwner: 'Jo Teammate' },
    });
    expect(recordToLead(leadRecord(), noField)).toMatchObject({
      mqlAt: '2026-12-01T09:00:00.000Z',
      handoff: { from: 'created' },
    });
    // A reassignment after the MQL date restarts the clock for the new owner.
    const later = ownerChangeOf(
      [{ OldValue: JO, NewValue: ALEX, CreatedDate: '2026-12-05T08:00:00.000+0000' }],
      ALEX,
    );
    expect(recordToLead(leadRecord(), setup, later)).toMatchObject({
      mqlAt: '2026-12-05T08:00:00.000Z',
      handoff: { from: 'owner_assigned' },
    });
    // History naming someone else as the latest owner is not this owner's assignment.
    expect(
      ownerChangeOf([{ OldValue: ALEX, NewValue: JO, CreatedDate: '2026-12-05T08:00:00.000+0000' }], ALEX),
    ).toBeUndefined();
  });

  test('a Contact takes its company from its Account, its stage from the contact status field', () => {
    const contact = recordToLead(
      {
        Id: '0038d00000PrRmNAAV',
        Name: 'Priya Raman',
        Email: 'priya.raman@larkspur-logistics.example',
        Account: {
          attributes: { type: 'Account' },
          Name: 'Larkspur Logistics',
          Industry: 'Logistics',
          NumberOfEmployees: 430,
        },
        Contact_Status__c: 'MQL',
        OwnerId: ALEX,
        CreatedDate: '2026-12-01T09:00:00.000+0000',
        LastModifiedDate: '2026-12-01T09:00:00.000+0000',
      },
      SalesforceSetup.parse({ contactStatusField: 'Contact_Status__c' }),
    );
    expect(contact).toMatchObject({
      company: 'Larkspur Logistics',
      industry: 'Logistics',
      companySize: 430,
      stage: 'mql',
    });
  });

  test('odd fields are left out, not fatal; a record that is no Lead or Contact is unreadable', () => {
    const lead = recordToLead(
      leadRecord({
        Email: 'not-an-email',
        LinkedIn_URL__c: 'javascript:alert(1)',
        NumberOfEmployees: -5,
        Title: 'x'.repeat(5000),
      }),
      setup,
    );
    expect(lead?.emails).toEqual([]);
    expect(lead?.linkedinUrl).toBeUndefined();
    expect(lead?.companySize).toBeUndefined();
    expect(lead?.title?.length).toBeLessThanOrEqual(2000);
    expect(recordToLead({ Id: '001000000000001AAA', Name: 'An Account' }, setup)).toBeUndefined();
    expect(recordToLead({ Id: "x' OR" }, setup)).toBeUndefined();
    expect(recordToLead(null, setup)).toBeUndefined();
    // Fields Salesforce types itself, of the wrong type: not a record Salesforce sends.
    expect(recordToLead(leadRecord({ Email: 42 }), setup)).toBeUndefined();
    expect(recordToLead(leadRecord({ CreatedDate: 'not a date' }), setup)).toBeUndefined();
    expect(recordToLead(leadRecord({ IsConverted: 'yes' }), setup)).toBeUndefined();
  });
});

test('a Contact is read with standard fields only, unless the team works Contacts (then its named fields too)', () => {
  expect(recordFields('Lead', setup)).toContain('Budget__c');
  expect(recordFields('Contact', setup)).not.toContain('Budget__c');
  expect(recordFields('Contact', setup)).not.toContain('MQL_Date__c');
  const worked = SalesforceSetup.parse({ contactStatusField: 'Contact_Status__c' });
  expect(recordFields('Contact', worked)).toEqual(expect.arrayContaining(['Budget__c', 'Contact_Status__c']));
  expect(patchToFields({ budget: '1' }, 'Contact', setup).unmapped).toEqual(['budget']);
  expect(patchToFields({ budget: '1' }, 'Contact', worked).fields).toEqual({ Budget__c: '1' });
});

describe('activity', () => {
  const leadId = `salesforce:${LEAD_ID}`;
  test('a call Task logged by anyone is an attempt, its Call Result read as the outcome', () => {
    const attempt = taskToAttempt(
      {
        Id: '00T000000000001AAA',
        TaskSubtype: 'Call',
        CallDisposition: 'Left voicemail',
        CreatedDate: '2026-12-03T10:00:00.000+0000',
        CompletedDateTime: '2026-12-03T10:05:00.000+0000',
      },
      leadId,
    );
    expect(attempt).toMatchObject({
      channel: 'voicemail',
      outcome: 'left_voicemail',
      at: '2026-12-03T10:05:00.000Z',
      sync: 'synced',
    });
    const email = taskToAttempt(
      { Id: '00T000000000002AAA', TaskSubtype: 'Email', CreatedDate: '2026-12-03T10:00:00.000+0000' },
      leadId,
    );
    expect(email).toMatchObject({ channel: 'email' });
    // A plain to-do is not an attempt; a malformed row is counted as unreadable.
    expect(
      taskToAttempt(
        {
          Id: '00T000000000003AAA',
          TaskSubtype: 'Task',
          Subject: 'Send contract',
          CreatedDate: '2026-12-03T10:00:00.000+0000',
        },
        leadId,
      ),
    ).toBeUndefined();
    expect(taskToAttempt({ Id: '00T000000000004AAA', CreatedDate: 42 }, leadId)).toBe('unreadable');
  });

  test("Baton's own Task reads back as the same attempt (id, channel, outcome, instant)", () => {
    const attempt = {
      id: '8d0c4c1e-7a6b-4c8e-9f3a-2b1d0e9c8a7b',
      leadId,
      at: '2026-12-07T09:41:12.000Z',
      channel: 'call' as const,
      outcome: 'no_answer' as const,
      note: 'Rang twice',
      sync: 'pending' as const,
      sample: false,
    };
    const task = attemptToTask(attempt, LEAD_ID, ALEX);
    expect(task).toMatchObject({
      WhoId: LEAD_ID,
      TaskSubtype: 'Call',
      Status: 'Completed',
      ActivityDate: '2026-12-07',
      CallDisposition: 'No answer',
      OwnerId: ALEX,
    });
    const back = taskToAttempt(
      { Id: '00T000000000005AAA', ...task, CreatedDate: '2026-12-07T09:45:00.000+0000' },
      leadId,
    );
    expect(back).toMatchObject({
      id: attempt.id,
      channel: 'call',
      outcome: 'no_answer',
      at: attempt.at,
      note: 'Rang twice',
    });
  });

  test('an Event is a meeting; a campaign response is content consumed, a mere membership is not', () => {
    expect(
      eventToAttempt(
        {
          Id: '00U000000000001AAA',
          StartDateTime: '2026-12-06T15:00:00.000+0000',
          CreatedDate: '2026-12-05T10:00:00.000+0000',
        },
        leadId,
      ),
    ).toMatchObject({ channel: 'meeting', at: '2026-12-06T15:00:00.000Z' });
    const member = (over: Record<string, unknown>) => ({
      Id: '00v000000000001AAA',
      Status: 'Attended',
      HasResponded: true,
      FirstRespondedDate: '2026-12-06',
      CreatedDate: '2026-12-01T10:00:00.000+0000',
      Campaign: { Name: 'Webinar: EHR integrations without downtime', Type: 'Webinar' },
      ...over,
    });
    expect(campaignMemberToTouch(member({}), leadId)).toMatchObject({
      kind: 'webinar',
      title: 'Webinar: EHR integrations without downtime (Attended)',
      at: '2026-12-06T12:00:00.000Z',
    });
    expect(campaignMemberToTouch(member({ HasResponded: false, Status: 'Sent' }), leadId)).toBeUndefined();
    expect(campaignMemberToTouch(member({ Campaign: null }), leadId)).toBe('unreadable');
  });
});

describe('writes', () => {
  test('hand-backs set the configured status, and the reason where a field is mapped', () => {
    const base = {
      id: '8d0c4c1e-7a6b-4c8e-9f3a-2b1d0e9c8a7b',
      leadId: `salesforce:${LEAD_ID}`,
      at: '2026-12-07T10:00:00.000Z',
    };
    expect(dispositionFields({ ...base, kind: 'accept' }, 'Lead', setup)).toEqual({ Status: 'SQL' });
    expect(dispositionFields({ ...base, kind: 'recycle', reason: 'bad_timing' }, 'Lead', setup)).toEqual({
      Status: 'Nurture',
      Recycle_Reason__c: 'Bad timing',
    });
    const noReason = SalesforceSetup.parse({ reasonField: '', contactStatusField: 'Contact_Status__c' });
    expect(
      dispositionFields({ ...base, kind: 'disqualify', reason: 'no_need' }, 'Contact', noReason),
    ).toEqual({ Contact_Status__c: 'Closed - Not Converted' });
  });

  test('field edits go through the mapping; a field with nowhere to go is named', () => {
    expect(patchToFields({ budget: '50k', title: 'CTO', companySize: 90 }, 'Lead', setup)).toEqual({
      fields: { Budget__c: '50k', Title: 'CTO', NumberOfEmployees: 90 },
      unmapped: [],
    });
    const unmapped = patchToFields(
      { budget: '50k', company: 'Acme' },
      'Contact',
      SalesforceSetup.parse({ fields: { budget: '' } }),
    );
    expect(unmapped.unmapped).toEqual(['budget', 'company']);
  });
});
