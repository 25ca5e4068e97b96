/**
 * The test portal's seed: the sample workspace's three hero leads (lib/sample/people.ts; this file is
 * plain JavaScript so Node runs it without a TypeScript loader, and a unit test checks the two agree),
 * 20 other contacts drawn from a seeded generator, and activity logged "elsewhere" on Priya (calls
 * from a dialer, an e-mail from the Gmail extension) and a LinkedIn message on Marco; a Lead record
 * per hero and two more; property histories (Dana's owners, conversions, e-mail clicks, page visits).
 * Every date is relative to the moment of seeding.
 */
import { pick, seededRandom } from '../server-kit/random.mjs';

/** The rep the sample workspace signs in as; owner of the hero leads and of "my queue". */
export const REP_OWNER_ID = '90001';
/** A colleague: the activity logged "elsewhere" is theirs. */
export const COLLEAGUE_OWNER_ID = '90002';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The hero leads as HubSpot contacts. `mqlMinutesAgo` is the sample's `handedOverMinutesAgo`, so the
 * SLA clock reads the same as in the sample workspace.
 */
export const HERO_CONTACTS = [
  {
    id: '51001',
    firstname: 'Dana',
    lastname: 'Whitfield',
    email: 'dana.whitfield@northwindhealth.example',
    jobtitle: 'VP of Operations',
    company: 'Northwind Health',
    industry: 'Healthcare',
    companySize: 1200,
    territory: 'NA East',
    need: 'Integration risk with the EHR during rollout',
    linkedinSlug: 'dana-whitfield-nw',
    mqlMinutesAgo: 25,
  },
  {
    id: '51002',
    firstname: 'Priya',
    lastname: 'Raman',
    email: 'priya.raman@larkspur-logistics.example',
    jobtitle: 'Director of IT',
    company: 'Larkspur Logistics',
    industry: 'Logistics',
    companySize: 430,
    territory: 'EMEA',
    need: undefined,
    linkedinSlug: 'priya-raman-larkspur',
    mqlMinutesAgo: 190,
  },
  {
    id: '51003',
    firstname: 'Marco',
    lastname: 'Bellini',
    email: 'm.bellini@fioreretail.example',
    jobtitle: 'Head of E-commerce',
    company: 'Fiore Retail',
    industry: 'Retail',
    companySize: 85,
    territory: 'EMEA',
    need: 'Cart abandonment reporting',
    linkedinSlug: 'marco-bellini-4a2b',
    mqlMinutesAgo: 60 * 24 * 3,
  },
];

/** Ids of the seeded activity (new engagements get ids from 70005 up). */
export const SEEDED_ENGAGEMENTS = {
  priyaDialerCall: '70001',
  priyaGmailEmail: '70002',
  priyaColleagueCall: '70003',
  marcoLinkedInMessage: '70004',
};

/**
 * The hero contacts' Lead records (`lead-pipeline-id`, owner 90001): Dana's and Priya's are New
 * (created, and entered New, at their MQL time); Marco's moved to Attempting when the LinkedIn
 * message was logged (2 days ago).
 */
export const HERO_LEADS = [
  { id: '80001', contactId: '51001', stage: 'new-stage-id', ownerId: REP_OWNER_ID },
  { id: '80002', contactId: '51002', stage: 'new-stage-id', ownerId: REP_OWNER_ID },
  { id: '80003', contactId: '51003', stage: 'attempting-stage-id', ownerId: REP_OWNER_ID },
];

/** The other seeded leads: one of a colleague's contact, one qualified. New leads get ids from 80006 up. */
export const SEEDED_LEADS = {
  colleague: { id: '80004', contactId: '51007', stage: 'connected-stage-id', ownerId: COLLEAGUE_OWNER_ID },
  qualified: { id: '80005', contactId: '51006', stage: 'qualified-stage-id', ownerId: REP_OWNER_ID },
};

