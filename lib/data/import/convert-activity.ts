import {
  ATTEMPT_CHANNELS,
  ATTEMPT_OUTCOMES,
  type AttemptChannel,
  type AttemptOutcome,
  RECYCLE_REASONS,
  type RecycleReason,
} from '../../model/schemas';
import {
  type CellIssue,
  type Converted,
  cellsByTarget,
  clip,
  dateReason,
  type LeadRef,
  leadRefOf,
  parseInstant,
  type SourceColumns,
} from './convert';
import type { ColumnMapping } from './fields';

/**
 * One row of an activity export → an attempt or a hand-back, before its lead is found: HubSpot's
 * calls export ("Call outcome" "No answer"), Salesforce's Task report ("Task Subtype" "Call",
 * "Call Result" "Left VM") and Baton's own export read alike. Every problem names its column.
 * Pure: no browser API.
 */

export type AttemptRow = {
  lead: LeadRef;
  /** The file's own id for the record (a call's or task's), kept so a re-import finds it again. */
  sourceId?: string;
  attempt: { at: string; channel: AttemptChannel; outcome: AttemptOutcome; note?: string };
  source: SourceColumns;
};

export type HandbackKind = 'accept' | 'recycle' | 'disqualify';
export type HandbackRow = {
  lead: LeadRef;
  sourceId?: string;
  handback: { kind: HandbackKind; at: string; reason?: RecycleReason; text?: string };
  source: SourceColumns;
};

const squash = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A word, or the first word that starts the value ("Call – outbound" is a call). */
function lookup<T>(words: Record<string, T>, text: string): T | undefined {
  const key = squash(text);
  if (key in words) return words[key];
  const joined = key.replace(/ /g, '_');
  return words[joined];
}

const CHANNEL_WORDS: Record<string, AttemptChannel> = {
  call: 'call',
  calls: 'call',
  phone: 'call',
  'phone call': 'call',
  'log a call': 'call',
  'outbound call': 'call',
  'inbound call': 'call',
  email: 'email',
  'e mail': 'email',
  'sent email': 'email',
  'email sent': 'email',
  'list email': 'email',
  listemail: 'email',
  'sales email': 'email',
  linkedin: 'linkedin',
  'linkedin message': 'linkedin',
  'linkedin inmail': 'linkedin',
  inmail: 'linkedin',
  'linked in': 'linkedin',
  voicemail: 'voicemail',
  'voice mail': 'voicemail',
  meeting: 'meeting',
  event: 'meeting',
};

/** Task subtypes and activity types that are not an attempt to reach the lead. */
const NOT_ATTEMPTS = new Set(['task', 'todo', 'to do', 'note', 'cadence']);

const OUTCOME_WORDS: Record<string, AttemptOutcome> = {
  connected: 'connected',
  'connected call': 'connected',
  reached: 'connected',
  spoke: 'connected',
  'spoke with': 'connected',
  'not interested': 'connected',
  'call back later': 'connected',
  'no answer': 'no_answer',
  noanswer: 'no_answer',
  'not answered': 'no_answer',
  unanswered: 'no_answer',
  busy: 'no_answer',
  'no reply': 'no_answer',
  'left voicemail': 'left_voicemail',
  'left vm': 'left_voicemail',
  voicemail: 'left_voicemail',
  'left message': 'left_voicemail',
  'left live message': 'left_voicemail',
  'wrong number': 'bad_number',
  'bad number': 'bad_number',
  'invalid number': 'bad_number',
  'disconnected number': 'bad_number',
  failed: 'bad_number',
  replied: 'replied',
  reply: 'replied',
  'meeting booked': 'meeting_booked',
  'meeting scheduled': 'meeting_booked',
  'meeting set': 'meeting_booked',
  'demo booked': 'meeting_booked',
};

/** Statuses of a task or call that has not happened (yet): not an attempt. */
const NOT_DONE = new Set([
  'not started',
  'in progress',
  'waiting on someone else',
  'deferred',
  'open',
  'scheduled',
  'queued',
  'ringing',
  'calling crm user',
  'connecting',
  'canceled',
  'cancelled',
]);

