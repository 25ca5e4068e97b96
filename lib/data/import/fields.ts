import { idColumnShape } from './ids';

/**
 * What an imported column can mean, per kind of record, and the mapping Baton proposes from a
 * file's headers (HubSpot's and Salesforce's export headers — report labels and API names — and
 * Baton's own field names as the generator and JSON files use them) and, for ids, from the values
 * (a Salesforce id "00Q…" is Salesforce's whatever its header says). Pure: no browser API.
 */

export const IMPORT_KINDS = ['leads', 'touches', 'attempts', 'handbacks', 'assets'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type TargetDef = {
  key: string;
  label: string;
  /** Several columns may feed it (e.g. two email columns); values are lists. */
  list?: boolean;
  /**
   * Several columns may feed it, the first filled one in each row wins: a HubSpot export's
   * contact "Company Name" and its associated company's "Company name" fill each other's gaps.
   */
  fill?: boolean;
  /** Normalised header texts (see normaliseHeader) that propose this target. */
  synonyms: readonly string[];
};

const LEAD_TARGETS: readonly TargetDef[] = [
  { key: 'id', label: 'Baton lead id', synonyms: ['baton id', 'baton lead id', 'id'] },
  { key: 'name', label: 'Full name', synonyms: ['name', 'full name', 'contact name', 'lead name'] },
  { key: 'firstName', label: 'First name', synonyms: ['first name', 'firstname', 'given name'] },
  { key: 'lastName', label: 'Last name', synonyms: ['last name', 'lastname', 'surname', 'family name'] },
  {
    key: 'emails',
    label: 'Email',
    list: true,
    synonyms: [
      'email',
      'emails',
      'email address',
      'e mail',
      'work email',
      'additional email addresses',
      'secondary email',
    ],
  },
  { key: 'title', label: 'Job title', synonyms: ['job title', 'title', 'jobtitle', 'position'] },
  {
    key: 'company',
    label: 'Company',
    fill: true,
    synonyms: [
      'company name',
      'company',
      'account name',
      'organization',
      'organisation',
      'associated company',
      'associated company name',
      'account account name',
    ],
  },
  {
    key: 'phone',
    label: 'Phone',
    synonyms: ['phone number', 'phone', 'mobile phone number', 'mobile', 'mobilephone', 'mobile phone'],
  },
  {
    key: 'linkedinUrl',
    label: 'LinkedIn URL',
    synonyms: ['linkedin url', 'linkedinurl', 'linkedin', 'linkedin profile', 'linkedin profile url'],
  },
  { key: 'territory', label: 'Territory', synonyms: ['territory', 'sales territory', 'region'] },
  { key: 'industry', label: 'Industry', synonyms: ['industry'] },
  {
    key: 'companySize',
    label: 'Company size (employees)',
    synonyms: [
      'number of employees',
      'no of employees',
      'employees',
      'company size',
      'numberofemployees',
      'companysize',
    ],
  },
  {
    key: 'productInterest',
    label: 'Product of interest',
    synonyms: ['product interest', 'product of interest', 'productinterest'],
  },
  { key: 'budget', label: 'Budget', synonyms: ['budget'] },
  {
    key: 'timeframe',
    label: 'Timeframe',
    synonyms: ['timeframe', 'time frame', 'timeline', 'purchase timeframe'],
  },
  { key: 'need', label: 'Need', synonyms: ['need', 'business need', 'pain point'] },
  {
    key: 'lifecycleStage',
    label: 'Stage (lifecycle)',
    synonyms: ['lifecycle stage', 'lifecyclestage', 'stage'],
  },
  { key: 'leadStatus', label: 'Lead status', synonyms: ['lead status', 'hs lead status', 'status'] },
  {
    key: 'owner',
    label: 'Owner',
    synonyms: ['contact owner', 'lead owner', 'owner', 'hubspot owner', 'owner email', 'ownerid', 'owner id'],
  },
  {
    key: 'mqlAt',
    label: 'MQL handoff date',
    synonyms: [
      'became a marketing qualified lead date',
      'mql date',
      'mqlat',
      'date became mql',
      'handed over',
      'handoff date',
    ],
  },
  {
    key: 'handoffAt',
    label: 'Handoff date, for MQLs with no MQL date',
    // Proposed only when no column is the MQL date (see proposeHandoff), in this order.
    synonyms: [
      'lasttransferdate',
      'last transfer date',
      'createddate',
      'created date',
      'create date',
      'date created',
    ],
  },
  { key: 'handoffScore', label: 'Score at handoff', synonyms: ['handoff score', 'handoffscore'] },
  {
    key: 'crmScore',
    label: "CRM's score",
    synonyms: ['hubspot score', 'hubspotscore', 'lead score', 'crm score', 'crmscore', 'score'],
  },
  {
    key: 'hubspotId',
    label: 'HubSpot record id',
    synonyms: [
      'record id',
      'hubspot id',
      'hs object id',
      'hs object id contact',
      'contact record id',
      'record id contact',
    ],
  },
  {
    key: 'salesforceId',
    label: 'Salesforce id (Lead 00Q…, Contact 003…)',
    synonyms: [
      'lead id',
      'contact id',
      'salesforce id',
      'lead id 18',
      'contact id 18',
      'case safe id',
      'lead id case safe',
      'contact id case safe',
    ],
  },
  {
    key: 'crmRefs',
    label: 'CRM refs (system:id; …)',
    list: true,
    synonyms: ['crm', 'crm refs', 'crmrefs'],
  },
];

const TOUCH_TARGETS: readonly TargetDef[] = [
  { key: 'id', label: 'Touch id', synonyms: ['id', 'touch id', 'baton touch id', 'activity id'] },
  { key: 'leadId', label: 'Baton lead id', synonyms: ['leadid', 'baton lead id'] },
  {
    key: 'leadEmail',
    label: 'Lead email',
    synonyms: ['email', 'lead email', 'contact email', 'email address', 'e mail'],
  },
  {
    key: 'hubspotId',
    label: 'Lead HubSpot record id',
    synonyms: ['record id', 'hubspot id', 'contact record id'],
  },
  { key: 'salesforceId', label: 'Lead Salesforce id', synonyms: ['lead id', 'contact id', 'salesforce id'] },
  {
    key: 'at',
    label: 'Date',
    synonyms: [
      'at',
      'date',
      'timestamp',
      'time',
      'activity date',
      'occurred at',
      'created date',
      'event date',
    ],
  },
  {
    key: 'kind',
    label: 'Kind (download, webinar, page view…)',
    synonyms: ['kind', 'type', 'activity type', 'touch type', 'event type', 'interaction type'],
  },
  {
    key: 'title',
    label: 'Title',
    synonyms: [
      'title',
      'name',
      'asset title',
      'content',
      'content title',
      'subject',
      'activity',
      'page title',
    ],
  },
  { key: 'url', label: 'URL', synonyms: ['url', 'link', 'page url', 'content url'] },
  { key: 'assetId', label: 'Asset id', synonyms: ['asset id', 'assetid'] },
];

/** Whose row an activity row is, as activity exports name the person (attempts and hand-backs). */
const ACTIVITY_LEAD_TARGETS: readonly TargetDef[] = [
  { key: 'leadId', label: 'Baton lead id', synonyms: ['leadid', 'baton lead id'] },
  {
    key: 'leadEmail',
    label: 'Lead email',
    synonyms: [
      'email',
      'lead email',
      'contact email',
      'email address',
      'e mail',
      'associated contact',
      'associated contact email',
      'associated contacts',
      'name email',
    ],
  },
  {
    key: 'hubspotId',
    label: 'Lead HubSpot record id',
    synonyms: ['associated contact ids', 'associated contact id', 'contact record id', 'hubspot id'],
  },
  {
    key: 'salesforceId',
    label: 'Lead Salesforce id (WhoId)',
    synonyms: ['lead id', 'contact id', 'whoid', 'who id', 'name id', 'salesforce id'],
  },
];

/** Attempts: HubSpot's calls export, Salesforce's Task report (labels and API names), Baton's own. */
const ATTEMPT_TARGETS: readonly TargetDef[] = [
  {
    key: 'id',
    label: 'Attempt id (the call or task record id)',
    synonyms: ['attempt id', 'record id', 'activity id', 'task id', 'call id', 'id'],
  },
  ...ACTIVITY_LEAD_TARGETS,
  {
    key: 'at',
    label: 'Date',
    synonyms: [
      'date',
      'activity date',
      'call date',
      'completed date time',
      'completeddatetime',
      'date completed',
      'hs timestamp',
      'timestamp',
      'activitydate',
      'created date',
      'createddate',
      'create date',
    ],
  },
  {
    key: 'channel',
    label: 'Channel (call, email, LinkedIn…; calls when none is chosen)',
    synonyms: [
      'channel',
      'type',
      'activity type',
      'task subtype',
      'tasksubtype',
      'task type',
      'engagement type',
    ],
  },
  {
    key: 'outcome',
    label: 'Outcome (connected, no answer, left voicemail…)',
    synonyms: [
      'outcome',
      'call outcome',
      'call result',
      'calldisposition',
      'call disposition',
      'hs call disposition',
      'disposition',
      'result',
    ],
  },
  {
    key: 'status',
    label: 'Status (rows not done yet are skipped)',
    synonyms: ['status', 'task status', 'call status', 'hs call status'],
  },
  {
    key: 'note',
    label: 'Note',
    synonyms: [
      'note',
      'notes',
      'call notes',
      'comments',
      'full comments',
      'description',
      'hs call body',
      'call body',
    ],
  },
];

/** Hand-backs: Baton's own export, or a CRM report of status changes with their reasons. */
const HANDBACK_TARGETS: readonly TargetDef[] = [
  { key: 'id', label: 'Hand-back id', synonyms: ['disposition id', 'hand back id', 'handback id', 'id'] },
  ...ACTIVITY_LEAD_TARGETS,
  {
    key: 'at',
    label: 'Date',
    synonyms: [
      'date',
      'hand back date',
      'handback date',
      'disposition date',
      'decision date',
      'edit date',
      'changed date',
    ],
  },
  {
    key: 'kind',
    label: 'Decision (accepted, recycled, disqualified)',
    synonyms: [
      'decision',
      'disposition',
      'hand back',
      'handback',
      'kind',
      'outcome',
      'new value',
      'lead status',
      'status',
    ],
  },
  {
    key: 'reason',
    label: 'Reason (no budget, bad timing, no need…)',
    synonyms: [
      'reason',
      'recycle reason',
      'disqualification reason',
      'disqualified reason',
      'unqualified reason',
      'hs lead disqualification reason',
      'lost reason',
    ],
  },
  {
    key: 'text',
    label: 'Reason text',
    synonyms: ['reason text', 'reason details', 'comment', 'comments', 'notes', 'note'],
  },
];

const ASSET_TARGETS: readonly TargetDef[] = [
  { key: 'id', label: 'Asset id', synonyms: ['id', 'asset id', 'assetid'] },
  { key: 'title', label: 'Title', synonyms: ['title', 'name', 'asset title', 'asset name'] },
  { key: 'url', label: 'URL', synonyms: ['url', 'link', 'asset url'] },
  {
    key: 'kind',
    label: 'Kind (case study, whitepaper…)',
    synonyms: ['kind', 'type', 'asset type', 'format', 'content type'],
  },
  { key: 'industries', label: 'Industries', list: true, synonyms: ['industries', 'industry', 'vertical'] },
  {
    key: 'needs',
    label: 'Needs (problem tags)',
    list: true,
    synonyms: ['needs', 'need', 'problem tags', 'problems', 'tags'],
  },
  { key: 'stages', label: 'Stages', list: true, synonyms: ['stages', 'stage', 'funnel stage'] },
  { key: 'personas', label: 'Personas', list: true, synonyms: ['personas', 'persona', 'audience'] },
  { key: 'summary', label: 'Summary', synonyms: ['summary', 'description', 'abstract'] },
];

export const TARGETS: Record<ImportKind, readonly TargetDef[]> = {
  leads: LEAD_TARGETS,
  touches: TOUCH_TARGETS,
  attempts: ATTEMPT_TARGETS,
  handbacks: HANDBACK_TARGETS,
  assets: ASSET_TARGETS,
};

export function targetDef(kind: ImportKind, key: string): TargetDef | undefined {
  return TARGETS[kind].find((target) => target.key === key);
}

/** One target per column (aligned with the headers); null: the column is ignored. */
export type ColumnMapping = ReadonlyArray<string | null>;

/** Remembered choices, per normalised header: a target key, or null for "ignore". */
export type RememberedMapping = Record<string, string | null>;

/**
 * A header as compared: byte-order mark, case, punctuation and repeated spaces removed.
 * "Number of Employees" → "number of employees"; "No. of Employees" → "no of employees";
 * "E-mail" → "e mail"; "mqlAt" → "mqlat".
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/ \(\d+\)$/, '') // our own de-duplication suffix: "Email (2)" proposes like "Email"
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Headers only HubSpot's exports write: a file with them is HubSpot's. */
const HUBSPOT_HEADERS = new Set([
  'record id',
  'lifecycle stage',
  'contact owner',
  'create date',
  'became a marketing qualified lead date',
  'hubspot score',
  'associated company',
  'hs object id',
]);

const ID_TARGETS = new Set(['id', 'hubspotId', 'salesforceId']);
const ACTIVITY_KINDS = new Set<ImportKind>(['attempts', 'handbacks']);

/**
 * The mapping Baton proposes: a remembered choice for a header wins; otherwise the first target
 * whose synonyms include the header; a non-list target is proposed for one column only. An id
 * column goes to the CRM its values are shaped like (`samples`: the first rows), or, with no
 * telling values, to the CRM whose export the headers are: HubSpot's "Contact ID" is HubSpot's.
 * With no MQL-date column, a date column is proposed as the handoff.
 */
export function proposeMapping(
  kind: ImportKind,
  headers: readonly string[],
  remembered: RememberedMapping = {},
  samples: readonly (readonly string[])[] = [],
): Array<string | null> {
  const taken = new Set<string>();
  const mapping: Array<string | null> = headers.map(() => null);
  const allowed = new Set(TARGETS[kind].map((target) => target.key));
  // Remembered first, so a guess never takes a target the user chose for another column.
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    if (!(key in remembered)) return;
    const target = remembered[key] ?? null;
    if (target !== null && !allowed.has(target)) return;
    const def = target === null ? undefined : targetDef(kind, target);
    if (def && !def.list && taken.has(def.key)) return;
    mapping[index] = target;
    if (def) taken.add(def.key);
  });
  const hubspotFile = headers.some((header) => HUBSPOT_HEADERS.has(normaliseHeader(header)));
  const handoffSynonyms = targetDef('leads', 'handoffAt')?.synonyms ?? [];
  headers.forEach((header, index) => {
    const key = normaliseHeader(header);
    if (key in remembered && (remembered[key] === null || mapping[index] !== null)) return;
    let def = TARGETS[kind].find((target) => target.synonyms.includes(key));
    if (def && ID_TARGETS.has(def.key) && (kind === 'leads' || (kind === 'touches' && def.key !== 'id'))) {
      const target = idTarget(def.key, idColumnShape(samples.map((row) => row[index] ?? '')), hubspotFile);
      def = target ? targetDef(kind, target) : undefined;
    } else if (def && ACTIVITY_KINDS.has(kind) && (def.key === 'salesforceId' || def.key === 'hubspotId')) {
      // Baton's own export names its lead ids "Lead ID": not a CRM's when not shaped like one.
      const shape = idColumnShape(samples.map((row) => row[index] ?? ''));
      const target = shape === 'salesforce' ? 'salesforceId' : shape === 'hubspot' ? 'hubspotId' : 'leadId';
      def = shape === 'salesforce-user' ? undefined : targetDef(kind, samples.length > 0 ? target : def.key);
    }
    if (def?.key === 'handoffAt') return; // proposed below, if at all
    if (!def || (!def.list && !def.fill && taken.has(def.key))) return;
    mapping[index] = def.key;
    taken.add(def.key);
  });
  if (kind === 'leads' && !taken.has('mqlAt') && !taken.has('handoffAt')) {
    // The handoff closest to "sales got it": the last transfer to an owner, then the creation date.
    const rank = (index: number) => handoffSynonyms.indexOf(normaliseHeader(headers[index] ?? ''));
    const candidates = headers
      .map((_, index) => index)
      .filter(
        (index) =>
          mapping[index] === null &&
          rank(index) >= 0 &&
          !(normaliseHeader(headers[index] ?? '') in remembered),
      )
      .sort((a, b) => rank(a) - rank(b));
    const chosen = candidates[0];
    if (chosen !== undefined) mapping[chosen] = 'handoffAt';
  }
  return mapping;
}

