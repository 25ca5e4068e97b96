/**
 * The seeded org: the three users, the sample workspace's hero people (lib/sample/people.ts) with
 * their activities, campaigns and Lead history, and ~20 generated leads and 3 contacts from a seeded
 * PRNG. All dates are relative to the moment of seeding; all names and domains are fictitious
 * (`.example`, RFC 2606).
 */
import { pick, seededRandom } from '../server-kit/random.mjs';
import {
  caseSafeId,
  MARKETING_USER_ID,
  REP_USER_ID,
  sfDate,
  sfDateTime,
  TEAMMATE_USER_ID,
  USERS,
} from './org.mjs';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A fixed id: prefix + `8d00000` + a 5-character tail, with the case-safe suffix. @param {string} prefix @param {string} tail */
const fixedId = (prefix, tail) => caseSafeId(`${prefix}8d00000${tail}`);

/** The ids of the hero people (Marco's is the one in test/fixtures/salesforce/2026-11-24-lead-record.html). */
export const HERO_IDS = {
  dana: '00Q8d00000DnWhtAAB',
  marco: '00Q8d00000MbLlIEAV',
  priya: '0038d00000PrRmNAAV',
};

/**
 * The hero people as seeded, in the order of HERO_LEADS in lib/sample/people.ts.
 * @type {ReadonlyArray<{ key: 'dana' | 'priya' | 'marco', type: 'Lead' | 'Contact', id: string,
 *   firstName: string, lastName: string, email: string, title: string, company: string, industry: string,
 *   companySize: number, territory: string, need: string | undefined, linkedinSlug: string, phone: string,
 *   handedOverMinutesAgo: number }>}
 */
export const HERO_PEOPLE = [
  {
    key: 'dana',
    type: 'Lead',
    id: HERO_IDS.dana,
    firstName: 'Dana',
    lastName: 'Whitfield',
    email: 'dana.whitfield@northwindhealth.example',
    title: 'VP of Operations',
    company: 'Northwind Health',
    industry: 'Healthcare',
    companySize: 1200,
    territory: 'NA East',
    need: 'Integration risk with the EHR during rollout',
    linkedinSlug: 'dana-whitfield-nw',
    phone: '+1 617 555 0142',
    handedOverMinutesAgo: 25,
  },
  {
    key: 'priya',
    type: 'Contact',
    id: HERO_IDS.priya,
    firstName: 'Priya',
    lastName: 'Raman',
    email: 'priya.raman@larkspur-logistics.example',
    title: 'Director of IT',
    company: 'Larkspur Logistics',
    industry: 'Logistics',
    companySize: 430,
    territory: 'EMEA',
    need: undefined,
    linkedinSlug: 'priya-raman-larkspur',
    phone: '+1 415 555 0187',
    handedOverMinutesAgo: 190,
  },
  {
    key: 'marco',
    type: 'Lead',
    id: HERO_IDS.marco,
    firstName: 'Marco',
    lastName: 'Bellini',
    email: 'm.bellini@fioreretail.example',
    title: 'Head of E-commerce',
    company: 'Fiore Retail',
    industry: 'Retail',
    companySize: 85,
    territory: 'EMEA',
    need: 'Cart abandonment reporting',
    linkedinSlug: 'marco-bellini-4a2b',
    phone: '+39 02 555 0163',
    handedOverMinutesAgo: 60 * 24 * 3,
  },
];

export const PRIYA_ACCOUNT_ID = fixedId('001', 'LrkLg');

/** The seeded activities of the heroes. */
export const SEEDED_TASKS = {
  /** Jo's earlier call to Marco, 2 days ago: Call, Completed, 'No answer', Outbound. */
  marcoCall: fixedId('00T', 'McCal'),
  /** Alex's e-mail to Marco, 1 day ago. */
  marcoEmail: fixedId('00T', 'McEml'),
};
/** Alex's meeting with Priya yesterday. */
export const SEEDED_EVENTS = { priyaMeeting: fixedId('00U', 'PrMtg') };

/** The seeded campaigns. */
export const CAMPAIGNS = [
  {
    id: fixedId('701', 'WbEhr'),
    Name: 'Webinar: EHR integrations without downtime',
    Type: 'Webinar',
    Status: 'Completed',
    startDaysAgo: 0,
  },
  {
    id: fixedId('701', 'NwDmo'),
    Name: 'Northwind Health: Request a demo',
    Type: 'Content',
    Status: 'In Progress',
    startDaysAgo: 60,
  },
  {
    id: fixedId('701', 'NrQ4g'),
    Name: 'Nurture email: Q4 integration guide',
    Type: 'Email',
    Status: 'In Progress',
    startDaysAgo: 14,
  },
  {
    id: fixedId('701', 'NlNov'),
    Name: 'Newsletter: November product update',
    Type: 'Email',
    Status: 'Completed',
    startDaysAgo: 7,
  },
  {
    id: fixedId('701', 'CtLgx'),
    Name: 'Content: Logistics visibility playbook',
    Type: 'Content',
    Status: 'In Progress',
    startDaysAgo: 30,
  },
];

