import { z } from 'zod';
import type { Attempt, Disposition, LeadPatch, LeadStage } from '../../model/schemas';
import { type AttemptChannel, type AttemptOutcome, Email, LEAD_LIMITS, Lead } from '../../model/schemas';
import { clip, LIMIT } from '../clip';
import { handoffOf } from '../handoff';
import { uuidFromString } from '../uuid';
import {
  assetSentNote,
  attemptTag,
  contentRequestNote,
  handBackNote,
  noteTag,
  readTag,
  TAG,
} from '../write-tags';
import type { CrmObject, EngagementType } from './api';
import { CONTENT_PROPERTIES } from './content-touches';
import { millis, ownerAssignment } from './history';
import { defaultHubSpotSetup, type HubSpotSetup } from './setup';

export { assetSentNote, attemptTag, clip, contentRequestNote, noteTag };

/** Which contact property holds each Baton field HubSpot has no standard property for. Configurable. */
export const FieldMap = z.object({
  budget: z.string().min(1).default('baton_budget'),
  timeframe: z.string().min(1).default('baton_timeframe'),
  need: z.string().min(1).default('baton_need'),
  productInterest: z.string().min(1).default('baton_product_interest'),
  territory: z.string().min(1).default('baton_territory'),
});
export type FieldMap = z.infer<typeof FieldMap>;
export const defaultFieldMap: FieldMap = FieldMap.parse({});

/** Standard contact properties Baton reads (plus the mapped ones). */
export const STANDARD_PROPERTIES = [
  'firstname',
  'lastname',
  'email',
  'hs_additional_emails',
  'jobtitle',
  'company',
  'phone',
  'industry',
  'numberofemployees',
  'lifecyclestage',
  'hs_lead_status',
  'hubspot_owner_id',
  'hubspot_owner_assigneddate',
  'hs_lifecyclestage_marketingqualifiedlead_date',
  'hs_linkedin_url',
  ...CONTENT_PROPERTIES,
] as const;

export const contactProperties = (map: FieldMap, setup: HubSpotSetup = defaultHubSpotSetup) => [
  ...STANDARD_PROPERTIES,
  ...Object.values(map),
  ...(setup.scoreProperty ? [setup.scoreProperty] : []),
];

/**
 * Properties whose history a card read asks for: the owner's (when the rep got the lead) and the
 * content pairs' (every conversion, click and visit, not only the latest).
 */
export const CONTACT_HISTORY_PROPERTIES = ['hubspot_owner_id', ...CONTENT_PROPERTIES];

export const leadIdOf = (contactId: string) => `hubspot:${contactId}`;
export const contactIdOf = (leadId: string): string | undefined => /^hubspot:(.+)$/.exec(leadId)?.[1];

/** The contact id of a HubSpot lead, for a read or write that cannot go on without one. */
export function requireContactId(leadId: string): string {
  const id = contactIdOf(leadId);
  if (!id) throw new Error(`"${leadId}" is not a HubSpot lead`);
  return id;
}

const text = (value: string | null | undefined) => (value?.trim() ? value.trim() : undefined);