/** The id target for a column a header proposed as `key`, from the shape of its values. */
function idTarget(key: string, shape: ReturnType<typeof idColumnShape>, hubspotFile: boolean) {
  if (shape === 'salesforce') return 'salesforceId';
  if (shape === 'salesforce-user') return undefined; // "005…": a user (an owner), not the lead
  if (shape === 'hubspot') return key === 'id' ? key : 'hubspotId';
  return key === 'salesforceId' && hubspotFile ? 'hubspotId' : key;
}

/** Columns that can give MQLs their handoff date: the MQL date's and the handoff's synonyms. */
export function handoffCandidates(headers: readonly string[]): number[] {
  const words = [
    ...(targetDef('leads', 'mqlAt')?.synonyms ?? []),
    ...(targetDef('leads', 'handoffAt')?.synonyms ?? []),
  ];
  return headers.flatMap((header, index) => {
    const key = normaliseHeader(header);
    return words.includes(key) || /\bdate\b/.test(key) ? [index] : [];
  });
}

/** What to remember from a confirmed mapping: every column's choice, by normalised header. */
export function rememberMapping(
  previous: RememberedMapping,
  headers: readonly string[],
  mapping: ColumnMapping,
): RememberedMapping {
  const next: RememberedMapping = { ...previous };
  headers.forEach((header, index) => {
    next[normaliseHeader(header)] = mapping[index] ?? null;
  });
  return next;
}

