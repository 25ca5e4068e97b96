import type { Asset, Attempt, Lead, LeadStage, Touch, TouchKind } from '../model/schemas';
import { HERO_LEADS } from './people';
import { pick, seededRandom, seededUuid } from './random';

export const INDUSTRIES = [
  'Healthcare',
  'Logistics',
  'Retail',
  'Financial Services',
  'Manufacturing',
  'SaaS',
] as const;
export const NEEDS = [
  'integration-risk',
  'reporting',
  'compliance',
  'cost-reduction',
  'onboarding-speed',
  'security-review',
] as const;
const NEED_SENTENCES: Record<(typeof NEEDS)[number], string> = {
  'integration-risk': 'Integration risk with existing systems',
  reporting: 'Reporting is manual and late',
  compliance: 'Audit and compliance pressure',
  'cost-reduction': 'Needs to cut tooling cost',
  'onboarding-speed': 'Slow onboarding of new staff',
  'security-review': 'Security review blocks purchases',
};
const TERRITORIES = ['NA East', 'NA West', 'EMEA', 'APAC', 'LATAM'] as const;
const TITLES = [
  'CEO',
  'VP of Operations',
  'VP of Sales',
  'Director of IT',
  'Head of Finance',
  'Operations Manager',
  'IT Manager',
  'Analyst',
  'Procurement Specialist',
  'CTO',
] as const;
const FIRST = [
  'Avery',
  'Jordan',
  'Riley',
  'Morgan',
  'Casey',
  'Quinn',
  'Harper',
  'Rowan',
  'Emery',
  'Sage',
  'Noor',
  'Kenji',
  'Lena',
  'Tomás',
  'Ines',
  'Olu',
  'Mei',
  'Arjun',
  'Freya',
  'Malik',
] as const;
const LAST = [
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Tanaka',
  'Brennan',
  'Castillo',
  'Novak',
  'Haddad',
  'Iyer',
  'Kowalski',
  'Adeyemi',
  'Ferreira',
  'Larsen',
  'Nakamura',
  'Rossi',
  'Schmidt',
  'Walsh',
  'Yilmaz',
  'Zhou',
  'Dubois',
] as const;
const COMPANY_A = [
  'Blue',
  'North',
  'Silver',
  'Cedar',
  'Harbor',
  'Summit',
  'Granite',
  'Maple',
  'Copper',
  'Lumen',
] as const;
const COMPANY_B = [
  'Ridge',
  'Field',
  'Works',
  'Labs',
  'Systems',
  'Partners',
  'Group',
  'Dynamics',
  'Point',
  'Line',
] as const;
const BUDGETS = ['$25k', '$50k–$100k', '$120k', 'Under $10k', '$250k+'] as const;
const TIMEFRAMES = ['This quarter', 'Next quarter', 'H1 next year', 'Within 30 days', '6–12 months'] as const;
const PRODUCTS = ['Baton Core', 'Baton Analytics', 'Baton Enterprise'] as const;
const SIZES = [12, 45, 85, 150, 430, 900, 1200, 5000, 12000] as const;
const ASSET_KINDS: Asset['kind'][] = [
  'case_study',
  'whitepaper',
  'one_pager',
  'video',
  'deck',
  'pricing',
  'datasheet',
];
const TOUCH_KINDS: TouchKind[] = [
  'page_view',
  'page_view',
  'page_view',
  'email_click',
  'email_click',
  'download',
  'webinar',
  'form',
  'event',
  'demo_request',
];
const STAGES: LeadStage[] = [
  'mql',
  'mql',
  'mql',
  'mql',
  'lead',
  'lead',
  'sql',
  'recycled',
  'disqualified',
  'customer',
];

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export type SampleWorkspace = { leads: Lead[]; assets: Asset[]; touches: Touch[]; attempts: Attempt[] };

export type SampleOptions = {
  seed?: number;
  now: Date;
  leads?: number;
  assets?: number;
  touches?: number;
  /** At least this many attempts (scale tests): more on leads handed over, after the natural ones. */
  attempts?: number;
  /**
   * Scale tests: handoffs spread evenly over this many days, as a store that has kept a team's
   * history holds them. Unset: the sample's recent weeks (most within days, none beyond 21).
   */
  handoffDays?: number;
};