/** HubSpot date properties come as ISO strings or epoch milliseconds. */
function instant(value: string | null | undefined): string | undefined {
  const ms = millis(value);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/** The portal's own score, from the number property the team picked, labelled as HubSpot's. */
function portalScore(contact: CrmObject, setup: HubSpotSetup): { crmScore?: number; crmScoreLabel?: string } {
  if (!setup.scoreProperty) return {};
  const raw = text(contact.properties[setup.scoreProperty]);
  const value = raw === undefined ? Number.NaN : Number(raw);
  if (!Number.isFinite(value)) return {};
  return { crmScore: value, crmScoreLabel: `HubSpot: ${setup.scoreLabel ?? setup.scoreProperty}` };
}

function stageOf(lifecycle: string | undefined, leadStatus: string | undefined): LeadStage {
  if (leadStatus === 'UNQUALIFIED') return 'disqualified';
  if (leadStatus === 'BAD_TIMING' && (lifecycle === 'marketingqualifiedlead' || lifecycle === 'lead'))
    return 'recycled';
  switch (lifecycle) {
    case 'marketingqualifiedlead':
      return 'mql';
    case 'salesqualifiedlead':
    case 'opportunity':
      return 'sql';
    case 'customer':
    case 'evangelist':
      return 'customer';
    default:
      return 'lead';
  }
}

const field = (value: string | null | undefined) => clip(text(value), LIMIT.text);

/**
 * A HubSpot contact as a Baton lead, or undefined when the record cannot be read as one (its id is
 * not a HubSpot id). Anyone filling a web form sets these properties: a field too long is cut,
 * one of the wrong shape (a LinkedIn URL of "https://", an email that is none) is left out, and
 * the result is checked against the model, so one odd contact never fails a list.
 */
export function contactToLead(
  contact: CrmObject,
  map: FieldMap,
  setup: HubSpotSetup = defaultHubSpotSetup,
): Lead | undefined {
  const p = contact.properties;
  const isEmail = (e: string) => Email.safeParse(e).success;
  const email = text(p.email)?.toLowerCase();
  const extra = (text(p.hs_additional_emails) ?? '')
    .split(';')
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
  const name =
    clip([text(p.firstname), text(p.lastname)].filter(Boolean).join(' '), LIMIT.name) ||
    (email && isEmail(email) ? email : undefined) ||
    `Contact ${contact.id}`;
  const size = Number.parseInt(p.numberofemployees ?? '', 10);
  const linkedin = text(p.hs_linkedin_url);
  const owner = text(p.hubspot_owner_id);
  const lead = Lead.safeParse({
    id: leadIdOf(contact.id),
    emails: [...new Set([...(email ? [email] : []), ...extra])].filter(isEmail).slice(0, LEAD_LIMITS.emails),
    name: clip(name, LIMIT.name),
    title: field(p.jobtitle),
    company: field(p.company),
    phone: field(p.phone),
    industry: field(p.industry),
    companySize: Number.isFinite(size) && size >= 0 ? size : undefined,
    territory: field(p[map.territory]),
    budget: field(p[map.budget]),
    timeframe: field(p[map.timeframe]),
    need: field(p[map.need]),
    productInterest: field(p[map.productInterest]),
    linkedinUrl: linkedin && Lead.shape.linkedinUrl.safeParse(linkedin).success ? linkedin : undefined,
    stage: stageOf(text(p.lifecyclestage), text(p.hs_lead_status)),
    owner: owner && /^\d{1,20}$/.test(owner) ? owner : undefined,
    ...handoffFields(contact, setup),
    ...portalScore(contact, setup),
    crm: [{ system: 'hubspot', id: contact.id }],
    sample: false,
    updatedAt: instant(contact.updatedAt) ?? new Date(0).toISOString(),
  });
  return lead.success ? lead.data : undefined;
}

/**
 * The SLA's start for a contact: the later of its MQL date and when its current owner got it
 * (see `handoffOf`). In Leads mode the Leads object's own stage dates replace it (leads-object.ts).
 */
function handoffFields(contact: CrmObject, setup: HubSpotSetup): Pick<Lead, 'mqlAt' | 'handoff'> {
  const handoff = handoffOf({
    handedAt: millis(contact.properties.hs_lifecyclestage_marketingqualifiedlead_date),
    handedFrom: 'mql',
    assignment: ownerAssignment(contact),
    ownerNames: setup.ownerNames,
  });
  return handoff ? { mqlAt: handoff.at, handoff: handoff.handoff } : {};
}

/**
 * On contacts, HubSpot's "Number of Employees" is a picklist of ranges; a head count is written as
 * its range (and read back as the range's lower bound).
 */
export function employeeRange(count: number): string {
  const ranges: Array<[number, string]> = [
    [5, '1-5'],
    [25, '5-25'],
    [50, '25-50'],
    [100, '50-100'],
    [500, '100-500'],
    [1000, '500-1000'],
  ];
  return ranges.find(([max]) => count <= max)?.[1] ?? '1000+';
}

/** Lead fields → contact properties, through the field map. */
export function patchToProperties(patch: LeadPatch, map: FieldMap): Record<string, string> {
  const direct: Record<string, string | undefined> = {
    jobtitle: patch.title,
    company: patch.company,
    phone: patch.phone,
    industry: patch.industry,
    numberofemployees: patch.companySize === undefined ? undefined : employeeRange(patch.companySize),
    [map.budget]: patch.budget,
    [map.timeframe]: patch.timeframe,
    [map.need]: patch.need,
    [map.productInterest]: patch.productInterest,
    [map.territory]: patch.territory,
  };
  if (patch.name !== undefined) {
    const [first, ...rest] = patch.name.trim().split(/\s+/);
    direct.firstname = first;
    direct.lastname = rest.join(' ');
  }
  return Object.fromEntries(
    Object.entries(direct).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

// --- attempts ---

const CALL_STATUS: Record<AttemptOutcome, string> = {
  no_answer: 'NO_ANSWER',
  left_voicemail: 'COMPLETED',
  connected: 'COMPLETED',
  bad_number: 'FAILED',
  replied: 'COMPLETED',
  meeting_booked: 'COMPLETED',
};
const CHANNEL_TITLE: Record<AttemptChannel, string> = {
  call: 'Call',
  voicemail: 'Voicemail',
  email: 'Email',
  linkedin: 'LinkedIn message',
  meeting: 'Meeting',
};

/** Which engagement an attempt becomes: call or voicemail → call; email → email; LinkedIn → communication. */
export function engagementTypeFor(channel: AttemptChannel): EngagementType {
  if (channel === 'email') return 'emails';
  if (channel === 'linkedin') return 'communications';
  return 'calls';
}

/** The searchable property holding the tag, per engagement type: the idempotency lookup uses it. */
export const TAG_PROPERTY: Record<Exclude<EngagementType, 'notes'>, string> = {
  calls: 'hs_call_title',
  emails: 'hs_email_subject',
  communications: 'hs_communication_body',
};

export function attemptToEngagement(
  attempt: Attempt,
  ownerId: string | undefined,
): { type: EngagementType; properties: Record<string, string> } {
  const type = engagementTypeFor(attempt.channel);
  const tag = attemptTag(attempt);
  const note = attempt.note ? `${attempt.note}\n` : '';
  const owner: Record<string, string> = ownerId ? { hubspot_owner_id: ownerId } : {};
  const base: Record<string, string> = { hs_timestamp: attempt.at, ...owner };
  if (type === 'emails') {
    return {
      type,
      properties: {
        ...base,
        hs_email_direction: 'EMAIL',
        hs_email_status: 'SENT',
        hs_email_subject: `Baton: email ${tag}`,
        hs_email_text: `${note}${tag}`,
      },
    };
  }
  if (type === 'communications') {
    return {
      type,
      properties: {
        ...base,
        hs_communication_channel_type: 'LINKEDIN_MESSAGE',
        hs_communication_logged_from: 'CRM',
        hs_communication_body: `${note}${tag}`,
      },
    };
  }
  return {
    type,
    properties: {
      ...base,
      hs_call_title: `Baton: ${CHANNEL_TITLE[attempt.channel].toLowerCase()} ${tag}`,
      hs_call_body: `${note}${tag}`,
      hs_call_direction: 'OUTBOUND',
      hs_call_status: CALL_STATUS[attempt.outcome],
    },
  };
}

export const ENGAGEMENT_PROPERTIES: Record<Exclude<EngagementType, 'notes'>, string[]> = {
  calls: ['hs_timestamp', 'hs_call_title', 'hs_call_body', 'hs_call_status', 'hs_call_direction'],
  emails: ['hs_timestamp', 'hs_email_subject', 'hs_email_text', 'hs_email_direction', 'hs_email_status'],
  communications: ['hs_timestamp', 'hs_communication_channel_type', 'hs_communication_body'],
};

/**
 * An engagement as an attempt, whoever logged it (Baton, a dialer, a colleague): ours carry the
 * tag with the exact attempt id and outcome; others get a stable id and an outcome read from
 * HubSpot's own fields. Communications on other channels than LinkedIn are not attempts.
 */
export function engagementToAttempt(
  type: Exclude<EngagementType, 'notes'>,
  engagement: CrmObject,
  contactId: string,
): Attempt | undefined {
  const p = engagement.properties;
  const at = instant(p.hs_timestamp) ?? instant(engagement.createdAt);
  if (!at) return undefined;
  const taggedText = [
    p.hs_call_title,
    p.hs_call_body,
    p.hs_email_subject,
    p.hs_email_text,
    p.hs_communication_body,
  ].find((v) => v && TAG.test(v));
  const tag = readTag(taggedText ?? undefined);
  const body = text(p.hs_call_body ?? p.hs_email_text ?? p.hs_communication_body)
    ?.replace(TAG, '')
    .trim();
  const base = {
    leadId: leadIdOf(contactId),
    at,
    note: clip(body, LIMIT.note) || undefined,
    sync: 'synced' as const,
    sample: false,
  };
  if (tag) return { ...base, ...tag };
  const id = uuidFromString(`hubspot:${type}:${engagement.id}`);
  if (type === 'calls') {
    const status = p.hs_call_status;
    const outcome: AttemptOutcome =
      status === 'NO_ANSWER' || status === 'BUSY'
        ? 'no_answer'
        : status === 'FAILED'
          ? 'bad_number'
          : 'connected';
    return { ...base, id, channel: 'call', outcome };
  }
  if (type === 'emails') {
    const incoming = p.hs_email_direction === 'INCOMING_EMAIL';
    return { ...base, id, channel: 'email', outcome: incoming ? 'replied' : 'no_answer' };
  }
  if (p.hs_communication_channel_type !== 'LINKEDIN_MESSAGE') return undefined;
  return { ...base, id, channel: 'linkedin', outcome: 'no_answer' };
}

// --- hand-back ---

/** Accept → lifecycle stage SQL; recycle → lead status BAD_TIMING; disqualify → UNQUALIFIED; with a note saying why. */
export function dispositionToWrites(disposition: Disposition): {
  properties: Record<string, string>;
  note?: string;
} {
  if (disposition.kind === 'accept') return { properties: { lifecyclestage: 'salesqualifiedlead' } };
  return {
    properties: { hs_lead_status: disposition.kind === 'recycle' ? 'BAD_TIMING' : 'UNQUALIFIED' },
    note: handBackNote(disposition),
  };
}

// --- notes: assets sent, content requests ---

/** A note's body is HTML in HubSpot: what the rep or the library wrote goes in as text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The body of a note Baton writes: the text (escaped) and the write's tag. */
export const noteBody = (text: string, id: string) => `${escapeHtml(text)}\n${noteTag(id)}`;