/** Problems that stop an import before it starts, in words a user can act on. */
export function checkMapping(kind: ImportKind, headers: readonly string[], mapping: ColumnMapping): string[] {
  const problems: string[] = [];
  const columnsOf = new Map<string, string[]>();
  mapping.forEach((target, index) => {
    if (target === null || target === undefined) return;
    const def = targetDef(kind, target);
    if (!def) {
      problems.push(`"${headers[index] ?? columnLetter(index)}" maps to an unknown field "${target}".`);
      return;
    }
    columnsOf.set(target, [...(columnsOf.get(target) ?? []), headers[index] ?? columnLetter(index)]);
  });
  for (const [target, columns] of columnsOf) {
    const def = targetDef(kind, target);
    if (def && !def.list && !def.fill && columns.length > 1)
      problems.push(
        `${def.label} is chosen for ${columns.length} columns (${columns.join(', ')}); choose one.`,
      );
  }
  const has = (...keys: string[]) => keys.some((key) => columnsOf.has(key));
  if (
    kind === 'leads' &&
    !has('name', 'firstName', 'lastName', 'emails', 'hubspotId', 'salesforceId', 'crmRefs', 'id')
  )
    problems.push("Choose the column with the lead's email or name (or a CRM id).");
  if (kind === 'touches') {
    if (!has('leadId', 'leadEmail', 'hubspotId', 'salesforceId'))
      problems.push(
        'Choose the column that says whose touch it is: the lead email, or a CRM or Baton lead id.',
      );
    if (!has('at')) problems.push('Choose the column with the date of the touch.');
    if (!has('kind'))
      problems.push('Choose the column with the kind of touch (download, webinar, page view…).');
  }
  if (ACTIVITY_KINDS.has(kind)) {
    const noun = kind === 'attempts' ? 'attempt' : 'hand-back';
    if (!has('leadId', 'leadEmail', 'hubspotId', 'salesforceId'))
      problems.push(
        `Choose the column that says whose ${noun} it is: the lead email, or a CRM or Baton lead id.`,
      );
    if (!has('at')) problems.push(`Choose the column with the date of the ${noun}.`);
    if (kind === 'handbacks' && !has('kind'))
      problems.push('Choose the column with the decision (accepted, recycled or disqualified).');
  }
  if (kind === 'assets') {
    if (!has('title')) problems.push("Choose the column with the asset's title.");
    if (!has('url')) problems.push("Choose the column with the asset's link.");
    if (!has('kind')) problems.push('Choose the column with the kind of asset (case study, whitepaper…).');
  }
  return problems;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  let n = index + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