/**
 * Dana's seeded history, in minutes before seeding (oldest first). Owner: Jo Teammate from 3 days
 * ago, reassigned to Alex Rep at her MQL time (25 minutes ago), so `hubspot_owner_assigneddate` is 25
 * minutes ago and the owner history has two entries. Four form conversions (the oldest is her first
 * conversion, the newest her recent one), two marketing-email clicks, three page visits.
 */
export const DANA_HISTORY = {
  owners: [
    { ownerId: COLLEAGUE_OWNER_ID, minutesAgo: 3 * 24 * 60 },
    { ownerId: REP_OWNER_ID, minutesAgo: 25 },
  ],
  conversions: [
    { name: 'Northwind Health: Request a demo', minutesAgo: 21 * 24 * 60 },
    { name: 'Ebook: The operations playbook for health systems', minutesAgo: 14 * 24 * 60 },
    { name: 'Pricing page: Talk to sales', minutesAgo: 6 * 24 * 60 },
    { name: 'Webinar: EHR integrations without downtime', minutesAgo: 40 },
  ],
  emailClicks: [
    { name: 'Newsletter: Scheduling without spreadsheets', minutesAgo: 10 * 24 * 60 },
    { name: 'Product update: Baton Core for healthcare', minutesAgo: 2 * 24 * 60 },
  ],
  pageVisits: [
    { url: 'https://www.baton-demo.example/pricing', minutesAgo: 6 * 24 * 60 + 5, pageViews: 9 },
    { url: 'https://www.baton-demo.example/integrations/ehr', minutesAgo: 3 * 60, pageViews: 12 },
    { url: 'https://www.baton-demo.example/webinars/ehr-integrations', minutesAgo: 45, pageViews: 14 },
  ],
  /** The legacy score, last written before it stopped updating (2025-08-31). */
  hubspotscore: { value: 35, at: '2025-08-30T16:00:00.000Z' },
};

/** The lead-scoring tool's scores on the heroes (combined, fit, engagement). */
const HERO_SCORES = {
  51001: { lead_scoring_combined: 82, lead_scoring_fit: 70, lead_scoring_engagement: 90 },
  51002: { lead_scoring_combined: 64, lead_scoring_fit: 75, lead_scoring_engagement: 48 },
  51003: { lead_scoring_combined: 41, lead_scoring_fit: 55, lead_scoring_engagement: 30 },
};

/** The contact "Number of Employees" range a head count falls in. @param {number} size */
export function employeeRange(size) {
  if (size < 5) return '1-5';
  if (size < 25) return '5-25';
  if (size < 50) return '25-50';
  if (size < 100) return '50-100';
  if (size < 500) return '100-500';
  if (size < 1000) return '500-1000';
  return '1000+';
}

export { seededRandom };

const FIRST = [
  'Avery',
  'Jordan',
  'Mina',
  'Tomas',
  'Leila',
  'Owen',
  'Sofia',
  'Ravi',
  'Hana',
  'Lucas',
  'Ines',
  'Kofi',
];
const LAST = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Haddad',
  'Novak',
  'Brennan',
  'Costa',
  'Iyer',
  'Keller',
];
const COMPANIES = [
  ['Bluefin Freight', 'Logistics'],
  ['Cedar Clinics', 'Healthcare'],
  ['Halcyon Bank', 'Financial Services'],
  ['Ironbark Tools', 'Manufacturing'],
  ['Juniper Apps', 'SaaS'],
  ['Kestrel Outfitters', 'Retail'],
  ['Lumen Labs', 'SaaS'],
  ['Meridian Care', 'Healthcare'],
];
const TITLES = [
  'CEO',
  'VP of Sales',
  'Director of IT',
  'Head of Finance',
  'Operations Manager',
  'IT Manager',
  'CTO',
];
const SIZES = [12, 45, 85, 150, 430, 900, 1200, 5000];
const TERRITORIES = ['NA East', 'NA West', 'EMEA', 'APAC', 'LATAM'];

/**
 * The other contacts' stage and owner follow a fixed pattern (so "my queue" has a known size:
 * the 3 heroes plus 5 of these are MQLs owned by 90001); names and details come from the seed.
 * @type {Array<[string, string]>}
 */
