import { afterEach, describe, expect, it } from 'vitest';
import { HERO_LEADS } from '../../../lib/sample/people';
import {
  CAMPAIGNS,
  HERO_IDS,
  HERO_PEOPLE,
  MARKETING_USER_ID,
  REP_USER_ID,
  SEEDED_EVENTS,
  SEEDED_TASKS,
  TEAMMATE_USER_ID,
} from '../../salesforce-server/server.mjs';
import { DATA, type Harness, type Json, startHarness } from './harness';

const started: Harness[] = [];
const start = async (options: Parameters<typeof startHarness>[0] = {}) => {
  const harness = await startHarness(options);
  started.push(harness);
  return harness;
};
afterEach(async () => {
  await Promise.all(started.splice(0).map((harness) => harness.server.close()));
});

const MINUTE = 60_000;
const ms = (sf: unknown) => Date.parse(String(sf).replace(/\+0000$/, 'Z'));

describe('seed', () => {
  it('has the sample workspace hero people with the same names, e-mails, titles, companies and more', () => {
    expect(HERO_PEOPLE).toHaveLength(HERO_LEADS.length);
    HERO_LEADS.forEach((lead, index) => {
      const hero = HERO_PEOPLE[index];
      expect(`${hero?.firstName} ${hero?.lastName}`).toBe(lead.name);
      expect(hero).toMatchObject({
        email: lead.email,
        title: lead.title,
        company: lead.company,
        industry: lead.industry,
        companySize: lead.companySize,
        territory: lead.territory,
        need: lead.need,
        linkedinSlug: lead.linkedinSlug,
        phone: lead.phone,
        handedOverMinutesAgo: lead.handedOverMinutesAgo,
      });
    });
    expect(HERO_PEOPLE.map((p) => p.id)).toEqual([HERO_IDS.dana, HERO_IDS.priya, HERO_IDS.marco]);
  });

  it('serves Dana and Marco as MQL leads of Alex, and Priya as an MQL contact of Larkspur Logistics', async () => {
    const before = Date.now();
    const h = await start();
    const leads = await h.query(
      `SELECT Id, Name, Email, Title, Company, Industry, NumberOfEmployees, Phone, Territory__c, Need__c, LinkedIn_URL__c, Status, OwnerId, MQL_Date__c FROM Lead WHERE Id IN ('${HERO_IDS.dana}', '${HERO_IDS.marco}')`,
    );
    expect(leads.body.totalSize).toBe(2);
    for (const record of leads.body.records) {
      const hero = HERO_PEOPLE.find((p) => p.id === record.Id);
      expect(record).toMatchObject({
        Name: `${hero?.firstName} ${hero?.lastName}`,
        Email: hero?.email,
        Title: hero?.title,
        Company: hero?.company,
        Industry: hero?.industry,
        NumberOfEmployees: hero?.companySize,
        Phone: hero?.phone,
        Territory__c: hero?.territory,
        Need__c: hero?.need,
        LinkedIn_URL__c: `https://www.linkedin.com/in/${hero?.linkedinSlug}`,
        Status: 'MQL',
        OwnerId: REP_USER_ID,
      });
      const mqlAgo = before - ms(record.MQL_Date__c);
      expect(Math.abs(mqlAgo - (hero?.handedOverMinutesAgo ?? 0) * MINUTE)).toBeLessThan(5000);
    }
    const priya = await h.query(
      `SELECT Name, Email, Title, Account.Name, Account.Industry, Account.NumberOfEmployees, Contact_Status__c, OwnerId, Need__c FROM Contact WHERE Id = '${HERO_IDS.priya}'`,
    );
    expect(priya.body.records[0]).toMatchObject({
      Name: 'Priya Raman',
      Email: 'priya.raman@larkspur-logistics.example',
      Account: { Name: 'Larkspur Logistics', Industry: 'Logistics', NumberOfEmployees: 430 },
      Contact_Status__c: 'MQL',
      OwnerId: REP_USER_ID,
      Need__c: null,
    });
  });

  it("has Dana's hand-over from Jo to Alex 25 minutes ago in LeadHistory, and Marco's activities", async () => {
    const h = await start();
    const history = await h.query(
      `SELECT OldValue, NewValue, CreatedDate FROM LeadHistory WHERE LeadId = '${HERO_IDS.dana}' AND Field = 'Owner' ORDER BY CreatedDate DESC`,
    );
    expect(history.body.records.map((r: Json) => [r.OldValue, r.NewValue])).toEqual([
      [TEAMMATE_USER_ID, REP_USER_ID],
      ['Jo Teammate', 'Alex Rep'],
    ]);
    expect(Math.abs(Date.now() - ms(history.body.records[0].CreatedDate) - 25 * MINUTE)).toBeLessThan(5000);
    expect(
      (await h.query(`SELECT Id FROM LeadHistory WHERE LeadId = '${HERO_IDS.marco}'`)).body.totalSize,
    ).toBe(0);

    const tasks = await h.query(
      `SELECT Id, TaskSubtype, Status, CallDisposition, CallType, Subject, Owner.Name FROM Task WHERE WhoId = '${HERO_IDS.marco}' ORDER BY CreatedDate`,
    );
    expect(tasks.body.records.map((t: Json) => t.Id)).toEqual([
      SEEDED_TASKS.marcoCall,
      SEEDED_TASKS.marcoEmail,
    ]);
    expect(tasks.body.records[0]).toMatchObject({
      TaskSubtype: 'Call',
      Status: 'Completed',
      CallDisposition: 'No answer',
      CallType: 'Outbound',
      Subject: 'Call',
      Owner: { Name: 'Jo Teammate' },
    });
    expect(tasks.body.records[1]).toMatchObject({
      TaskSubtype: 'Email',
      Subject: 'Email: Following up on cart abandonment reporting',
      Owner: { Name: 'Alex Rep' },
    });
    const events = await h.query(`SELECT Id, Owner.Name FROM Event WHERE WhoId = '${HERO_IDS.priya}'`);
    expect(events.body.records.map((e: Json) => e.Id)).toEqual([SEEDED_EVENTS.priyaMeeting]);
  });

  it("has Dana's campaign responses, one of them sent but not responded", async () => {
    const h = await start();
    const members = await h.query(
      `SELECT Campaign.Name, Campaign.Type, Status, HasResponded, FirstRespondedDate FROM CampaignMember WHERE LeadId = '${HERO_IDS.dana}' ORDER BY FirstRespondedDate DESC NULLS LAST`,
    );
    const rows = members.body.records.map((m: Json) => [
      m.Campaign.Name,
      m.Campaign.Type,
      m.Status,
      m.HasResponded,
    ]);
    expect(rows).toEqual([
      ['Webinar: EHR integrations without downtime', 'Webinar', 'Attended', true],
      ['Nurture email: Q4 integration guide', 'Email', 'Clicked', true],
      ['Northwind Health: Request a demo', 'Content', 'Responded', true],
      [expect.any(String), 'Email', 'Sent', false],
    ]);
    expect(members.body.records[0].FirstRespondedDate).toBe(
      new Date(Date.now() - 40 * MINUTE).toISOString().slice(0, 10),
    );
    expect(CAMPAIGNS.map((c) => c.Name)).toContain('Webinar: EHR integrations without downtime');
  });

  it('has ~20 generated leads and 3 MQL contacts, the same for the same seed and different for another', async () => {
    const one = await start({ seed: 1 });
    const again = await start({ seed: 1 });
    const two = await start({ seed: 2 });
    const people = async (h: Harness) =>
      (await h.query('SELECT Id, Name, Email, Status, OwnerId, IsConverted FROM Lead ORDER BY Id')).body
        .records;
    const a = await people(one);
    expect(a).toHaveLength(22);
    expect(new Set(a.map((l: Json) => l.Email)).size).toBe(22);
    expect(a.every((l: Json) => /\.example$/.test(l.Email))).toBe(true);
    const count = (status: string, owner?: string) =>
      a.filter((l: Json) => l.Status === status && (!owner || l.OwnerId === owner)).length;
    expect(count('MQL', REP_USER_ID)).toBeGreaterThanOrEqual(6);
    expect(a.filter((l: Json) => l.OwnerId === TEAMMATE_USER_ID).length).toBeGreaterThan(0);
    expect(count('Working - Contacted')).toBeGreaterThan(0);
    expect(count('Nurture')).toBe(1);
    expect(a.filter((l: Json) => l.IsConverted && l.Status === 'Closed - Converted')).toHaveLength(1);
    expect(await people(again)).toEqual(a);
    expect(await people(two)).not.toEqual(a);
    const contacts = await one.query(
      `SELECT Id FROM Contact WHERE Contact_Status__c = 'MQL' AND OwnerId = '${REP_USER_ID}' AND Id != '${HERO_IDS.priya}'`,
    );
    expect(contacts.body.totalSize).toBe(3);
    const users = await one.query('SELECT Id, Name, Email, IsActive FROM User ORDER BY Name');
    expect(users.body.records.map((u: Json) => u.Name)).toEqual(['Alex Rep', 'Jo Teammate', 'Sam Marketing']);
    expect(users.body.records.find((u: Json) => u.Id === MARKETING_USER_ID)?.IsActive).toBe(true);
    await one.control('POST', '/reset', { seed: 2 });
    expect(await people(one)).toEqual(await people(two));
    expect((await one.call('GET', `${DATA}/sobjects/Lead/${HERO_IDS.marco}?fields=Name`)).body.Name).toBe(
      'Marco Bellini',
    );
  });
});
