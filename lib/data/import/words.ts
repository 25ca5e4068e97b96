import {
  ASSET_KINDS,
  type Asset,
  ATTEMPT_OUTCOMES,
  type AttemptChannel,
  type AttemptOutcome,
  type LeadStage,
  RECYCLE_REASONS,
  type RecycleReason,
  TOUCH_KINDS,
  type TouchKind,
} from '../../model/schemas';
import type { HandbackKind } from './rows';
import { type StatusStages, stageOfStatus } from './status-values';

/**
 * The words CRMs, spreadsheets and Baton's own export use for a value Baton has a name for:
 * lifecycle stages, touch and asset kinds, attempt channels and outcomes, hand-back decisions and
 * recycle reasons (a lead status's words are in status-values.ts). Pure: no browser API.
 */

/** Lower case, runs of anything but letters and digits as one space: how words are looked up. */
export const squash = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const LIFECYCLE: Record<string, LeadStage> = {
  subscriber: 'lead',
  lead: 'lead',
  new: 'lead',
  other: 'lead',
  'marketing qualified lead': 'mql',
  marketingqualifiedlead: 'mql',
  mql: 'mql',
  'sales qualified lead': 'sql',
  salesqualifiedlead: 'sql',
  sql: 'sql',
  opportunity: 'sql',
  customer: 'customer',
  evangelist: 'customer',
  recycled: 'recycled',
  nurture: 'recycled',
  disqualified: 'disqualified',
  unqualified: 'disqualified',
};

/** A lifecycle stage as HubSpot, Salesforce or Baton write it; undefined when unknown. */
export function parseStage(text: string): LeadStage | undefined {
  const key = squash(text);
  return LIFECYCLE[key] ?? LIFECYCLE[key.replace(/ /g, '')];
}

/**
 * What a lead status says about the stage (status-values.ts): closed statuses win over
 * the lifecycle stage ("Unqualified", "Closed - Not Converted" → disqualified; "Nurturing" →
 * recycled; "Qualified" → sql); open ones ("New", "Open - Not Contacted", "Working - Contacted")
 * mean sales holds the lead (MQL) when no lifecycle stage says otherwise.
 */
export function stageFromStatus(
  text: string,
  chosen?: StatusStages,
): { stage: LeadStage; closed: boolean } | undefined {
  return stageOfStatus(text, chosen);
}

const TOUCH_KIND_WORDS: Record<string, TouchKind> = {
  download: 'download',
  'content download': 'download',
  downloaded: 'download',
  webinar: 'webinar',
  'webinar attended': 'webinar',
  'webinar registration': 'webinar',
  'page view': 'page_view',
  pageview: 'page_view',
  visit: 'page_view',
  'web visit': 'page_view',
  'website visit': 'page_view',
  'email click': 'email_click',
  'clicked email': 'email_click',
  'email clicked': 'email_click',
  click: 'email_click',
  form: 'form',
  'form submission': 'form',
  'form fill': 'form',
  'form submitted': 'form',
  demo: 'demo_request',
  'demo request': 'demo_request',
  'demo requested': 'demo_request',
  event: 'event',
  'trade show': 'event',
  conference: 'event',
};

export function parseTouchKind(text: string): TouchKind | undefined {
  const key = squash(text);
  return (
    TOUCH_KIND_WORDS[key] ??
    ((TOUCH_KINDS as readonly string[]).find((kind) => kind === key.replace(/ /g, '_')) as
      | TouchKind
      | undefined)
  );
}

const ASSET_KIND_WORDS: Record<string, Asset['kind']> = {
  'white paper': 'whitepaper',
  ebook: 'whitepaper',
  'e book': 'whitepaper',
  guide: 'whitepaper',
  'one pager': 'one_pager',
  onepager: 'one_pager',
  'fact sheet': 'one_pager',
  'data sheet': 'datasheet',
  presentation: 'deck',
  slides: 'deck',
  'slide deck': 'deck',
  'pricing sheet': 'pricing',
  'price list': 'pricing',
  recording: 'webinar_recording',
  'on demand webinar': 'webinar_recording',
  webinar: 'webinar_recording',
  'customer story': 'case_study',
};

export function parseAssetKind(text: string): Asset['kind'] | undefined {
  const key = squash(text);
  return (
    ASSET_KIND_WORDS[key] ??
    ((ASSET_KINDS as readonly string[]).find((kind) => kind === key.replace(/ /g, '_')) as
      | Asset['kind']
      | undefined)
  );
}

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

/** A task subtype or activity type that is not an attempt to reach the lead ("Task", "Note"). */
export function isNotAnAttempt(text: string): boolean {
  return NOT_ATTEMPTS.has(squash(text));
}

/** A task's or call's status that says it has not happened (yet) ("Not Started", "Scheduled"). */
export function isNotDone(text: string): boolean {
  return NOT_DONE.has(squash(text));
}

/** What a HubSpot call status says about how the call went, when no outcome is given. */
export function outcomeOfStatus(text: string): AttemptOutcome | undefined {
  return STATUS_OUTCOMES[squash(text)];
}

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