export { seededRandom };

const FIRST = [
  'Avery',
  'Blake',
  'Casey',
  'Devon',
  'Elliot',
  'Finley',
  'Harper',
  'Jordan',
  'Kendall',
  'Logan',
  'Morgan',
  'Noa',
  'Parker',
  'Quinn',
  'Reese',
  'Rowan',
  'Sage',
  'Taylor',
];
const LAST = [
  'Abbott',
  'Brennan',
  'Castillo',
  'Delgado',
  'Eriksen',
  'Fontaine',
  'Gallagher',
  'Hollis',
  'Iverson',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Pellegrini',
  'Sato',
  'Varga',
  'Whitlock',
];
/** @type {ReadonlyArray<[company: string, industry: string, employees: number]>} */
const COMPANIES = [
  ['Bluefin Freight', 'Logistics', 640],
  ['Cedar Clinics', 'Healthcare', 310],
  ['Driftwood Outfitters', 'Retail', 140],
  ['Granite Ledger', 'Finance', 950],
  ['Harbor Robotics', 'Manufacturing', 420],
  ['Juniper Analytics', 'Technology', 75],
  ['Maple Row Markets', 'Retail', 2100],
  ['Orchard Medical', 'Healthcare', 1800],
  ['Quillstone Software', 'Technology', 230],
  ['Redwood Parcel', 'Logistics', 88],
];
const TITLES = [
  'Head of Operations',
  'IT Manager',
  'Director of Finance',
  'VP Engineering',
  'Operations Analyst',
  'CTO',
  'Procurement Lead',
];
const TERRITORIES = ['NA East', 'NA West', 'EMEA', 'APAC'];
const NEEDS = [
  'Faster month-end reporting',
  'Fewer manual handoffs',
  'Audit trail for approvals',
  undefined,
  undefined,
];
const SOURCES = ['Web', 'Webinar', 'Content Download', 'Trade Show', 'Partner Referral'];
const TIMEFRAME_VALUES = ['This quarter', 'Next quarter', 'This year', 'Next year'];

/** Status and owner of the generated leads, in order. @type {ReadonlyArray<[status: string, owner: string]>} */
const PATTERN = [
  ['MQL', REP_USER_ID],
  ['MQL', REP_USER_ID],
  ['MQL', REP_USER_ID],
  ['MQL', REP_USER_ID],
  ['MQL', REP_USER_ID],
  ['MQL', REP_USER_ID],
  ['MQL', REP_USER_ID],
  ['MQL', TEAMMATE_USER_ID],
  ['MQL', TEAMMATE_USER_ID],
  ['MQL', TEAMMATE_USER_ID],
  ['Working - Contacted', REP_USER_ID],
  ['Working - Contacted', REP_USER_ID],
  ['Working - Contacted', REP_USER_ID],
  ['Working - Contacted', TEAMMATE_USER_ID],
  ['Working - Contacted', TEAMMATE_USER_ID],
  ['Open - Not Contacted', TEAMMATE_USER_ID],
  ['SQL', REP_USER_ID],
  ['Nurture', REP_USER_ID],
  ['Closed - Converted', REP_USER_ID],
  ['Closed - Not Converted', TEAMMATE_USER_ID],
];
/** How many generated leads and contacts there are. */
export const GENERATED = { leads: PATTERN.length, contacts: 3 };

/**
 * Fills an empty org.
 * @param {import('./org.mjs').Org} org @param {{ seed: number, now: number }} options
 */
