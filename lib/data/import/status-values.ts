import { z } from 'zod';
import { LEAD_STAGES, type LeadStage } from '../../model/schemas';

/**
 * What each lead status in a file means as a Baton stage: proposed from Salesforce's default
 * statuses and common custom ones, shown before the import and editable, like the columns.
 * Pure, unit-tested.
 */

/** A file's status value (as written, trimmed) → a stage, or null: "the status says nothing". */
export const StatusStages = z.record(z.string().max(200), z.enum(LEAD_STAGES).nullable());
export type StatusStages = z.infer<typeof StatusStages>;

/** Stages a status can close a lead with: these win over the lifecycle stage. */
const CLOSING: ReadonlySet<LeadStage> = new Set(['sql', 'recycled', 'disqualified', 'customer']);

export const isClosingStage = (stage: LeadStage) => CLOSING.has(stage);

const squash = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Salesforce's default lead statuses and the custom ones teams often add, as Baton reads them.
 * Open statuses mean sales holds the lead: an MQL, until someone accepts or recycles it.
 */
const KNOWN: Record<string, LeadStage> = {
  'open not contacted': 'mql',
  'working contacted': 'mql',
  'closed converted': 'sql',
  'closed not converted': 'disqualified',
  new: 'mql',
  open: 'mql',
  working: 'mql',
  contacted: 'mql',
  'attempted to contact': 'mql',
  'in progress': 'mql',
  connected: 'mql',
  nurturing: 'recycled',
  nurture: 'recycled',
  recycled: 'recycled',
  'bad timing': 'recycled',
  qualified: 'sql',
  converted: 'sql',
  'open deal': 'sql',
  unqualified: 'disqualified',
  disqualified: 'disqualified',
  junk: 'disqualified',
};

/**
 * The stage a status proposes; undefined when Baton cannot tell (the user picks). Exact known
 * values first, then words: "Closed - Lost" is not a known value, "not converted" in it is.
 */
export function proposeStatusStage(text: string): LeadStage | undefined {
  const key = squash(text);
  if (key === '') return undefined;
  const known = KNOWN[key];
  if (known) return known;
  if (/\b(unqualified|disqualified|not converted|junk|bad fit|bad contact|lost)\b/.test(key))
    return 'disqualified';
  if (/\b(bad timing|nurtur\w*|recycle|recycled)\b/.test(key)) return 'recycled';
  if (/\b(converted|qualified|open deal)\b/.test(key)) return 'sql';
  if (/\b(new|open|working|contacted|in progress|attempted|connected)\b/.test(key)) return 'mql';
  return undefined;
}

/** The proposed meaning of every status value in the file (null where Baton cannot tell). */
export function proposeStatusStages(values: readonly string[]): StatusStages {
  const stages: StatusStages = {};
  for (const value of values) {
    const text = value.trim();
    if (text === '' || text in stages) continue;
    stages[text] = proposeStatusStage(text) ?? null;
  }
  return stages;
}

/**
 * A row's status as a stage: the user's choice for this value when there is one, else the
 * proposal; `closed` when it wins over the lifecycle stage.
 */
export function stageOfStatus(
  text: string,
  chosen: StatusStages | undefined,
): { stage: LeadStage; closed: boolean } | undefined {
  const value = text.trim();
  const stage = chosen && value in chosen ? chosen[value] : proposeStatusStage(value);
  if (!stage) return undefined;
  return { stage, closed: isClosingStage(stage) };
}