/** HubSpot's call statuses that say how the call went when no outcome is given. */
const STATUS_OUTCOMES: Record<string, AttemptOutcome> = {
  'no answer': 'no_answer',
  busy: 'no_answer',
  failed: 'bad_number',
};

export function parseChannel(text: string): AttemptChannel | undefined {
  return lookup(CHANNEL_WORDS, text);
}

export function parseOutcome(text: string): AttemptOutcome | undefined {
  return (
    lookup(OUTCOME_WORDS, text) ??
    ((ATTEMPT_OUTCOMES as readonly string[]).find((o) => o === squash(text).replace(/ /g, '_')) as
      | AttemptOutcome
      | undefined)
  );
}

const words = (list: readonly string[]) => list.join(', ').replace(/_/g, ' ');

export function convertAttemptRow(mapping: ColumnMapping, cells: readonly string[]): Converted<AttemptRow> {
  const warnings: CellIssue[] = [];
  const issues: CellIssue[] = [];
  const byTarget = cellsByTarget(mapping, cells, warnings);
  const source: SourceColumns = {};
  const first = (target: string) => byTarget.get(target)?.[0];
  const lead = leadRefOf(byTarget, mapping, warnings, issues, source, 'attempt');

  const status = first('status');
  if (status && NOT_DONE.has(squash(status.text)))
    return {
      ok: false,
      issues: [
        { column: status.column, reason: `status "${clip(status.text)}": not done, so not an attempt` },
      ],
      warnings,
    };

  const at = first('at');
  let when: string | undefined;
  if (at) {
    source.at = at.column;
    when = parseInstant(at.text);
    if (when === undefined) issues.push({ column: at.column, reason: dateReason(at.text) });
  } else issues.push({ column: mapping.indexOf('at'), reason: 'has no date' });

  const channelCell = first('channel');
  let channel: AttemptChannel | undefined = 'call';
  if (channelCell) {
    source.channel = channelCell.column;
    channel = parseChannel(channelCell.text);
    if (!channel)
      issues.push({
        column: channelCell.column,
        reason: NOT_ATTEMPTS.has(squash(channelCell.text))
          ? `"${clip(channelCell.text)}" is not an attempt to reach the lead`
          : `unknown channel "${clip(channelCell.text)}" (use ${words(ATTEMPT_CHANNELS)})`,
      });
  }

  const outcomeCell = first('outcome');
  let outcome: AttemptOutcome | undefined;
  if (outcomeCell) {
    source.outcome = outcomeCell.column;
    outcome = parseOutcome(outcomeCell.text);
    if (!outcome)
      issues.push({
        column: outcomeCell.column,
        reason: `unknown outcome "${clip(outcomeCell.text)}" (use ${words(ATTEMPT_OUTCOMES)})`,
      });
  } else if (channel) {
    outcome = (status && STATUS_OUTCOMES[squash(status.text)]) ?? defaultOutcome(channel);
    if (channel === 'call' && !(status && STATUS_OUTCOMES[squash(status.text)]))
      warnings.push({
        column: status?.column ?? source.at ?? 0,
        reason: 'a call with no outcome: counted as not connected (no answer)',
      });
  }

  const noteCell = first('note');
  const note = noteCell ? noteCell.text.slice(0, 5000) : undefined;
  if (noteCell && noteCell.text.length > 5000)
    warnings.push({ column: noteCell.column, reason: 'note longer than 5,000 characters: cut' });
  const id = first('id');
  if (issues.length > 0 || !when || !channel || !outcome) return { ok: false, issues, warnings };
  return {
    ok: true,
    value: {
      lead,
      sourceId: id?.text,
      attempt: { at: when, channel, outcome, ...(note ? { note } : {}) },
      source,
    },
    warnings,
  };
}

/** An email, LinkedIn message or voicemail with no outcome was sent and not answered (yet). */
function defaultOutcome(channel: AttemptChannel): AttemptOutcome {
  return channel === 'voicemail' ? 'left_voicemail' : channel === 'meeting' ? 'connected' : 'no_answer';
}

