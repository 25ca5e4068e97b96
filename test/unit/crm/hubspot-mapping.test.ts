import { describe, expect, test } from 'vitest';
import { contentTouches } from '@/lib/crm/hubspot/content-touches';
import {
  attemptToEngagement,
  contactToLead,
  defaultFieldMap,
  dispositionToWrites,
  engagementToAttempt,
  patchToProperties,
} from '@/lib/crm/hubspot/mapping';
import { uuidFromString } from '@/lib/crm/uuid';
import { Attempt, Lead } from '@/lib/model/schemas';

const contact = {
  id: '51001',
  updatedAt: '2026-11-24T10:00:00.000Z',
  properties: {
    firstname: 'Dana',
    lastname: 'Whitfield',
    email: 'Dana.Whitfield@NorthwindHealth.example',
    jobtitle: 'VP of Operations',
    company: 'Northwind Health',
    numberofemployees: '1200',
    lifecyclestage: 'marketingqualifiedlead',
    hs_lead_status: 'NEW',
    hubspot_owner_id: '90001',
    hs_lifecyclestage_marketingqualifiedlead_date: '1795514400000',
    baton_budget: '$80k',
    baton_need: null,
    hs_linkedin_url: 'javascript:alert(1)',
    recent_conversion_event_name: 'EHR integration guide',
    recent_conversion_date: '2026-11-20T09:00:00.000Z',
  },
};

describe('HubSpot mapping', () => {
  test('a contact becomes a valid lead, mapped fields included, unsafe links dropped', () => {
    const lead = Lead.parse(contactToLead(contact, defaultFieldMap));
    expect(lead).toMatchObject({
      id: 'hubspot:51001',
      name: 'Dana Whitfield',
      emails: ['dana.whitfield@northwindhealth.example'],
      companySize: 1200,
      stage: 'mql',
      owner: '90001',
      budget: '$80k',
      crm: [{ system: 'hubspot', id: '51001' }],
      mqlAt: new Date(1795514400000).toISOString(),
    });
    expect(lead.need).toBeUndefined();
    expect(lead.linkedinUrl).toBeUndefined();
  });

  test('lifecycle stage and lead status give the stage', () => {
    const stage = (lifecyclestage: string, hs_lead_status = '') =>
      contactToLead(
        { ...contact, properties: { ...contact.properties, lifecyclestage, hs_lead_status } },
        defaultFieldMap,
      )?.stage;
    expect(stage('salesqualifiedlead')).toBe('sql');
    expect(stage('marketingqualifiedlead', 'BAD_TIMING')).toBe('recycled');
    expect(stage('marketingqualifiedlead', 'UNQUALIFIED')).toBe('disqualified');
    expect(stage('customer')).toBe('customer');
    expect(stage('subscriber')).toBe('lead');
  });

  test('conversions are touches (without history: the current one)', () => {
    expect(contentTouches(contact, 'hubspot:51001')).toEqual([
      expect.objectContaining({
        kind: 'form',
        title: 'EHR integration guide',
        at: '2026-11-20T09:00:00.000Z',
        leadId: 'hubspot:51001',
      }),
    ]);
  });

  test('an attempt round-trips through its engagement: same id, channel and outcome', () => {
    for (const channel of ['call', 'voicemail', 'email', 'linkedin'] as const) {
      const attempt = Attempt.parse({
        id: crypto.randomUUID(),
        leadId: 'hubspot:51001',
        at: '2026-11-24T15:00:00.000Z',
        channel,
        outcome: channel === 'voicemail' ? 'left_voicemail' : 'meeting_booked',
        note: 'Talked budget',
      });
      const { type, properties } = attemptToEngagement(attempt, '90001');
      expect(type).toBe(
        { call: 'calls', voicemail: 'calls', email: 'emails', linkedin: 'communications' }[channel],
      );
      expect(properties.hubspot_owner_id).toBe('90001');
      if (type === 'notes') throw new Error('unexpected');
      const back = engagementToAttempt(type, { id: '777', properties }, '51001');
      expect(back).toMatchObject({
        id: attempt.id,
        channel,
        outcome: attempt.outcome,
        at: attempt.at,
        note: 'Talked budget',
      });
    }
  });

  test('engagements logged elsewhere count, with a stable id; other channels do not', () => {
    const call = engagementToAttempt(
      'calls',
      { id: '9', properties: { hs_timestamp: '2026-11-23T10:00:00Z', hs_call_status: 'NO_ANSWER' } },
      '51002',
    );
    expect(call).toMatchObject({
      id: uuidFromString('hubspot:calls:9'),
      channel: 'call',
      outcome: 'no_answer',
      leadId: 'hubspot:51002',
    });
    expect(Attempt.safeParse(call).success).toBe(true);
    const sms = engagementToAttempt(
      'communications',
      {
        id: '10',
        properties: { hs_timestamp: '2026-11-23T10:00:00Z', hs_communication_channel_type: 'SMS' },
      },
      '51002',
    );
    expect(sms).toBeUndefined();
  });

  test('hand-backs: accept sets SQL; recycle sets the lead status and a note with the reason', () => {
    const at = '2026-11-24T15:00:00.000Z';
    expect(dispositionToWrites({ kind: 'accept', id: crypto.randomUUID(), leadId: 'hubspot:1', at })).toEqual(
      {
        properties: { lifecyclestage: 'salesqualifiedlead' },
      },
    );
    expect(
      dispositionToWrites({
        kind: 'recycle',
        id: crypto.randomUUID(),
        leadId: 'hubspot:1',
        at,
        reason: 'other',
        text: 'Reorg until Q2',
      }),
    ).toEqual({
      properties: { hs_lead_status: 'BAD_TIMING' },
      note: 'Recycled to nurture by sales in Baton. Reason: Other: Reorg until Q2',
    });
  });

  test('field edits go to the mapped properties', () => {
    expect(
      patchToProperties(
        { budget: '$50k', companySize: 85, name: 'Dana  J Whitfield' },
        { ...defaultFieldMap, budget: 'budget_range' },
      ),
    ).toEqual({
      budget_range: '$50k',
      numberofemployees: '50-100',
      firstname: 'Dana',
      lastname: 'J Whitfield',
    });
  });
});