export function seedOrg(org, { seed, now }) {
  const at = (/** @type {number} */ ago) => sfDateTime(now - ago);
  for (const user of USERS) org.insert('User', user, { now });

  // --- the heroes ---
  const [dana, priya, marco] = HERO_PEOPLE;
  if (!dana || !priya || !marco) throw new Error('hero people missing');
  /** @param {(typeof HERO_PEOPLE)[number]} hero */
  const personFields = (hero) => ({
    Id: hero.id,
    FirstName: hero.firstName,
    LastName: hero.lastName,
    Email: hero.email,
    Title: hero.title,
    Phone: hero.phone,
    Territory__c: hero.territory,
    Need__c: hero.need ?? null,
    LinkedIn_URL__c: `https://www.linkedin.com/in/${hero.linkedinSlug}`,
    MQL_Date__c: at(hero.handedOverMinutesAgo * MINUTE),
    OwnerId: REP_USER_ID,
  });
  org.insert(
    'Lead',
    {
      ...personFields(dana),
      Company: dana.company,
      Industry: dana.industry,
      NumberOfEmployees: dana.companySize,
      LeadSource: 'Webinar',
      Status: 'MQL',
      Timeframe__c: 'This quarter',
      Budget__c: 'Approved for this fiscal year',
      Product_Interest__c: 'Integration platform',
      Fit_Score__c: 86,
      CreatedDate: at(3 * DAY),
      CreatedById: MARKETING_USER_ID,
      LastModifiedDate: at(dana.handedOverMinutesAgo * MINUTE),
      LastModifiedById: MARKETING_USER_ID,
    },
    { now },
  );
  // Dana was Jo's from her creation 3 days ago, and handed to Alex 25 minutes ago: two Owner rows.
  const handedOver = at(dana.handedOverMinutesAgo * MINUTE);
  org.addHistory(dana.id, 'Owner', TEAMMATE_USER_ID, REP_USER_ID, handedOver, MARKETING_USER_ID);
  org.addHistory(dana.id, 'Owner', 'Jo Teammate', 'Alex Rep', handedOver, MARKETING_USER_ID);

  org.insert(
    'Lead',
    {
      ...personFields(marco),
      Company: marco.company,
      Industry: marco.industry,
      NumberOfEmployees: marco.companySize,
      LeadSource: 'Content Download',
      Status: 'MQL',
      Timeframe__c: 'Next quarter',
      Product_Interest__c: 'Analytics',
      Fit_Score__c: 64,
      CreatedDate: at(3 * DAY),
      CreatedById: MARKETING_USER_ID,
      LastModifiedDate: at(1 * DAY),
      LastModifiedById: REP_USER_ID,
    },
    { now },
  );
  org.insert('Account', {
    Id: PRIYA_ACCOUNT_ID,
    Name: priya.company,
    Industry: priya.industry,
    NumberOfEmployees: priya.companySize,
    CreatedDate: at(120 * DAY),
  });
  org.insert(
    'Contact',
    {
      ...personFields(priya),
      AccountId: PRIYA_ACCOUNT_ID,
      LeadSource: 'Trade Show',
      Contact_Status__c: 'MQL',
      Timeframe__c: 'This year',
      CreatedDate: at(30 * DAY),
      CreatedById: MARKETING_USER_ID,
      LastModifiedDate: at(priya.handedOverMinutesAgo * MINUTE),
      LastModifiedById: MARKETING_USER_ID,
    },
    { now },
  );

  const callAt = now - 2 * DAY;
  org.insert('Task', {
    Id: SEEDED_TASKS.marcoCall,
    WhoId: marco.id,
    Subject: 'Call',
    TaskSubtype: 'Call',
    Status: 'Completed',
    Priority: 'Normal',
    ActivityDate: sfDate(callAt),
    CallDisposition: 'No answer',
    CallType: 'Outbound',
    CallDurationInSeconds: 0,
    OwnerId: TEAMMATE_USER_ID,
    CreatedById: TEAMMATE_USER_ID,
    CreatedDate: callAt,
    CompletedDateTime: callAt,
  });
  const emailAt = now - 1 * DAY;
  org.insert('Task', {
    Id: SEEDED_TASKS.marcoEmail,
    WhoId: marco.id,
    Subject: 'Email: Following up on cart abandonment reporting',
    TaskSubtype: 'Email',
    Status: 'Completed',
    Priority: 'Normal',
    ActivityDate: sfDate(emailAt),
    Description: 'Hi Marco, following up on the cart abandonment report you downloaded.',
    OwnerId: REP_USER_ID,
    CreatedById: REP_USER_ID,
    CreatedDate: emailAt,
    CompletedDateTime: emailAt,
  });
  const meetingAt = Math.floor((now - DAY) / HOUR) * HOUR;
  org.insert('Event', {
    Id: SEEDED_EVENTS.priyaMeeting,
    WhoId: priya.id,
    Subject: 'Meeting: Larkspur Logistics discovery',
    StartDateTime: meetingAt,
    EndDateTime: meetingAt + 30 * MINUTE,
    DurationInMinutes: 30,
    Description: 'Discovery call about shipment visibility.',
    OwnerId: REP_USER_ID,
    CreatedById: REP_USER_ID,
    CreatedDate: meetingAt - 2 * DAY,
  });

  for (const campaign of CAMPAIGNS) {
    org.insert('Campaign', {
      Id: campaign.id,
      Name: campaign.Name,
      Type: campaign.Type,
      Status: campaign.Status,
      StartDate: sfDate(now - campaign.startDaysAgo * DAY),
      CreatedById: MARKETING_USER_ID,
      CreatedDate: now - (campaign.startDaysAgo + 10) * DAY,
    });
  }
  const [webinar, demo, nurture, newsletter, playbook] = CAMPAIGNS.map((c) => c.id);
  /** @param {string | undefined} campaignId @param {{ LeadId?: string, ContactId?: string }} who @param {string} status @param {number} addedAgo @param {number | null} respondedAgo */
  const member = (campaignId, who, status, addedAgo, respondedAgo) =>
    org.insert('CampaignMember', {
      CampaignId: campaignId,
      ...who,
      Status: status,
      HasResponded: respondedAgo !== null,
      FirstRespondedDate: respondedAgo === null ? null : sfDate(now - respondedAgo),
      CreatedDate: now - addedAgo,
      CreatedById: MARKETING_USER_ID,
    });
  member(webinar, { LeadId: dana.id }, 'Attended', 6 * DAY, 40 * MINUTE);
  member(demo, { LeadId: dana.id }, 'Responded', 21 * DAY, 21 * DAY);
  member(nurture, { LeadId: dana.id }, 'Clicked', 10 * DAY, 2 * DAY);
  member(newsletter, { LeadId: dana.id }, 'Sent', 7 * DAY, null);
  member(playbook, { ContactId: priya.id }, 'Downloaded', 5 * DAY, 5 * DAY);

  // --- generated leads and contacts ---
  const random = seededRandom(seed);
  const usedEmails = new Set(HERO_PEOPLE.map((hero) => hero.email));
  const person = (/** @type {number} */ index) => {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const [company, industry, employees] = pick(random, COMPANIES);
    const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
    let email = `${first}.${last}@${domain}`.toLowerCase();
    if (usedEmails.has(email)) email = `${first}.${last}.${index}@${domain}`.toLowerCase();
    usedEmails.add(email);
    return { first, last, company, industry, employees, email };
  };
  PATTERN.forEach(([status, owner], index) => {
    const p = person(index + 1);
    const ageDays = 2 + Math.floor(random() * 60);
    const mqlAgo = Math.floor(random() * 48) * HOUR + 10 * MINUTE;
    const converted = status === 'Closed - Converted';
    const record = org.insert('Lead', {
      FirstName: p.first,
      LastName: p.last,
      Email: p.email,
      Title: pick(random, TITLES),
      Company: p.company,
      Industry: p.industry,
      NumberOfEmployees: p.employees,
      Phone: `+1 555 01${String(10 + index).padStart(2, '0')}`,
      LeadSource: pick(random, SOURCES),
      Status: status,
      OwnerId: owner,
      IsConverted: converted,
      ConvertedDate: converted ? sfDate(now - DAY) : null,
      Territory__c: pick(random, TERRITORIES),
      Timeframe__c: pick(random, TIMEFRAME_VALUES),
      Need__c: pick(random, NEEDS) ?? null,
      Fit_Score__c: Math.round(random() * 100),
      MQL_Date__c: status === 'Open - Not Contacted' ? null : now - Math.min(mqlAgo, (ageDays - 1) * DAY),
      Recycle_Reason__c: status === 'Nurture' ? 'Bad timing' : null,
      CreatedDate: now - ageDays * DAY,
      CreatedById: MARKETING_USER_ID,
      LastModifiedDate: now - Math.min(mqlAgo, (ageDays - 1) * DAY),
    });
    if (status === 'MQL' && index % 2 === 0) {
      member(pick(random, CAMPAIGNS).id, { LeadId: record.Id }, 'Responded', ageDays * DAY, mqlAgo);
    }
  });
  for (let index = 0; index < GENERATED.contacts; index++) {
    const p = person(PATTERN.length + index + 1);
    const account = org.insert('Account', {
      Name: p.company,
      Industry: p.industry,
      NumberOfEmployees: p.employees,
      CreatedDate: now - 200 * DAY,
    });
    const mqlAgo = (2 + index * 5) * HOUR;
    org.insert('Contact', {
      FirstName: p.first,
      LastName: p.last,
      Email: p.email,
      Title: pick(random, TITLES),
      Phone: `+1 555 02${String(10 + index).padStart(2, '0')}`,
      AccountId: account.Id,
      LeadSource: pick(random, SOURCES),
      OwnerId: REP_USER_ID,
      Contact_Status__c: 'MQL',
      Territory__c: pick(random, TERRITORIES),
      MQL_Date__c: now - mqlAgo,
      CreatedDate: now - 40 * DAY,
      CreatedById: MARKETING_USER_ID,
      LastModifiedDate: now - mqlAgo,
    });
  }
}
