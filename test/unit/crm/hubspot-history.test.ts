import { describe, expect, test } from 'vitest';
import { handoffOf } from '@/lib/crm/handoff';
import { CrmObject } from '@/lib/crm/hubspot/api';
import { contentTouches } from '@/lib/crm/hubspot/content-touches';
import { ownerAssignment } from '@/lib/crm/hubspot/history';
import { contactToLead, defaultFieldMap } from '@/lib/crm/hubspot/mapping';
import { defaultHubSpotSetup, HubSpotSetup } from '@/lib/crm/hubspot/setup';

const at = (iso: string) => Date.parse(iso);
const entry = (value: string, timestamp: string) => ({ value, timestamp, sourceType: 'CRM_UI' });

/** A contact as HubSpot's API answers it, through the client's own schema. */
const contact = (properties: Record<string, string>, history: Record<string, unknown[]> = {}) =>
  CrmObject.parse({ id: '51001', properties, propertiesWithHistory: history });

describe('when the current owner got the lead', () => {
  test('the oldest write of the current owner in its latest run; re-saving the same owner does not restart it', () => {
    const record = contact(
      { hubspot_owner_id: '90001' },
      {
        hubspot_owner_id: [
          entry('90001', '2026-12-04T10:12:00Z'),
          entry('90001', '2026-12-03T09:00:00Z'),
          entry('90002', '2026-12-01T08:00:00Z'),
          entry('90001', '2026-11-20T08:00:00Z'),
        ],
      },
    );
    expect(ownerAssignment(record)).toEqual({ at: at('2026-12-03T09:00:00Z'), previousOwnerId: '90002' });
  });

  test('history out of order is sorted; an entry with no readable time is left out', () => {
    const record = contact(
      { hubspot_owner_id: '90001' },
      {
        hubspot_owner_id: [
          entry('90002', '2026-12-01T08:00:00Z'),
          entry('90001', 'not a date'),
          entry('90001', '2026-12-04T10:12:00Z'),
          { value: 7, timestamp: 'broken' },
        ],
      },
    );
    expect(ownerAssignment(record)).toEqual({ at: at('2026-12-04T10:12:00Z'), previousOwnerId: '90002' });
  });

  test('without history, hubspot_owner_assigneddate stands in; with no owner there is no assignment', () => {
    expect(
      ownerAssignment(contact({ hubspot_owner_id: '90001', hubspot_owner_assigneddate: '1764842400000' })),
    ).toEqual({ at: 1764842400000 });
    expect(ownerAssignment(contact({ hubspot_owner_assigneddate: '1764842400000' }))).toBeUndefined();
  });

  test('a history whose newest value is another owner (stale) falls back to the assigned date', () => {
    const record = contact(
      { hubspot_owner_id: '90001', hubspot_owner_assigneddate: '2026-12-05T10:00:00Z' },
      { hubspot_owner_id: [entry('90002', '2026-12-01T08:00:00Z')] },
    );
    expect(ownerAssignment(record)).toEqual({ at: at('2026-12-05T10:00:00Z') });
  });
});

describe('the SLA handoff: the later of the handoff and the assignment', () => {
  const names = { '90002': 'Jo Teammate' };
  test('assigned before the MQL: the MQL starts the clock', () => {
    expect(
      handoffOf({
        handedAt: at('2026-12-04T10:00:00Z'),
        handedFrom: 'mql',
        assignment: { at: at('2026-12-01T10:00:00Z'), previousOwnerId: '90002' },
        ownerNames: names,
      }),
    ).toEqual({ at: '2026-12-04T10:00:00.000Z', handoff: { from: 'mql' } });
  });

  test('reassigned after: the new owner’s clock starts then, naming who had it', () => {
    expect(
      handoffOf({
        handedAt: at('2026-12-04T10:00:00Z'),
        handedFrom: 'lead_stage',
        assignment: { at: at('2026-12-08T10:12:00Z'), previousOwnerId: '90002' },
        ownerNames: names,
      }),
    ).toEqual({
      at: '2026-12-08T10:12:00.000Z',
      handoff: { from: 'owner_assigned', previousOwner: 'Jo Teammate' },
    });
  });

  test('an owner with no name is named by id; the same instant with a previous owner says so', () => {
    expect(
      handoffOf({
        handedAt: at('2026-12-04T10:00:00Z'),
        handedFrom: 'mql',
        assignment: { at: at('2026-12-04T10:00:00Z'), previousOwnerId: '90009' },
        ownerNames: names,
      })?.handoff,
    ).toEqual({ from: 'owner_assigned', previousOwner: 'owner 90009' });
  });

  test('never handed to sales: no clock, whatever the owner', () => {
    expect(
      handoffOf({ handedAt: Number.NaN, handedFrom: 'mql', assignment: { at: 1 }, ownerNames: {} }),
    ).toBeUndefined();
  });

  test('the contact as a lead carries it', () => {
    const lead = contactToLead(
      contact(
        {
          hubspot_owner_id: '90001',
          hs_lifecyclestage_marketingqualifiedlead_date: '2026-12-04T10:00:00Z',
          lifecyclestage: 'marketingqualifiedlead',
        },
        {
          hubspot_owner_id: [entry('90001', '2026-12-08T10:12:00Z'), entry('90002', '2026-12-01T00:00:00Z')],
        },
      ),
      defaultFieldMap,
      HubSpotSetup.parse({ ownerNames: names }),
    );
    expect(lead).toMatchObject({
      mqlAt: '2026-12-08T10:12:00.000Z',
      handoff: { from: 'owner_assigned', previousOwner: 'Jo Teammate' },
    });
  });
});

