import { z } from 'zod';
import {
  type AssetSent,
  type Attempt,
  type AttemptChannel,
  type AttemptOutcome,
  Attempt as AttemptSchema,
  type ContentRequest,
  type Disposition,
  Email,
  Lead,
  type LeadPatch,
  type LeadStage,
  RECYCLE_REASON_LABELS,
  type Touch,
  type TouchKind,
} from '../../model/schemas';
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
import type { MappedField, SalesforceSetup } from './setup';

/**
 * Salesforce records ↔ Baton's model. Leads and Contacts become leads (`salesforce:<id>`), Tasks
 * and Events attempts, campaign responses content consumed; and back: an attempt becomes a
 * completed Task, a hand-back a Status. Each record is checked on its own: one Salesforce sends
 * in a form Baton cannot read is left out (and counted), never failing the list.
 */

export const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
export const leadIdOf = (recordId: string) => `salesforce:${recordId}`;
export const recordIdOf = (leadId: string): string | undefined => {
  const id = /^salesforce:(.+)$/.exec(leadId)?.[1];
  return id && SALESFORCE_ID.test(id) ? id : undefined;
};
export function requireRecordId(leadId: string): string {
  const id = recordIdOf(leadId);
  if (!id) throw new Error(`"${leadId.slice(0, 80)}" is not a Salesforce lead`);
  return id;
}

/** Leads start `00Q`, Contacts `003` (Salesforce's key prefixes). */
export const objectOf = (recordId: string): 'Lead' | 'Contact' | undefined =>
  recordId.startsWith('00Q') ? 'Lead' : recordId.startsWith('003') ? 'Contact' : undefined;

const LEAD_STANDARD = [
  'Id',
  'FirstName',
  'LastName',
  'Name',
  'Email',
  'Title',
  'Company',
  'Phone',
  'Industry',
  'NumberOfEmployees',
  'LeadSource',
  'Status',
  'OwnerId',
  'Owner.Name',
  'IsConverted',
  'CreatedDate',
  'LastModifiedDate',
] as const;
const CONTACT_STANDARD = [
  'Id',
  'FirstName',
  'LastName',
  'Name',
  'Email',
  'Title',
  'Phone',
  'Account.Name',
  'Account.Industry',
  'Account.NumberOfEmployees',
  'LeadSource',
  'OwnerId',
  'Owner.Name',
  'CreatedDate',
  'LastModifiedDate',
] as const;

const UNMAPPED = { budget: '', timeframe: '', need: '', productInterest: '', territory: '', linkedinUrl: '' };

/**
 * The setup as it applies to one object. The named fields are the team's Lead fields; on a
 * Contact they are used only when the team works Contacts (and has checked them there): an org
 * whose custom fields exist only on Lead would refuse a Contact query naming them.
 */
export function setupFor(object: 'Lead' | 'Contact', setup: SalesforceSetup): SalesforceSetup {
  if (object === 'Lead' || setup.contactStatusField) return setup;
  return { ...setup, fields: UNMAPPED, handoffField: '', reasonField: '', scoreField: '' };
}

/** The fields Baton selects on a Lead or Contact: the standard ones and those the setup names. */
export function recordFields(object: 'Lead' | 'Contact', teamSetup: SalesforceSetup): string[] {
  const setup = setupFor(object, teamSetup);
  const named = [
    ...Object.values(setup.fields),
    setup.handoffField,
    setup.scoreField,
    setup.reasonField,
    ...(object === 'Contact' ? [setup.contactStatusField] : []),
  ].filter((name) => name !== '');
  return [...new Set([...(object === 'Lead' ? LEAD_STANDARD : CONTACT_STANDARD), ...named])];
}