const PATTERN = [
  ['marketingqualifiedlead', '90001'],
  ['lead', '90002'],
  ['salesqualifiedlead', '90001'],
  ['marketingqualifiedlead', '90002'],
  ['customer', '90003'],
  ['marketingqualifiedlead', '90001'],
  ['subscriber', '90003'],
  ['opportunity', '90001'],
  ['lead', '90001'],
  ['marketingqualifiedlead', '90001'],
  ['marketingqualifiedlead', '90003'],
  ['lead', '90002'],
  ['customer', '90001'],
  ['marketingqualifiedlead', '90001'],
  ['salesqualifiedlead', '90002'],
  ['evangelist', '90003'],
  ['marketingqualifiedlead', '90001'],
  ['other', '90002'],
  ['lead', '90003'],
  ['marketingqualifiedlead', '90002'],
];

/**
 * Fills an empty portal.
 * @param {import('./portal.mjs').Portal} portal @param {{ seed: number, now: number }} options
 */
export function seedPortal(portal, { seed, now }) {
  const iso = (/** @type {number} */ ms) => new Date(ms).toISOString();

  const ago = (/** @type {number} */ minutes) => iso(now - minutes * MINUTE);

  for (const hero of HERO_CONTACTS) {
    const mqlAt = now - hero.mqlMinutesAgo * MINUTE;
    const createdAt = mqlAt - 30 * DAY;
    portal.insert(
      'contacts',
      hero.id,
      {
        firstname: hero.firstname,
        lastname: hero.lastname,
        email: hero.email,
        jobtitle: hero.jobtitle,
        company: hero.company,
        industry: hero.industry,
        numberofemployees: employeeRange(hero.companySize),
        lifecyclestage: 'lead',
        hs_linkedin_url: `https://www.linkedin.com/in/${hero.linkedinSlug}/`,
        baton_territory: hero.territory,
        baton_need: hero.need,
      },
      { createdAt: iso(createdAt), updatedAt: iso(mqlAt) },
    );
    // Dana had another owner before the hand-over.
    if (hero.id === '51001') {
      const [first] = DANA_HISTORY.owners;
      if (first)
        portal.seedWrite('contacts', hero.id, { hubspot_owner_id: first.ownerId }, ago(first.minutesAgo));
    }
    // The hand-over: an MQL, owned by the rep.
    portal.seedWrite(
      'contacts',
      hero.id,
      {
        lifecyclestage: 'marketingqualifiedlead',
        hs_lifecyclestage_marketingqualifiedlead_date: iso(mqlAt),
        hs_lead_status: hero.id === '51002' ? 'ATTEMPTED_TO_CONTACT' : 'NEW',
        hubspot_owner_id: REP_OWNER_ID,
      },
      iso(mqlAt),
    );
    portal.seedWrite(
      'contacts',
      hero.id,
      HERO_SCORES[/** @type {51001} */ (Number(hero.id))],
      iso(now - 10 * MINUTE),
    );
  }

  // Dana converted on forms (the oldest her first conversion), clicked two marketing e-mails and visited the site.
  const [firstConversion] = DANA_HISTORY.conversions;
  if (firstConversion) {
    portal.seedWrite(
      'contacts',
      '51001',
      {
        first_conversion_event_name: firstConversion.name,
        first_conversion_date: ago(firstConversion.minutesAgo),
      },
      ago(firstConversion.minutesAgo),
    );
  }
  for (const conversion of DANA_HISTORY.conversions) {
    const at = ago(conversion.minutesAgo);
    portal.seedWrite(
      'contacts',
      '51001',
      { recent_conversion_event_name: conversion.name, recent_conversion_date: at },
      at,
    );
  }
  for (const click of DANA_HISTORY.emailClicks) {
    const at = ago(click.minutesAgo);
    portal.seedWrite(
      'contacts',
      '51001',
      { hs_email_last_open_date: ago(click.minutesAgo + 4) },
      ago(click.minutesAgo + 4),
    );
    portal.seedWrite(
      'contacts',
      '51001',
      { hs_email_last_email_name: click.name, hs_email_last_click_date: at },
      at,
    );
  }
  for (const visit of DANA_HISTORY.pageVisits) {
    const at = ago(visit.minutesAgo);
    portal.seedWrite(
      'contacts',
      '51001',
      {
        hs_analytics_last_url: visit.url,
        hs_analytics_last_visit_timestamp: at,
        hs_analytics_num_page_views: visit.pageViews,
      },
      at,
    );
  }
  portal.seedWrite(
    'contacts',
    '51001',
    { hubspotscore: DANA_HISTORY.hubspotscore.value },
    DANA_HISTORY.hubspotscore.at,
  );
  portal.seedWrite('contacts', '51001', { baton_product_interest: 'Baton Core' }, ago(40));
  portal.seedWrite(
    'contacts',
    '51002',
    { phone: '+44 20 7946 0321', baton_timeframe: 'Next quarter' },
    ago(190),
  );
  portal.seedWrite(
    'contacts',
    '51003',
    { baton_budget: '$25k', baton_timeframe: 'This quarter' },
    ago(3 * 24 * 60),
  );

  const random = seededRandom(seed);
  const usedEmails = new Set(HERO_CONTACTS.map((hero) => hero.email));
  PATTERN.forEach(([stage, owner], index) => {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const [company, industry] = pick(random, COMPANIES);
    const domain = `${company.toLowerCase().replace(/[^a-z]+/g, '')}.example`;
    let email = `${first}.${last}@${domain}`.toLowerCase();
    if (usedEmails.has(email)) email = `${first}.${last}.${index + 4}@${domain}`.toLowerCase();
    usedEmails.add(email);
    const ageDays = 1 + Math.floor(random() * 90);
    const stageAt = now - Math.floor(random() * 48) * HOUR - 10 * MINUTE;
    const known = (/** @type {number} */ p) => random() < p;
    portal.insert(
      'contacts',
      String(51004 + index),
      {
        firstname: first,
        lastname: last,
        email,
        jobtitle: known(0.8) ? pick(random, TITLES) : null,
        company,
        industry: known(0.7) ? industry : null,
        phone: known(0.5) ? `+1 555 02${String(index).padStart(2, '0')}` : null,
        numberofemployees: known(0.6) ? employeeRange(pick(random, SIZES)) : null,
        lifecyclestage: stage,
        hs_lead_status:
          stage === 'marketingqualifiedlead' || stage === 'lead' ? pick(random, ['NEW', 'OPEN']) : null,
        hubspot_owner_id: owner,
        hs_lifecyclestage_marketingqualifiedlead_date:
          stage === 'subscriber' || stage === 'lead' || stage === 'other' ? null : iso(stageAt),
        baton_territory: known(0.5) ? pick(random, TERRITORIES) : null,
        baton_timeframe: known(0.3) ? pick(random, ['This quarter', 'Next quarter', 'This year']) : null,
      },
      { createdAt: iso(now - ageDays * DAY), updatedAt: iso(stageAt) },
    );
  });

  // Activity logged elsewhere: on Priya (after her hand-over 190 min ago) and a LinkedIn message on Marco.
  /**
   * @param {import('./portal.mjs').EngagementType} type @param {string} id @param {string} contactId
   * @param {number} at @param {Record<string, string>} properties
   */
  const logged = (type, id, contactId, at, properties) => {
    portal.insert(type, id, { hs_timestamp: iso(at), ...properties }, { createdAt: iso(at + MINUTE) });
    portal.link(type, id, contactId);
  };
  logged('calls', SEEDED_ENGAGEMENTS.priyaDialerCall, '51002', now - 150 * MINUTE, {
    hs_call_title: 'Outbound call (team dialer)',
    hs_call_body: 'No answer. Logged by the dialer.',
    hs_call_direction: 'OUTBOUND',
    hs_call_status: 'NO_ANSWER',
    hs_call_duration: '0',
    hubspot_owner_id: COLLEAGUE_OWNER_ID,
  });
  logged('emails', SEEDED_ENGAGEMENTS.priyaGmailEmail, '51002', now - 120 * MINUTE, {
    hs_email_direction: 'EMAIL',
    hs_email_status: 'SENT',
    hs_email_subject: 'Larkspur Logistics and route visibility',
    hs_email_text: 'Hi Priya, following up on your request. Sent from Gmail with the HubSpot extension.',
    hubspot_owner_id: COLLEAGUE_OWNER_ID,
  });
  logged('calls', SEEDED_ENGAGEMENTS.priyaColleagueCall, '51002', now - 60 * MINUTE, {
    hs_call_title: 'Call with Priya',
    hs_call_body: 'Line busy, will retry tomorrow.',
    hs_call_direction: 'OUTBOUND',
    hs_call_status: 'BUSY',
    hs_call_duration: '0',
    hubspot_owner_id: COLLEAGUE_OWNER_ID,
  });
  logged('communications', SEEDED_ENGAGEMENTS.marcoLinkedInMessage, '51003', now - 2 * DAY, {
    hs_communication_channel_type: 'LINKEDIN_MESSAGE',
    hs_communication_logged_from: 'CRM',
    hs_communication_body: 'Connected on LinkedIn and sent a short intro.',
    hubspot_owner_id: REP_OWNER_ID,
  });

  // Leads: created in New; `stages` are the later moves, [stage, minutes ago].
  /**
   * @param {{ id: string, contactId: string, ownerId: string }} lead @param {string} name
   * @param {number} createdMinutesAgo @param {Array<[string, number]>} stages
   */
  const seedLead = (lead, name, createdMinutesAgo, stages) => {
    const createdAt = ago(createdMinutesAgo);
    const lastMove = stages.at(-1);
    portal.insert(
      'leads',
      lead.id,
      {
        hs_lead_name: name,
        hs_pipeline: 'lead-pipeline-id',
        hs_pipeline_stage: 'new-stage-id',
        hubspot_owner_id: lead.ownerId,
        hs_lead_type: 'NEW_BUSINESS',
      },
      { createdAt, updatedAt: lastMove ? ago(lastMove[1]) : createdAt },
    );
    portal.associate('leads', lead.id, 'contacts', lead.contactId, createdAt);
    for (const [stage, minutesAgo] of stages) {
      portal.seedWrite('leads', lead.id, { hs_pipeline_stage: stage }, ago(minutesAgo));
    }
  };
  const [danaLead, priyaLead, marcoLead] = HERO_LEADS;
  if (danaLead) seedLead(danaLead, 'Dana Whitfield (Northwind Health)', 25, []);
  if (priyaLead) seedLead(priyaLead, 'Priya Raman (Larkspur Logistics)', 190, []);
  if (marcoLead) {
    seedLead(marcoLead, 'Marco Bellini (Fiore Retail)', 3 * 24 * 60, [['attempting-stage-id', 2 * 24 * 60]]);
    portal.associate(
      'communications',
      SEEDED_ENGAGEMENTS.marcoLinkedInMessage,
      'leads',
      marcoLead.id,
      ago(2 * 24 * 60),
    );
  }
  const colleagueContact = portal.objects.contacts.get(SEEDED_LEADS.colleague.contactId);
  seedLead(
    SEEDED_LEADS.colleague,
    `${colleagueContact?.properties.firstname} ${colleagueContact?.properties.lastname} (${colleagueContact?.properties.company})`,
    4 * 24 * 60,
    [
      ['attempting-stage-id', 3 * 24 * 60],
      ['connected-stage-id', 24 * 60],
    ],
  );
  const qualifiedContact = portal.objects.contacts.get(SEEDED_LEADS.qualified.contactId);
  seedLead(
    SEEDED_LEADS.qualified,
    `${qualifiedContact?.properties.firstname} ${qualifiedContact?.properties.lastname} (${qualifiedContact?.properties.company})`,
    5 * 24 * 60,
    [
      ['attempting-stage-id', 4 * 24 * 60],
      ['connected-stage-id', 3 * 24 * 60],
      ['qualified-stage-id', 24 * 60],
    ],
  );
}
