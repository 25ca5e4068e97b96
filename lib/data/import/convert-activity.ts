import {
  ATTEMPT_CHANNELS,
  ATTEMPT_OUTCOMES,
  type AttemptChannel,
  type AttemptOutcome,
  type RecycleReason,
  TOUCH_KINDS,
  Touch,
} from '../../model/schemas';
import { parseInstant } from './cells';
import type { ColumnMapping } from './fields';
import {
  type CellIssue,
  type Converted,
  clip,
  dateReason,
  dedupe,
  firstMapped,
  importErrorMap,
  listWords,
  readCell,
  type SourceColumns,
  unknownWord,
  zodIssues,
} from './issues';
import {
  type AttemptRow,
  cellsByTarget,
  type HandbackKind,
  type HandbackRow,
  leadRefOf,
  type TouchRow,
} from './rows';
import {
  isNotAnAttempt,
  isNotDone,
  outcomeOfStatus,
  parseChannel,
  parseHandbackKind,
  parseOutcome,
  parseReason,
  parseTouchKind,
} from './words';

/**
 * One row of an activity file → a touch, an attempt or a hand-back, before its lead is found:
 * HubSpot's calls export ("Call outcome" "No answer"), Salesforce's Task report ("Task Subtype"
 * "Call", "Call Result" "Left VM") and Baton's own export read alike. Every problem names its
 * column. Pure: no browser API.
 */

/** What every activity row's conversion starts with: its cells by target, its lead, and where problems go. */
function startRow(mapping: ColumnMapping, cells: readonly string[], noun: string) {
  const warnings: CellIssue[] = [];
  const issues: CellIssue[] = [];
  const byTarget = cellsByTarget(mapping, cells, warnings);
  const source: SourceColumns = {};
  const first = (target: string) => byTarget.get(target)?.[0];
  const lead = leadRefOf(byTarget, mapping, warnings, issues, source, noun);
  return { warnings, issues, source, first, lead };
}

/** The row's date, which an attempt and a hand-back must have. */
function readWhen(
  cell: { column: number; text: string } | undefined,
  mapping: ColumnMapping,
  row: { source: SourceColumns; issues: CellIssue[] },
): string | undefined {
  if (!cell) row.issues.push({ column: mapping.indexOf('at'), reason: 'has no date' });
  return readCell(cell, 'at', parseInstant, dateReason, row);
}

const TouchImport = Touch.omit({ id: true, leadId: true, sample: true }).extend({
  id: Touch.shape.id.optional(),
});

export function convertTouchRow(mapping: ColumnMapping, cells: readonly string[]): Converted<TouchRow> {
  const { warnings, issues, source, first, lead } = startRow(mapping, cells, 'touch');

  const candidate: Record<string, unknown> = {};
  const row = { source, issues };
  const at = readCell(first('at'), 'at', parseInstant, dateReason, row);
  if (at !== undefined) candidate.at = at;
  const kind = readCell(first('kind'), 'kind', parseTouchKind, unknownWord('kind', TOUCH_KINDS), row);
  if (kind) candidate.kind = kind;
  for (const field of ['id', 'title', 'url', 'assetId'] as const) {
    const cell = first(field);
    if (!cell) continue;
    candidate[field] = cell.text;
    source[field] = cell.column;
  }
  // A touch without a title is named by its kind, as the panel lists it.
  if (candidate.title === undefined && kind)
    candidate.title = kind.replace('_', ' ').replace(/^./, (c) => c.toUpperCase());

  const parsed = TouchImport.safeParse(candidate, { error: importErrorMap });
  if (!parsed.success) issues.push(...zodIssues(parsed.error, source, firstMapped(mapping), issues));
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: dedupe(issues), warnings };
  return { ok: true, value: { lead, touch: parsed.data, source }, warnings };
}

export function convertAttemptRow(mapping: ColumnMapping, cells: readonly string[]): Converted<AttemptRow> {
  const { warnings, issues, source, first, lead } = startRow(mapping, cells, 'attempt');

  const status = first('status');
  if (status && isNotDone(status.text))
    return {
      ok: false,
      issues: [
        { column: status.column, reason: `status "${clip(status.text)}": not done, so not an attempt` },
      ],
      warnings,
    };

  const when = readWhen(first('at'), mapping, { source, issues });

  const channelCell = first('channel');
  let channel: AttemptChannel | undefined = 'call';
  if (channelCell) {
    source.channel = channelCell.column;
    channel = parseChannel(channelCell.text);
    if (!channel)
      issues.push({
        column: channelCell.column,
        reason: isNotAnAttempt(channelCell.text)
          ? `"${clip(channelCell.text)}" is not an attempt to reach the lead`
          : `unknown channel "${clip(channelCell.text)}" (use ${listWords(ATTEMPT_CHANNELS)})`,
      });
  }

  const outcomeCell = first('outcome');
  let outcome: AttemptOutcome | undefined = readCell(
    outcomeCell,
    'outcome',
    parseOutcome,
    unknownWord('outcome', ATTEMPT_OUTCOMES),
    { source, issues },
  );
  if (!outcomeCell && channel) {
    outcome = (status && outcomeOfStatus(status.text)) ?? defaultOutcome(channel);
    if (channel === 'call' && !(status && outcomeOfStatus(status.text)))
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

export function convertHandbackRow(mapping: ColumnMapping, cells: readonly string[]): Converted<HandbackRow> {
  const { warnings, issues, source, first, lead } = startRow(mapping, cells, 'hand-back');

  const when = readWhen(first('at'), mapping, { source, issues });

  const kindCell = first('kind');
  const kind: HandbackKind | undefined = readCell(
    kindCell,
    'kind',
    parseHandbackKind,
    (text) => `"${clip(text)}" is not a hand-back (use accepted, recycled or disqualified)`,
    { source, issues },
  );
  if (!kindCell) issues.push({ column: mapping.indexOf('kind'), reason: 'has no decision' });

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