/** Salesforce writes datetimes as `2026-12-07T10:15:00.000+0000`: read as an ISO instant. */
export function sfInstant(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const normal = value.trim().replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(normal) ? `${normal}T12:00:00Z` : normal);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const field = (value: unknown) => clip(typeof value === 'number' ? String(value) : text(value), LIMIT.text);
/** `Account.Name` and the like: Salesforce nests a relationship's fields under its name. */
function path(record: Record<string, unknown>, name: string): unknown {
  let value: unknown = record;
  for (const part of name.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The Baton stage a Salesforce status means, by the team's setup. */
export function stageOf(status: string | undefined, setup: SalesforceSetup, converted = false): LeadStage {
  if (converted) return 'sql';
  if (!status) return 'lead';
  if (setup.mqlStatuses.includes(status)) return 'mql';
  if (status === setup.acceptedStatus) return 'sql';
  if (status === setup.recycledStatus) return 'recycled';
  if (status === setup.disqualifiedStatus) return 'disqualified';
  return 'lead';
}

/** The Salesforce status a Baton stage is written as (an undo puts the lead back). */
export function statusFor(stage: LeadStage | undefined, setup: SalesforceSetup): string {
  // (Only a fallback: a hand-back carries the status it replaced, `previousCrmStage`.)
  switch (stage) {
    case 'sql':
      return setup.acceptedStatus;
    case 'recycled':
      return setup.recycledStatus;
    case 'disqualified':
      return setup.disqualifiedStatus;
    default:
      return setup.mqlStatuses[0] ?? 'MQL';
  }
}

const SfDateTime = z
  .string()
  .refine((value) => sfInstant(value) !== undefined, { message: 'must be a datetime' });
/**
 * The fields Salesforce itself types: one of the wrong type means the record is not what Salesforce
 * sends, and it is left out (and counted). Fields people fill in (a title, a mapped custom field)
 * are fitted or left out one by one instead.
 */
const RecordShape = z
  .object({
    Id: z.string().regex(SALESFORCE_ID),
    CreatedDate: SfDateTime,
    LastModifiedDate: SfDateTime.nullable().optional(),
    Email: z.string().nullable().optional(),
    IsConverted: z.boolean().optional(),
    NumberOfEmployees: z.number().nullable().optional(),
  })
  .loose();

/** The current owner's assignment, from owner history (newest first; the row of ids, not names). */
export type OwnerChange = { at: string; fromId?: string; fromName?: string };

/**
 * A Lead or Contact as a Baton lead. Name, email, company and the mapped fields are fitted to
 * the model; a field of the wrong shape is left out; the result is checked against the model.
 */
export function recordToLead(
  raw: unknown,
  teamSetup: SalesforceSetup,
  ownerChange?: OwnerChange,
): Lead | undefined {
  const base = RecordShape.safeParse(raw);
  if (!base.success) return undefined;
  const record = base.data as Record<string, unknown> & { Id: string };
  const object = objectOf(record.Id);
  if (!object) return undefined;
  const setup = setupFor(object, teamSetup);
  const mapped = (key: MappedField) => (setup.fields[key] ? field(record[setup.fields[key]]) : undefined);
  const email = text(record.Email)?.toLowerCase();
  const name =
    clip(
      text(record.Name) ?? [text(record.FirstName), text(record.LastName)].filter(Boolean).join(' '),
      LIMIT.name,
    ) ||
    email ||
    `${object} ${record.Id}`;
  const size = Number(
    object === 'Lead' ? record.NumberOfEmployees : path(record, 'Account.NumberOfEmployees'),
  );
  const linkedin = mapped('linkedinUrl');
  const status =
    object === 'Lead'
      ? text(record.Status)
      : setup.contactStatusField
        ? text(record[setup.contactStatusField])
        : undefined;
  const owner = text(record.OwnerId);
  const lead = Lead.safeParse({
    id: leadIdOf(record.Id),
    emails: email && Email.safeParse(email).success ? [email] : [],
    name,
    title: field(record.Title),
    company: field(object === 'Lead' ? record.Company : path(record, 'Account.Name')),
    phone: field(record.Phone),
    industry: field(object === 'Lead' ? record.Industry : path(record, 'Account.Industry')),
    companySize: Number.isInteger(size) && size >= 0 ? size : undefined,
    territory: mapped('territory'),
    budget: mapped('budget'),
    timeframe: mapped('timeframe'),
    need: mapped('need'),
    productInterest: mapped('productInterest'),
    linkedinUrl: linkedin && Lead.shape.linkedinUrl.safeParse(linkedin).success ? linkedin : undefined,
    stage: stageOf(status, setup, record.IsConverted === true),
    owner: owner && SALESFORCE_ID.test(owner) ? owner : undefined,
    ...handoffFields(record, setup, ownerChange),
    ...orgScore(record, setup),
    ...(status ? { crmStage: clip(status, 120) } : {}),
    crm: [{ system: 'salesforce', id: record.Id }],
    sample: false,
    updatedAt:
      sfInstant(record.LastModifiedDate) ?? sfInstant(record.CreatedDate) ?? new Date(0).toISOString(),
  });
  return lead.success ? lead.data : undefined;
}

/**
 * The SLA's start: the handoff field when the team keeps one, else when the current owner got the
 * record (owner history, where the org tracks it), else when it was created; a reassignment after
 * the handoff restarts the clock, as for HubSpot (lib/crm/handoff.ts).
 */
function handoffFields(
  record: Record<string, unknown>,
  setup: SalesforceSetup,
  ownerChange: OwnerChange | undefined,
): Pick<Lead, 'mqlAt' | 'handoff'> {
  const handed = setup.handoffField ? sfInstant(record[setup.handoffField]) : undefined;
  const created = sfInstant(record.CreatedDate);
  const assignment = ownerChange && {
    at: Date.parse(ownerChange.at),
    ...(ownerChange.fromId ? { previousOwnerId: ownerChange.fromId } : {}),
  };
  const names: Record<string, string> =
    ownerChange?.fromId && ownerChange.fromName ? { [ownerChange.fromId]: ownerChange.fromName } : {};
  const at = handed ?? (assignment ? undefined : created);
  const result = handoffOf({
    handedAt: at ? Date.parse(at) : (assignment?.at ?? Number.NaN),
    handedFrom: handed ? 'mql' : 'created',
    assignment,
    ownerNames: names,
  });
  if (!result) return {};
  // With no handoff field, the owner's assignment itself is the handoff.
  if (!handed && assignment && result.handoff.from === 'created')
    return {
      mqlAt: result.at,
      handoff: {
        from: 'owner_assigned',
        ...(ownerChange?.fromName ? { previousOwner: ownerChange.fromName } : {}),
      },
    };
  return { mqlAt: result.at, handoff: result.handoff };
}

function orgScore(record: Record<string, unknown>, setup: SalesforceSetup) {
  if (!setup.scoreField) return {};
  const value = Number(record[setup.scoreField]);
  return record[setup.scoreField] === null || !Number.isFinite(value)
    ? {}
    : { crmScore: value, crmScoreLabel: `Salesforce: ${setup.scoreField}` };
}

/** Owner history rows (`LeadHistory`, Field = 'Owner', newest first) → the current owner's assignment. */
export function ownerChangeOf(
  rows: readonly unknown[],
  currentOwnerId: string | undefined,
): OwnerChange | undefined {
  const Row = z.object({ OldValue: z.unknown(), NewValue: z.unknown(), CreatedDate: z.string() }).loose();
  const parsed = rows.flatMap((row) => {
    const r = Row.safeParse(row);
    return r.success ? [r.data] : [];
  });
  // Salesforce writes two rows per change: one of ids, one of names, at the same instant.
  const idRow = parsed.find(
    (row) =>
      typeof row.NewValue === 'string' && SALESFORCE_ID.test(row.NewValue) && row.NewValue.startsWith('005'),
  );
  if (!idRow) return undefined;
  if (
    currentOwnerId &&
    idRow.NewValue !== currentOwnerId &&
    (idRow.NewValue as string).slice(0, 15) !== currentOwnerId.slice(0, 15)
  )
    return undefined;
  const at = sfInstant(idRow.CreatedDate);
  if (!at) return undefined;
  const nameRow = parsed.find(
    (row) =>
      row !== idRow &&
      row.CreatedDate === idRow.CreatedDate &&
      typeof row.OldValue === 'string' &&
      !SALESFORCE_ID.test(row.OldValue),
  );
  const fromId =
    typeof idRow.OldValue === 'string' && SALESFORCE_ID.test(idRow.OldValue) ? idRow.OldValue : undefined;
  return {
    at,
    ...(fromId ? { fromId } : {}),
    ...(nameRow ? { fromName: clip(nameRow.OldValue as string, 200) } : {}),
  };
}

// --- activity: Tasks and Events as attempts ---

export const TASK_FIELDS = [
  'Id',
  'WhoId',
  'Subject',
  'TaskSubtype',
  'Status',
  'ActivityDate',
  'CallDisposition',
  'CallType',
  'Description',
  'OwnerId',
  'CompletedDateTime',
  'CreatedDate',
] as const;
export const EVENT_FIELDS = [
  'Id',
  'WhoId',
  'Subject',
  'StartDateTime',
  'Description',
  'OwnerId',
  'CreatedDate',
] as const;

/** A Task Baton wrote for something other than an attempt (hand-back, asset, request): `[baton:<id>]`. */
const NOTE_TAG = /\[baton:[0-9a-f-]{36}\]/i;

function outcomeOfDisposition(disposition: string | undefined): AttemptOutcome {
  const said = disposition?.toLowerCase() ?? '';
  if (/voicemail|left message/.test(said)) return 'left_voicemail';
  if (/wrong|bad number|invalid/.test(said)) return 'bad_number';
  if (/meeting|demo (set|booked)/.test(said)) return 'meeting_booked';
  if (/no answer|busy|not reached|unreached/.test(said) || !said) return 'no_answer';
  return 'connected';
}

/**
 * A Task as an attempt, whoever logged it: calls (with their Call Result), emails and LinkedIn
 * messages; other to-dos and Baton's own notes are not attempts (undefined). Baton's tag, when
 * present, gives back the attempt's own id, channel and outcome.
 */
export function taskToAttempt(raw: unknown, leadId: string): Attempt | undefined | 'unreadable' {
  const parsed = z
    .object({
      Id: z.string().regex(SALESFORCE_ID),
      TaskSubtype: z.string().nullable().optional(),
      Subject: z.string().nullable().optional(),
      CallDisposition: z.string().nullable().optional(),
      Description: z.string().nullable().optional(),
      CompletedDateTime: z.string().nullable().optional(),
      CreatedDate: z.string(),
    })
    .loose()
    .safeParse(raw);
  if (!parsed.success) return 'unreadable';
  const task = parsed.data;
  const description = task.Description ?? '';
  const tag = readTag(TAG.exec(description)?.[0]);
  const at = taggedAt(description) ?? sfInstant(task.CompletedDateTime) ?? sfInstant(task.CreatedDate);
  if (!at) return 'unreadable';
  const note = clip(description.replace(TAG, '').replace(AT_TAG, '').trim(), LIMIT.note) || undefined;
  const base = { leadId, at, note, sync: 'synced' as const, sample: false };
  if (tag) return checked({ ...base, ...tag });
  if (NOTE_TAG.test(description)) return undefined;
  const id = uuidFromString(`salesforce:Task:${task.Id}`);
  const subtype = task.TaskSubtype ?? '';
  let channel: AttemptChannel | undefined;
  let outcome: AttemptOutcome = 'no_answer';
  if (subtype === 'Call') {
    outcome = outcomeOfDisposition(task.CallDisposition ?? undefined);
    channel = outcome === 'left_voicemail' ? 'voicemail' : 'call';
  } else if (subtype === 'Email' || subtype === 'ListEmail') channel = 'email';
  else if (subtype === 'LinkedIn') channel = 'linkedin';
  if (!channel) return undefined;
  return checked({ ...base, id, channel, outcome });
}

/** An Event (a meeting held or booked) as an attempt. */
export function eventToAttempt(raw: unknown, leadId: string): Attempt | 'unreadable' {
  const parsed = z
    .object({
      Id: z.string().regex(SALESFORCE_ID),
      StartDateTime: z.string().nullable().optional(),
      CreatedDate: z.string(),
      Description: z.string().nullable().optional(),
    })
    .loose()
    .safeParse(raw);
  if (!parsed.success) return 'unreadable';
  const at = sfInstant(parsed.data.StartDateTime) ?? sfInstant(parsed.data.CreatedDate);
  if (!at) return 'unreadable';
  return (
    checked({
      id: uuidFromString(`salesforce:Event:${parsed.data.Id}`),
      leadId,
      at,
      channel: 'meeting',
      outcome: 'connected',
      note: clip(parsed.data.Description?.trim(), LIMIT.note) || undefined,
      sync: 'synced',
      sample: false,
    }) ?? 'unreadable'
  );
}

function checked(attempt: unknown): Attempt | undefined {
  const result = AttemptSchema.safeParse(attempt);
  return result.success ? result.data : undefined;
}

/** Baton writes the attempt's instant too: a Task's ActivityDate is only a day. */
export const AT_TAG = /\[baton-at:([0-9T:.\-Z+]+)\]/;
export const taggedAt = (description: string) => sfInstant(AT_TAG.exec(description)?.[1]);

// --- content consumed: campaign responses ---

export const CAMPAIGN_MEMBER_FIELDS = [
  'Id',
  'Status',
  'HasResponded',
  'FirstRespondedDate',
  'CreatedDate',
  'Campaign.Name',
  'Campaign.Type',
] as const;

const CAMPAIGN_KIND: Record<string, TouchKind> = {
  Webinar: 'webinar',
  Email: 'email_click',
  Content: 'download',
  Event: 'event',
  'Trade Show': 'event',
  Conference: 'event',
};

/** A campaign the lead responded to, as content consumed; a membership without a response is not. */
export function campaignMemberToTouch(raw: unknown, leadId: string): Touch | undefined | 'unreadable' {
  const parsed = z
    .object({
      Id: z.string().regex(SALESFORCE_ID),
      Status: z.string().nullable().optional(),
      HasResponded: z.boolean().nullable().optional(),
      FirstRespondedDate: z.string().nullable().optional(),
      CreatedDate: z.string(),
      Campaign: z
        .object({ Name: z.string().nullable().optional(), Type: z.string().nullable().optional() })
        .loose()
        .nullable()
        .optional(),
    })
    .loose()
    .safeParse(raw);
  if (!parsed.success) return 'unreadable';
  const member = parsed.data;
  if (!member.HasResponded) return undefined;
  const at = sfInstant(member.FirstRespondedDate) ?? sfInstant(member.CreatedDate);
  const name = text(member.Campaign?.Name);
  if (!at || !name) return 'unreadable';
  const status = text(member.Status);
  return {
    id: `salesforce-cm:${member.Id}`,
    leadId,
    at,
    kind: CAMPAIGN_KIND[member.Campaign?.Type ?? ''] ?? 'form',
    title: clip(status ? `${name} (${status})` : name, LIMIT.touchTitle) ?? name,
    sample: false,
  };
}

// --- writes ---

const SUBTYPE: Record<AttemptChannel, 'Call' | 'Email' | 'LinkedIn' | 'Task'> = {
  call: 'Call',
  voicemail: 'Call',
  email: 'Email',
  linkedin: 'LinkedIn',
  meeting: 'Task',
};
const CHANNEL_SUBJECT: Record<AttemptChannel, string> = {
  call: 'Call',
  voicemail: 'Call',
  email: 'Email',
  linkedin: 'LinkedIn message',
  meeting: 'Meeting',
};
/** Salesforce's Call Result ("CallDisposition") is free text: the outcome in words a rep reads. */
export const CALL_RESULT: Record<AttemptOutcome, string> = {
  no_answer: 'No answer',
  left_voicemail: 'Left voicemail',
  connected: 'Connected',
  bad_number: 'Wrong number',
  replied: 'Replied',
  meeting_booked: 'Meeting booked',
};

/** The UTC day of an instant, for a Task's ActivityDate (and for finding the Task again). */
export const activityDateOf = (at: string) => new Date(at).toISOString().slice(0, 10);

/** The Description Baton writes: the rep's note, then the tags (the idempotency key, the instant). */
export const taggedDescription = (textBody: string | undefined, tag: string, at: string) =>
  `${textBody ? `${textBody}\n` : ''}${tag} [baton-at:${at}]`;

/** An attempt as a completed Task on the Lead or Contact. */
export function attemptToTask(attempt: Attempt, whoId: string, ownerId: string): Record<string, unknown> {
  const subtype = SUBTYPE[attempt.channel];
  return {
    WhoId: whoId,
    OwnerId: ownerId,
    Subject: `${CHANNEL_SUBJECT[attempt.channel]}: ${CALL_RESULT[attempt.outcome]}`,
    TaskSubtype: subtype,
    Status: 'Completed',
    ActivityDate: activityDateOf(attempt.at),
    ...(subtype === 'Call' ? { CallDisposition: CALL_RESULT[attempt.outcome], CallType: 'Outbound' } : {}),
    Description: taggedDescription(attempt.note, attemptTag(attempt), attempt.at),
  };
}

/** A note (hand-back reason, asset sent, content request) as a completed Task. */
export function noteTask(
  whoId: string,
  ownerId: string,
  id: string,
  at: string,
  subject: string,
  body: string,
) {
  return {
    WhoId: whoId,
    OwnerId: ownerId,
    Subject: clip(`Baton: ${subject}`, 255),
    TaskSubtype: 'Task',
    Status: 'Completed',
    ActivityDate: activityDateOf(at),
    Description: taggedDescription(body, noteTag(id), at),
  };
}

export const assetSentTask = (
  whoId: string,
  ownerId: string,
  sent: AssetSent,
  asset?: { title: string; url: string },
) =>
  noteTask(
    whoId,
    ownerId,
    sent.id,
    sent.at,
    sent.channel === 'gmail_insert' ? 'asset sent' : 'asset shared',
    assetSentNote(asset, sent.channel),
  );

export const contentRequestTask = (whoId: string, ownerId: string, request: ContentRequest) =>
  noteTask(whoId, ownerId, request.id, request.at, 'content request', contentRequestNote(request));

/** A hand-back's writes on the record: its status, and the reason in the reason field when mapped. */
export function dispositionFields(
  disposition: Disposition,
  object: 'Lead' | 'Contact',
  teamSetup: SalesforceSetup,
) {
  const setup = setupFor(object, teamSetup);
  const statusField = object === 'Lead' ? 'Status' : setup.contactStatusField;
  const fields: Record<string, unknown> = {};
  const status =
    disposition.kind === 'accept'
      ? setup.acceptedStatus
      : disposition.kind === 'recycle'
        ? setup.recycledStatus
        : setup.disqualifiedStatus;
  if (statusField) fields[statusField] = status;
  if (disposition.kind !== 'accept' && setup.reasonField)
    fields[setup.reasonField] = RECYCLE_REASON_LABELS[disposition.reason];
  return fields;
}

/** The note Task of a recycle or disqualify (always: the reason's free text has no field). */
export const handBackTask = (
  whoId: string,
  ownerId: string,
  disposition: Extract<Disposition, { kind: 'recycle' | 'disqualify' }>,
) =>
  noteTask(
    whoId,
    ownerId,
    disposition.id,
    disposition.at,
    disposition.kind === 'recycle' ? 'recycled to nurture' : 'disqualified',
    handBackNote(disposition),
  );

/** Baton's patchable fields that are standard fields of a Lead (on a Contact they live on its Account). */
const LEAD_STANDARD_PATCH: Partial<Record<keyof LeadPatch, string>> = {
  title: 'Title',
  phone: 'Phone',
  company: 'Company',
  industry: 'Industry',
  companySize: 'NumberOfEmployees',
};

/** Lead fields → the record's fields, through the setup's mapping; fields with nowhere to go are named. */
export function patchToFields(
  patch: LeadPatch,
  object: 'Lead' | 'Contact',
  teamSetup: SalesforceSetup,
): { fields: Record<string, unknown>; unmapped: string[] } {
  const setup = setupFor(object, teamSetup);
  const fields: Record<string, unknown> = {};
  const unmapped: string[] = [];
  for (const [key, value] of Object.entries(patch) as Array<[keyof LeadPatch, unknown]>) {
    const standard =
      object === 'Lead'
        ? LEAD_STANDARD_PATCH[key]
        : key === 'title'
          ? 'Title'
          : key === 'phone'
            ? 'Phone'
            : undefined;
    const name =
      standard ??
      (key === 'mqlAt'
        ? setup.handoffField
        : key in setup.fields
          ? setup.fields[key as MappedField]
          : undefined);
    if (name) fields[name] = value ?? null;
    else unmapped.push(key);
  }
  return { fields, unmapped };
}