const HANDBACK_WORDS: Record<string, HandbackKind> = {
  accept: 'accept',
  accepted: 'accept',
  'accepted as sql': 'accept',
  sql: 'accept',
  'sales qualified lead': 'accept',
  qualified: 'accept',
  converted: 'accept',
  'closed converted': 'accept',
  opportunity: 'accept',
  recycle: 'recycle',
  recycled: 'recycle',
  nurture: 'recycle',
  nurturing: 'recycle',
  'recycle to marketing': 'recycle',
  'back to marketing': 'recycle',
  disqualify: 'disqualify',
  disqualified: 'disqualify',
  unqualified: 'disqualify',
  'closed not converted': 'disqualify',
  junk: 'disqualify',
};

const REASON_WORDS: Record<string, RecycleReason> = {
  'no budget': 'no_budget',
  budget: 'no_budget',
  'too expensive': 'no_budget',
  price: 'no_budget',
  'bad timing': 'bad_timing',
  timing: 'bad_timing',
  'not now': 'bad_timing',
  'not ready': 'bad_timing',
  'no need': 'no_need',
  'not interested': 'no_need',
  'no fit': 'no_need',
  'not a fit': 'no_need',
  'wrong contact': 'wrong_contact',
  'wrong person': 'wrong_contact',
  'not decision maker': 'wrong_contact',
  unresponsive: 'unresponsive',
  'no response': 'unresponsive',
  'no answer': 'unresponsive',
  'never responded': 'unresponsive',
  'not responsive': 'unresponsive',
  other: 'other',
};

export function parseHandbackKind(text: string): HandbackKind | undefined {
  return lookup(HANDBACK_WORDS, text);
}

export function parseReason(text: string): RecycleReason | undefined {
  return (
    lookup(REASON_WORDS, text) ??
    ((RECYCLE_REASONS as readonly string[]).find((r) => r === squash(text).replace(/ /g, '_')) as
      | RecycleReason
      | undefined)
  );
}

export function convertHandbackRow(mapping: ColumnMapping, cells: readonly string[]): Converted<HandbackRow> {
  const warnings: CellIssue[] = [];
  const issues: CellIssue[] = [];
  const byTarget = cellsByTarget(mapping, cells, warnings);
  const source: SourceColumns = {};
  const first = (target: string) => byTarget.get(target)?.[0];
  const lead = leadRefOf(byTarget, mapping, warnings, issues, source, 'hand-back');

  const at = first('at');
  let when: string | undefined;
  if (at) {
    source.at = at.column;
    when = parseInstant(at.text);
    if (when === undefined) issues.push({ column: at.column, reason: dateReason(at.text) });
  } else issues.push({ column: mapping.indexOf('at'), reason: 'has no date' });

  const kindCell = first('kind');
  let kind: HandbackKind | undefined;
  if (kindCell) {
    source.kind = kindCell.column;
    kind = parseHandbackKind(kindCell.text);
    if (!kind)
      issues.push({
        column: kindCell.column,
        reason: `"${clip(kindCell.text)}" is not a hand-back (use accepted, recycled or disqualified)`,
      });
  } else issues.push({ column: mapping.indexOf('kind'), reason: 'has no decision' });

  const reasonCell = first('reason');
  const textCell = first('text');
  let reason: RecycleReason | undefined;
  let text = textCell?.text.slice(0, 2000);
  if (kind && kind !== 'accept') {
    if (reasonCell) {
      source.reason = reasonCell.column;
      reason = parseReason(reasonCell.text);
      // A reason in the CRM's own words is kept as "other" with its words: nothing is lost.
      if (!reason) {
        reason = 'other';
        text = text ? `${reasonCell.text}: ${text}` : reasonCell.text;
      }
    } else {
      reason = 'other';
      text ??= 'no reason given in the import';
      warnings.push({
        column: source.kind ?? 0,
        reason: `a ${kind === 'recycle' ? 'recycled' : 'disqualified'} lead with no reason: counted as "other"`,
      });
    }
    if (reason === 'other' && !text) text = 'no reason given in the import';
  }
  const id = first('id');
  if (issues.length > 0 || !when || !kind) return { ok: false, issues, warnings };
  return {
    ok: true,
    value: {
      lead,
      sourceId: id?.text,
      handback: { kind, at: when, ...(reason ? { reason } : {}), ...(reason && text ? { text } : {}) },
      source,
    },
    warnings,
  };
}
