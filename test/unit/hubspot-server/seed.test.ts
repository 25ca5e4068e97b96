import { afterEach, describe, expect, it } from 'vitest';
import { HERO_LEADS } from '../../../lib/sample/people';
import {
  COLLEAGUE_OWNER_ID,
  employeeRange,
  HERO_CONTACTS,
  HERO_LEADS as HERO_LEADS_SEEDED,
  REP_OWNER_ID,
  SEEDED_ENGAGEMENTS,
} from '../../hubspot-server/server.mjs';
import { type Harness, startHarness, V } from './harness';

const started: Harness[] = [];
const start = async (options: Parameters<typeof startHarness>[0] = {}) => {
  const harness = await startHarness(options);
  started.push(harness);
  return harness;
};
afterEach(async () => {
  await Promise.all(started.splice(0).map((harness) => harness.server.close()));
});

/** Contacts without their dates and timestamps, which follow the clock. */
const people = async (h: Harness) =>
  (await h.state()).contacts.map(
    (c): Record<string, string | null> => ({
      id: c.id,
      ...Object.fromEntries(Object.entries(c.properties).filter(([name]) => !/(date|timestamp)$/.test(name))),
    }),
  );

describe('seed', () => {
  it('has the sample workspace hero leads with the same names, e-mails, titles, companies and industries', () => {
    expect(HERO_CONTACTS).toHaveLength(HERO_LEADS.length);
    HERO_LEADS.forEach((lead, index) => {
      const contact = HERO_CONTACTS[index];
      expect(`${contact?.firstname} ${contact?.lastname}`).toBe(lead.name);
      expect(contact).toMatchObject({
        email: lead.email,
        jobtitle: lead.title,
        company: lead.company,
        industry: lead.industry,
        companySize: lead.companySize,
        territory: lead.territory,
        need: lead.need,
        linkedinSlug: lead.linkedinSlug,
        mqlMinutesAgo: lead.handedOverMinutesAgo,
      });
    });
    expect(HERO_CONTACTS.map((c) => c.id)).toEqual(['51001', '51002', '51003']);
  });

  it('serves them as MQLs of owner 90001 with MQL dates relative to the start', async () => {
    const before = Date.now();
    const h = await start();
    const after = Date.now();
    const reply = await h.call('POST', `/crm/objects/${V}/contacts/batch/read`, {
      inputs: HERO_CONTACTS.map((c) => ({ id: c.id })),
      properties: [
        'email',
        'jobtitle',
        'company',
        'industry',
        'lifecyclestage',
        'hubspot_owner_id',
        'numberofemployees',
        'hs_lifecyclestage_marketingqualifiedlead_date',
      ],
      propertiesWithHistory: [],
    });
    expect(reply.status).toBe(200);
    for (const hero of HERO_CONTACTS) {
      const contact = reply.body.results.find((r: { id: string }) => r.id === hero.id);
      expect(contact.properties).toMatchObject({
        email: hero.email,
        jobtitle: hero.jobtitle,
        company: hero.company,
        industry: hero.industry,
        lifecyclestage: 'marketingqualifiedlead',
        hubspot_owner_id: REP_OWNER_ID,
        numberofemployees: employeeRange(hero.companySize),
      });
      const mqlAt = Date.parse(contact.properties.hs_lifecyclestage_marketingqualifiedlead_date);
      expect(mqlAt).toBeGreaterThanOrEqual(before - hero.mqlMinutesAgo * 60_000);
      expect(mqlAt).toBeLessThanOrEqual(after - hero.mqlMinutesAgo * 60_000);
    }
  });

  it('gives Dana conversions and Priya activity logged elsewhere', async () => {
    const h = await start();
    const dana = await h.call(
      'GET',
      `/crm/objects/${V}/contacts/51001?properties=first_conversion_event_name,first_conversion_date,recent_conversion_event_name,recent_conversion_date`,
    );
    expect(dana.body.properties.first_conversion_event_name).toEqual(expect.any(String));
    expect(dana.body.properties.recent_conversion_event_name).toEqual(expect.any(String));
    expect(Date.parse(dana.body.properties.first_conversion_date)).toBeLessThan(
      Date.parse(dana.body.properties.recent_conversion_date),
    );

    const { contacts, engagements } = await h.state();
    const priya = contacts.find((c) => c.id === '51002');
    expect(priya?.associations).toEqual({
      calls: [SEEDED_ENGAGEMENTS.priyaDialerCall, SEEDED_ENGAGEMENTS.priyaColleagueCall],
      emails: [SEEDED_ENGAGEMENTS.priyaGmailEmail],
      communications: [],
      notes: [],
      leads: [HERO_LEADS_SEEDED[1]?.id],
    });
    const mqlAt = Date.parse(priya?.properties.hs_lifecyclestage_marketingqualifiedlead_date ?? '');
    for (const activity of [...engagements.calls, ...engagements.emails].filter((e) =>
      e.associations.contacts.includes('51002'),
    )) {
      expect(activity.properties.hubspot_owner_id).toBe(COLLEAGUE_OWNER_ID);
      expect(Date.parse(activity.properties.hs_timestamp ?? '')).toBeGreaterThan(mqlAt);
    }
    expect(engagements.communications.map((c) => c.associations.contacts)).toEqual([['51003']]);
  });

  it('has 23 contacts with unique e-mails, the same for the same seed and different for another', async () => {
    const one = await start({ seed: 1 });
    const again = await start({ seed: 1 });
    const two = await start({ seed: 2 });
    const a = await people(one);
    expect(a).toHaveLength(23);
    expect(new Set(a.map((c) => c.email)).size).toBe(23);
    expect(a.map((c) => c.id)).toEqual(Array.from({ length: 23 }, (_, i) => String(51001 + i)));
    expect(await people(again)).toEqual(a);
    const b = await people(two);
    expect(b.slice(0, 3)).toEqual(a.slice(0, 3));
    expect(b).not.toEqual(a);
    await one.control('POST', '/reset', { seed: 2 });
    expect(await people(one)).toEqual(b);
  });
});