/**
 * The heroes' records in the demo CRMs, so the saved HubSpot and Salesforce pages in
 * test/fixtures (whose URLs carry these ids) find them. HubSpot contact ids are numbers;
 * Salesforce ids are 18 characters, `00Q…` for a Lead and `003…` for a Contact.
 */
const HERO_CRM_REFS: Record<(typeof HERO_LEADS)[number]['id'], ReadonlyArray<Lead['crm'][number]>> = {
  'lead-dana-whitfield': [
    { system: 'hubspot', id: '51001' },
    { system: 'salesforce', id: '00Q8d00000DwHtREAV' },
  ],
  'lead-priya-raman': [
    { system: 'hubspot', id: '51002' },
    { system: 'salesforce', id: '0038d00000PrRmNAAV' },
  ],
  'lead-marco-bellini': [
    { system: 'hubspot', id: '51003' },
    { system: 'salesforce', id: '00Q8d00000MbLlIEAV' },
  ],
};

/**
 * The bundled sample workspace: deterministic for a seed and a `now` (handoffs are relative to
 * `now`, so some MQLs were handed over minutes ago, some hours, some days).
 */
export function generateSampleWorkspace(options: SampleOptions): SampleWorkspace {
  const random = seededRandom(options.seed ?? 20261124);
  const now = options.now.getTime();
  const iso = (ms: number) => new Date(ms).toISOString();
  const leadCount = options.leads ?? 300;
  const assetCount = options.assets ?? 40;
  const touchCount = options.touches ?? 2000;

  // Two assets may draw the same need, kind and industry: the second gets a part number, so a
  // rep never sees two suggestions of the same title.
  const titles = new Map<string, number>();
  const uniqueTitle = (title: string) => {
    const seen = (titles.get(title) ?? 0) + 1;
    titles.set(title, seen);
    return seen === 1 ? title : `${title}, part ${seen}`;
  };
  const assets: Asset[] = Array.from({ length: assetCount }, (_, index) => {
    const industry = pick(random, INDUSTRIES);
    const need = pick(random, NEEDS);
    const kind = ASSET_KINDS[index % ASSET_KINDS.length] ?? 'one_pager';
    const id = `asset-${String(index + 1).padStart(3, '0')}`;
    return {
      id,
      title: uniqueTitle(`${NEED_SENTENCES[need]}: ${kind.replace('_', ' ')} for ${industry}`),
      url: `https://content.baton-demo.example/library/${id}`,
      kind,
      industries: random() < 0.2 ? [] : [industry],
      needs: [need],
      stages: random() < 0.5 ? ['mql'] : ['mql', 'sql'],
      personas: [pick(random, ['executive', 'it', 'operations', 'finance'])],
      summary: `How ${industry.toLowerCase()} teams tackle ${need.replace('-', ' ')}.`,
      sample: true,
      updatedAt: iso(now - 30 * DAY),
    };
  });

  const leads: Lead[] = [];
  for (const hero of HERO_LEADS) {
    const crm = HERO_CRM_REFS[hero.id];
    leads.push({
      id: hero.id,
      emails: [hero.email],
      name: hero.name,
      title: hero.title,
      company: hero.company,
      phone: hero.phone,
      industry: hero.industry,
      companySize: hero.companySize,
      territory: hero.territory,
      need: hero.need,
      linkedinUrl: `https://www.linkedin.com/in/${hero.linkedinSlug}/`,
      stage: 'mql',
      owner: 'alex.rep@baton-demo.example',
      mqlAt: iso(now - hero.handedOverMinutesAgo * MINUTE),
      crm: [...crm],
      sample: true,
      updatedAt: iso(now - hero.handedOverMinutesAgo * MINUTE),
    });
  }
  for (let index = leads.length; index < leadCount; index++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const company = `${pick(random, COMPANY_A)} ${pick(random, COMPANY_B)}`;
    const domain = `${company.toLowerCase().replace(/\s+/g, '')}.example`;
    const stage = pick(random, STAGES);
    // Handoffs spread from minutes to weeks ago, skewed towards recent ones.
    const spread = random();
    const handedOverAgo =
      Math.floor(options.handoffDays ? spread * options.handoffDays * DAY : spread ** 3 * 21 * DAY) +
      5 * MINUTE;
    const known = (p: number) => random() >= p;
    leads.push({
      id: `lead-${String(index + 1).padStart(5, '0')}`,
      emails: [
        `${first}.${last}${index}@${domain}`
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
      ],
      name: `${first} ${last}`,
      title: known(0.1) ? pick(random, TITLES) : undefined,
      company,
      phone: known(0.4) ? `+1 555 01${String(index % 100).padStart(2, '0')}` : undefined,
      territory: known(0.15) ? pick(random, TERRITORIES) : undefined,
      industry: known(0.1) ? pick(random, INDUSTRIES) : undefined,
      companySize: known(0.2) ? pick(random, SIZES) : undefined,
      productInterest: known(0.5) ? pick(random, PRODUCTS) : undefined,
      budget: known(0.6) ? pick(random, BUDGETS) : undefined,
      timeframe: known(0.5) ? pick(random, TIMEFRAMES) : undefined,
      need: known(0.4) ? NEED_SENTENCES[pick(random, NEEDS)] : undefined,
      linkedinUrl: known(0.5)
        ? `https://www.linkedin.com/in/${first}-${last}-${index}/`.toLowerCase()
        : undefined,
      stage,
      owner: random() < 0.8 ? 'alex.rep@baton-demo.example' : 'jo.teammate@baton-demo.example',
      mqlAt: stage === 'lead' ? undefined : iso(now - handedOverAgo),
      crm: [],
      sample: true,
      updatedAt: iso(now - handedOverAgo),
    });
  }

  const touches: Touch[] = [];
  for (let index = 0; index < touchCount; index++) {
    const lead = index < 12 ? leads[index % HERO_LEADS.length] : pick(random, leads);
    if (!lead) continue;
    const kind = pick(random, TOUCH_KINDS);
    const asset =
      kind === 'download' || kind === 'webinar' || kind === 'email_click' ? pick(random, assets) : undefined;
    const at = now - Math.floor(random() * 60 * DAY) - MINUTE;
    touches.push({
      id: `touch-${String(index + 1).padStart(6, '0')}`,
      leadId: lead.id,
      at: iso(at),
      kind,
      assetId: asset?.id,
      title: asset
        ? asset.title
        : kind === 'demo_request'
          ? 'Requested a demo'
          : `Visited /${pick(random, ['pricing', 'integrations', 'security', 'customers', 'blog/roi'])}`,
      url: asset ? asset.url : 'https://www.baton-demo.example/pricing',
      sample: true,
    });
  }

  // Some attempts on older MQLs, so queue states vary (on track, behind, breached).
  const attempts: Attempt[] = [];
  for (const lead of leads) {
    if (lead.stage !== 'mql' || !lead.mqlAt || HERO_LEADS.some((hero) => hero.id === lead.id)) continue;
    const handoff = Date.parse(lead.mqlAt);
    const count = Math.floor(random() * 4);
    for (let n = 0; n < count; n++) {
      const at = handoff + Math.floor(random() * (now - handoff));
      attempts.push({
        id: seededUuid(random),
        leadId: lead.id,
        at: iso(at),
        channel: pick(random, ['call', 'email', 'linkedin', 'voicemail'] as const),
        outcome: pick(random, ['no_answer', 'left_voicemail', 'no_answer', 'replied'] as const),
        sync: 'local',
        sample: true,
      });
    }
  }

  // Its own random stream, so asking for more attempts changes nothing else in the workspace.
  const handedOver = leads.filter((lead) => lead.mqlAt);
  const more = seededRandom((options.seed ?? 20261124) + 1);
  for (let i = 0; attempts.length < (options.attempts ?? 0) && handedOver.length > 0; i++) {
    const lead = handedOver[i % handedOver.length] as Lead;
    const handoff = Date.parse(lead.mqlAt ?? '');
    attempts.push({
      id: seededUuid(more),
      leadId: lead.id,
      // Within the cadence window (14 days), as reps work a lead after it is handed to them.
      at: iso(handoff + Math.floor(more() * Math.max(0, Math.min(14 * DAY, now - handoff)))),
      channel: pick(more, ['call', 'email', 'linkedin', 'voicemail'] as const),
      outcome: pick(more, ['no_answer', 'left_voicemail', 'connected', 'replied'] as const),
      sync: 'local',
      sample: true,
    });
  }

  return { leads, assets, touches, attempts };
}
