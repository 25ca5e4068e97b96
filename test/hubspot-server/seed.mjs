/**
 * The test portal's seed: the sample workspace's three hero leads (lib/sample/people.ts; this file is
 * plain JavaScript so Node runs it without a TypeScript loader, and a unit test checks the two agree),
 * 20 other contacts drawn from a seeded generator, and activity logged "elsewhere" on Priya (calls
 * from a dialer, an e-mail from the Gmail extension) and a LinkedIn message on Marco.
 * Every date is relative to the moment of seeding.
 */

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

/** mulberry32, as in lib/sample/random.ts. @param {number} seed */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @template T @param {() => number} random @param {readonly T[]} items @returns {T} */
const pick = (random, items) => /** @type {T} */ (items[Math.floor(random() * items.length)]);

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

  for (const hero of HERO_CONTACTS) {
    const mqlAt = now - hero.mqlMinutesAgo * MINUTE;
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
        lifecyclestage: 'marketingqualifiedlead',
        hs_lead_status: hero.id === '51002' ? 'ATTEMPTED_TO_CONTACT' : 'NEW',
        hubspot_owner_id: REP_OWNER_ID,
        hs_lifecyclestage_marketingqualifiedlead_date: iso(mqlAt),
        hs_linkedin_url: `https://www.linkedin.com/in/${hero.linkedinSlug}/`,
        baton_territory: hero.territory,
        baton_need: hero.need,
      },
      { createdAt: iso(mqlAt - 30 * DAY), updatedAt: iso(mqlAt) },
    );
  }

  // Dana converted on forms: first a demo request weeks ago, then a webinar just before the hand-over.
  const dana = portal.objects.contacts.get('51001');
  if (dana) {
    Object.assign(dana.properties, {
      first_conversion_event_name: 'Northwind Health: Request a demo',
      first_conversion_date: iso(now - 21 * DAY),
      recent_conversion_event_name: 'Webinar: EHR integrations without downtime',
      recent_conversion_date: iso(now - 40 * MINUTE),
      baton_product_interest: 'Baton Core',
    });
  }
  const priya = portal.objects.contacts.get('51002');
  if (priya) Object.assign(priya.properties, { phone: '+44 20 7946 0321', baton_timeframe: 'Next quarter' });
  const marco = portal.objects.contacts.get('51003');
  if (marco) Object.assign(marco.properties, { baton_budget: '$25k', baton_timeframe: 'This quarter' });

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
}