describe('the portal’s own score', () => {
  const scored = contact({ lead_scoring_combined: '82', hubspotscore: '35' });
  test('read from the picked property, labelled as HubSpot’s', () => {
    const setup = HubSpotSetup.parse({
      scoreProperty: 'lead_scoring_combined',
      scoreLabel: 'Combined score',
    });
    expect(contactToLead(scored, defaultFieldMap, setup)).toMatchObject({
      crmScore: 82,
      crmScoreLabel: 'HubSpot: Combined score',
    });
  });
  test('none picked: none shown, and the legacy score is never read', () => {
    expect(contactToLead(scored, defaultFieldMap, defaultHubSpotSetup)?.crmScore).toBeUndefined();
    expect(HubSpotSetup.safeParse({ scoreProperty: 'hubspotscore' }).success).toBe(false);
  });
  test('a value that is not a number is left out', () => {
    const setup = HubSpotSetup.parse({ scoreProperty: 'lead_scoring_combined' });
    expect(
      contactToLead(contact({ lead_scoring_combined: 'high' }), defaultFieldMap, setup)?.crmScore,
    ).toBeUndefined();
  });
});

describe('content consumed from the properties’ history', () => {
  test('each conversion with the date written with it; first and recent conversion are one touch', () => {
    const touches = contentTouches(
      contact(
        {
          first_conversion_event_name: 'Request a demo',
          first_conversion_date: '2026-11-01T09:00:00Z',
          recent_conversion_event_name: 'Pricing page',
          recent_conversion_date: '2026-11-20T09:00:00Z',
        },
        {
          recent_conversion_event_name: [
            entry('Pricing page', '2026-11-20T09:00:02Z'),
            entry('Ebook', '2026-11-10T09:00:01Z'),
            entry('Request a demo', '2026-11-01T09:00:00Z'),
          ],
          recent_conversion_date: [
            entry('2026-11-20T09:00:00Z', '2026-11-20T09:00:02Z'),
            entry('2026-11-10T09:00:00Z', '2026-11-10T09:00:01Z'),
            entry('2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z'),
          ],
          first_conversion_event_name: [entry('Request a demo', '2026-11-01T09:00:00Z')],
          first_conversion_date: [entry('2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z')],
        },
      ),
      'hubspot:51001',
    );
    expect(touches.map((t) => [t.kind, t.title, t.at])).toEqual([
      ['form', 'Pricing page', '2026-11-20T09:00:00.000Z'],
      ['form', 'Ebook', '2026-11-10T09:00:00.000Z'],
      ['form', 'Request a demo', '2026-11-01T09:00:00.000Z'],
    ]);
  });

  test('email clicks and visits; a visit to anything but an http(s) address never reaches the card', () => {
    const touches = contentTouches(
      contact(
        {},
        {
          hs_email_last_email_name: [entry('Newsletter', '2026-11-12T08:00:00Z')],
          hs_email_last_click_date: [entry('2026-11-12T07:59:30Z', '2026-11-12T08:00:00Z')],
          hs_analytics_last_url: [
            entry('javascript:alert(1)', '2026-11-13T08:00:00Z'),
            entry('https://www.baton-demo.example/pricing', '2026-11-11T08:00:00Z'),
          ],
        },
      ),
      'hubspot:51001',
    );
    expect(touches.map((t) => ({ kind: t.kind, title: t.title, url: t.url }))).toEqual([
      { kind: 'email_click', title: 'Clicked in the email “Newsletter”', url: undefined },
      {
        kind: 'page_view',
        title: 'Visited www.baton-demo.example/pricing',
        url: 'https://www.baton-demo.example/pricing',
      },
    ]);
    expect(touches[0]?.at).toBe('2026-11-12T07:59:30.000Z');
  });

  test('a malformed history entry is left out, never the contact', () => {
    const parsed = CrmObject.safeParse({
      id: '1',
      properties: {},
      propertiesWithHistory: {
        recent_conversion_event_name: [{ value: 3 }, entry('Ebook', '2026-11-10T09:00:00Z')],
        bad: 'x',
      },
    });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.propertiesWithHistory?.recent_conversion_event_name).toHaveLength(1);
  });
});
