import type { z } from 'zod';
import { formatCount, plural } from '../../format/numbers';
import { hasReadableSlug } from '../../model/linkedin-slug';
import {
  ASSET_KINDS,
  Asset,
  type CrmRef,
  LEAD_STAGES,
  Lead,
  type LeadStage,
  TOUCH_KINDS,
  Touch,
  type TouchKind,
} from '../../model/schemas';
import type { ColumnMapping } from './fields';
import { cleanId, type IdSystem, isScientific, SCIENTIFIC_REASON, unusableIdReason } from './ids';
import { type StatusStages, stageOfStatus } from './status-values';

/**
 * One CSV row → the fields of one record, validated with the model's zod schemas. Every problem
 * names the column it came from, so the report can say "row 12, Email: must be an email address".
 * Pure: no browser API.
 */

/** `code` marks issues the result counts apart (CRM ids that could not be used). */
export type CellIssue = { column: number; reason: string; code?: 'unusable-id' };
export type Converted<T> =
  | { ok: true; value: T; warnings: CellIssue[] }
  | { ok: false; issues: CellIssue[]; warnings: CellIssue[] };

/** The column a field came from, for messages raised after conversion (e.g. while writing). */
export type SourceColumns = Partial<Record<string, number>>;

/** A lead as the file gives it: only what the row says (an empty cell keeps the stored value). */
export type LeadFields = Partial<Omit<Lead, 'updatedAt' | 'sample'>> & { emails: string[]; crm: CrmRef[] };
export type LeadRow = { fields: LeadFields; source: SourceColumns };

/** A touch as the file gives it, before its lead is found. */
/** Whose row an activity file's row is: a Baton lead id, an email or a CRM key ("hubspot:123"). */
export type LeadRef = { id?: string; email?: string; crmKey?: string };
export type TouchRow = {
  lead: LeadRef;
  touch: Omit<Touch, 'id' | 'leadId' | 'sample'> & { id?: string };
  source: SourceColumns;
};
export type AssetRow = {
  asset: Omit<Asset, 'id' | 'updatedAt' | 'sample'> & { id?: string };
  source: SourceColumns;
};

// ---------------------------------------------------------------------------------------------
// Value parsers

/**
 * A cell a spreadsheet would run as a formula when the value is exported again: `=CMD(...)`,
 * `@SUM(...)`, `+cmd|' /C calc'!A0`, or a leading tab or carriage return. Phone numbers, with an
 * extension too, and signed numbers ("+1 (555) 010-0100", "+19495989920 ext 1148",
 * "+1-555-0100x752", "-12.5") are data, not formulas.
 */
export function looksLikeFormula(text: string): boolean {
  if (/^[\t\r]/.test(text)) return true;
  const trimmed = text.trim();
  if (/^[=@]/.test(trimmed)) return true;
  if (/^[+-]/.test(trimmed))
    return !/^[+-]?[\d\s().\-/]+(?:\s*(?:ext\.?|extension|x|#)\s*\d{1,6})?$/i.test(trimmed);
  return false;
}

/** Employees from "250", "1,200", "51-200", "10,001+", "1k" → 250, 1200, 51, 10001, 1000. */
export function parseCompanySize(text: string): number | undefined {
  const match =
    /^\s*(\d{1,3}(?:[,.\s\u00a0]\d{3})+|\d+)(\s*k)?\s*(?:(?:-|–|to)\s*[\d,.\s]+k?|\+)?\s*(?:employees)?\s*$/i.exec(
      text,
    );
  if (!match?.[1]) return undefined;
  const value = Number(match[1].replace(/[,.\s\u00a0]/g, '')) * (match[2] ? 1000 : 1);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A plain number ("87", "87.5", "1,234.5"); undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/,(?=\d{3}\b)/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

function utcIso(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): string | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // Rejects 2026-02-31 and 25:00 instead of rolling them over.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return date.toISOString();
}

/**
 * An instant from what CRMs and spreadsheets write. Times without an offset are read as UTC (the
 * mapping screen says so). Accepts ISO 8601 (with or without offset), "2026-11-20 14:30",
 * "2026-11-20", "11/20/2026 2:30 PM" (US order, as HubSpot and Salesforce export; a first number
 * above 12 is read as the day), and Unix epoch seconds or milliseconds.
 */
export function parseInstant(text: string): string | undefined {
  const value = text.trim();
  if (/^\d{10}$/.test(value)) return new Date(Number(value) * 1000).toISOString();
  if (/^\d{13}$/.test(value)) return new Date(Number(value)).toISOString();
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      value,
    );
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
    const base = utcIso(
      Number(y),
      Number(mo),
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
      ms,
    );
    if (!base) return undefined;
    if (!zone || zone.toUpperCase() === 'Z') return base;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    return new Date(Date.parse(base) - offsetMinutes * 60_000).toISOString();
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(
    value,
  );
  if (us) {
    const [, a, b, y, h, mi, s, meridiem] = us;
    let [month, day] = [Number(a), Number(b)];
    if (month > 12 && day <= 12) [month, day] = [day, month];
    let hour = Number(h ?? 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
    }
    return utcIso(Number(y), month, day, hour, Number(mi ?? 0), Number(s ?? 0));
  }
  return undefined;
}

const squash = (text: string) =>
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

/** "a; b, c | d" → ["a", "b", "c", "d"]. */
export function splitList(text: string, separators = /[;,|\n]/): string[] {
  return text
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A LinkedIn profile as people paste it: full URL, without scheme, or a bare slug. */
export function normaliseLinkedinUrl(text: string): string {
  const value = text.trim();
  if (/^https?:\/\//i.test(value)) return value;
  if (/^(www\.)?linkedin\.com\//i.test(value)) return `https://${value.replace(/^www\./i, 'www.')}`;
  if (/^[A-Za-z0-9\-_%]+$/.test(value)) return `https://www.linkedin.com/in/${value}/`;
  return value;
}

// ---------------------------------------------------------------------------------------------
// zod issues in the words of the report

/** Plain-words messages for zod's built-in checks; the schemas' own messages take precedence. */
export const importErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string' && typeof issue.input === 'string')
        return `too long: ${plural(issue.input.length, 'character')} (at most ${formatCount(Number(issue.maximum))})`;
      if (issue.origin === 'number') return `must be at most ${issue.maximum}`;
      return undefined;
    case 'too_small':
      if (issue.origin === 'string') return 'must not be empty';
      if (issue.origin === 'number') return `must be at least ${issue.minimum}`;
      return undefined;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      return undefined;
    default:
      return undefined;
  }
};

/**
 * zod's issues as cell issues. When converting already failed, only issues on other mapped columns
 * are added: "title is required" after "unknown kind" (the title comes from the kind) is noise.
 */
export function zodIssues(
  error: z.ZodError,
  source: SourceColumns,
  fallbackColumn: number,
  already: CellIssue[],
): CellIssue[] {
  const failed = new Set(already.map((issue) => issue.column));
  return error.issues.flatMap((issue) => {
    const column = source[String(issue.path[0] ?? '')];
    if (already.length > 0 && (column === undefined || failed.has(column))) return [];
    return [{ column: column ?? fallbackColumn, reason: issue.message }];
  });
}

// ---------------------------------------------------------------------------------------------
// Rows

export type Cell = { column: number; text: string };

/** The non-empty cells of a row grouped by target; every mapped cell is checked for formulas. */
export function cellsByTarget(mapping: ColumnMapping, cells: readonly string[], warnings: CellIssue[]) {
  const byTarget = new Map<string, Cell[]>();
  mapping.forEach((target, column) => {
    if (!target) return;
    const raw = cells[column];
    if (raw === undefined || raw.trim() === '') return;
    if (looksLikeFormula(raw))
      warnings.push({
        column,
        reason: `"${clip(raw)}" starts like a spreadsheet formula; kept as plain text (Baton never runs it, and exports it with a leading ')`,
      });
    byTarget.set(target, [...(byTarget.get(target) ?? []), { column, text: raw.trim() }]);
  });
  return byTarget;
}

const LeadImport = Lead.omit({ updatedAt: true, sample: true })
  .partial()
  .required({ emails: true, crm: true });

/** What the user chose beside the columns: the meaning of each status value. */
export type LeadRowOptions = { statusStages?: StatusStages };

export function convertLeadRow(
  mapping: ColumnMapping,
  cells: readonly string[],
  options: LeadRowOptions = {},
): Converted<LeadRow> {
  const warnings: CellIssue[] = [];
  const issues: CellIssue[] = [];
  const byTarget = cellsByTarget(mapping, cells, warnings);
  const source: SourceColumns = {};
  const candidate: Record<string, unknown> = { emails: [], crm: [] };
  const first = (target: string) => byTarget.get(target)?.[0];
  const text = (target: string, field = target) => {
    const cell = first(target);
    if (!cell) return;
    candidate[field] = cell.text;
    source[field] = cell.column;
  };

  text('id');
  for (const field of [
    'title',
    'company',
    'phone',
    'territory',
    'industry',
    'productInterest',
    'budget',
    'timeframe',
    'need',
    'owner',
  ])
    text(field);

  const nameCell = first('name');
  const firstName = first('firstName');
  const lastName = first('lastName');
  if (nameCell) {
    candidate.name = nameCell.text;
    source.name = nameCell.column;
  } else if (firstName || lastName) {
    candidate.name = [firstName?.text, lastName?.text].filter(Boolean).join(' ');
    source.name = (firstName ?? lastName)?.column;
  }

  const emails: string[] = [];
  for (const cell of byTarget.get('emails') ?? []) {
    source.emails ??= cell.column;
    for (const email of splitList(cell.text, /[;,\s]+/)) {
      const lower = email.toLowerCase();
      if (!emails.includes(lower)) emails.push(lower);
    }
  }
  candidate.emails = emails;

  const crm: CrmRef[] = [];
  const addRef = (system: CrmRef['system'], id: string, column: number) => {
    source.crm ??= column;
    if (!crm.some((ref) => ref.system === system && ref.id === id)) crm.push({ system, id });
  };
  for (const [target, system] of [
    ['hubspotId', 'hubspot'],
    ['salesforceId', 'salesforce'],
  ] as const) {
    const cell = first(target);
    if (!cell) continue;
    const unusable = unusableIdReason(system, cell.text);
    if (unusable) warnings.push(unusableId(cell, system, unusable));
    else addRef(system, cleanId(system, cell.text), cell.column);
  }
  for (const cell of byTarget.get('crmRefs') ?? []) {
    for (const item of splitList(cell.text, /[;,\s]+/)) {
      const match = /^(hubspot|salesforce):(.+)$/i.exec(item);
      if (!match?.[1] || !match[2]) {
        issues.push({ column: cell.column, reason: `"${clip(item)}" is not a CRM ref like hubspot:12345` });
        continue;
      }
      const system = match[1].toLowerCase() as CrmRef['system'];
      if (isScientific(match[2]))
        warnings.push(unusableId({ ...cell, text: item }, system, SCIENTIFIC_REASON));
      else addRef(system, match[2], cell.column);
    }
  }
  candidate.crm = crm;

  const linkedin = first('linkedinUrl');
  if (linkedin) {
    const url = normaliseLinkedinUrl(linkedin.text);
    // A broken %-escape names no profile: the row goes in without it, and the report says so.
    if (hasReadableSlug(url)) {
      candidate.linkedinUrl = url;
      source.linkedinUrl = linkedin.column;
    } else
      warnings.push({
        column: linkedin.column,
        reason: `"${clip(linkedin.text)}" is not a readable LinkedIn profile (a broken %-escape), so it was left out`,
      });
  }

  const size = first('companySize');
  if (size) {
    source.companySize = size.column;
    const value = parseCompanySize(size.text);
    if (value === undefined)
      issues.push({
        column: size.column,
        reason: `"${clip(size.text)}" is not a number of employees (e.g. 250 or 51-200)`,
      });
    else candidate.companySize = value;
  }
  for (const field of ['handoffScore', 'crmScore'] as const) {
    const cell = first(field);
    if (!cell) continue;
    source[field] = cell.column;
    const value = parseNumber(cell.text);
    if (value === undefined)
      issues.push({ column: cell.column, reason: `"${clip(cell.text)}" is not a number` });
    else candidate[field] = value;
  }
  const mql = first('mqlAt');
  if (mql) {
    source.mqlAt = mql.column;
    const value = parseInstant(mql.text);
    if (value === undefined) issues.push({ column: mql.column, reason: dateReason(mql.text) });
    else candidate.mqlAt = value;
  }

  const lifecycle = first('lifecycleStage');
  const status = first('leadStatus');
  let stage: LeadStage | undefined;
  if (lifecycle) {
    source.stage = lifecycle.column;
    stage = parseStage(lifecycle.text);
    if (!stage)
      issues.push({
        column: lifecycle.column,
        reason: `unknown stage "${clip(lifecycle.text)}" (use ${LEAD_STAGES.join(', ')}, or HubSpot's lifecycle stages)`,
      });
  }
  if (status) {
    const fromStatus = stageFromStatus(status.text, options.statusStages);
    if (fromStatus && (fromStatus.closed || !lifecycle)) {
      stage = fromStatus.stage;
      source.stage = status.column;
    }
  }
  if (stage) candidate.stage = stage;
  // An MQL with no MQL date takes its clock from the handoff column the user chose (design §4):
  // only MQLs, so a lead never handed over never enters a weekly cohort by its creation date.
  const handoff = first('handoffAt');
  if (handoff && stage === 'mql' && candidate.mqlAt === undefined) {
    const value = parseInstant(handoff.text);
    if (value === undefined)
      warnings.push({
        column: handoff.column,
        reason: `${dateReason(handoff.text)}: this MQL has no handoff date`,
      });
    else {
      candidate.mqlAt = value;
      source.mqlAt = handoff.column;
    }
  }

  const parsed = LeadImport.safeParse(candidate, { error: importErrorMap });
  if (!parsed.success) issues.push(...zodIssues(parsed.error, source, firstMapped(mapping), issues));
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: dedupe(issues), warnings };
  if (parsed.data.emails.length === 0 && parsed.data.crm.length === 0 && !parsed.data.id && !parsed.data.name)
    return {
      ok: false,
      issues: [{ column: firstMapped(mapping), reason: 'the row has no name, email or CRM id' }],
      warnings,
    };
  return { ok: true, value: { fields: parsed.data as LeadFields, source }, warnings };
}

/** An email inside a cell: "dana@example.com", or HubSpot's "Dana Whitfield (dana@example.com)". */
function emailIn(text: string): string {
  const inner = /[<(]\s*([^\s<>()@]+@[^\s<>()]+)\s*[>)]/.exec(text);
  return (inner?.[1] ?? text).trim().toLowerCase();
}

/**
 * Whose record an activity row is (a touch, an attempt, a hand-back): a Baton lead id, an email or
 * a CRM id. A mangled CRM id names nobody for sure: the row goes by email, or is refused. A list
 * of associated ids ("123;456") names its first.
 */
export function leadRefOf(
  byTarget: Map<string, Cell[]>,
  mapping: ColumnMapping,
  warnings: CellIssue[],
  issues: CellIssue[],
  source: SourceColumns,
  noun: string,
): LeadRef {
  const first = (target: string) => byTarget.get(target)?.[0];
  const lead: LeadRef = {};
  const leadId = first('leadId');
  const email = first('leadEmail');
  const hubspot = first('hubspotId');
  const salesforce = first('salesforceId');
  if (leadId) lead.id = leadId.text;
  if (email) lead.email = emailIn(email.text);
  for (const [cell, system] of [
    [hubspot, 'hubspot'],
    [salesforce, 'salesforce'],
  ] as const) {
    if (!cell || lead.crmKey) continue;
    const text = splitList(cell.text)[0] ?? cell.text;
    const unusable = unusableIdReason(system, text);
    if (unusable) warnings.push(unusableId(cell, system, unusable, `the ${noun} goes by the email`));
    else lead.crmKey = `${system}:${cleanId(system, text)}`;
  }
  source.leadId = (leadId ?? email ?? hubspot ?? salesforce)?.column;
  if (!lead.id && !lead.email && !lead.crmKey)
    issues.push({
      column: firstMappedOf(mapping, ['leadEmail', 'leadId', 'hubspotId', 'salesforceId']),
      reason: `says nobody: whose ${noun} is it?`,
    });
  return lead;
}

const TouchImport = Touch.omit({ id: true, leadId: true, sample: true }).extend({
  id: Touch.shape.id.optional(),
});

export function convertTouchRow(mapping: ColumnMapping, cells: readonly string[]): Converted<TouchRow> {
  const warnings: CellIssue[] = [];
  const issues: CellIssue[] = [];
  const byTarget = cellsByTarget(mapping, cells, warnings);
  const source: SourceColumns = {};
  const first = (target: string) => byTarget.get(target)?.[0];
  const lead = leadRefOf(byTarget, mapping, warnings, issues, source, 'touch');

  const candidate: Record<string, unknown> = {};
  const at = first('at');
  if (at) {
    source.at = at.column;
    const value = parseInstant(at.text);
    if (value === undefined) issues.push({ column: at.column, reason: dateReason(at.text) });
    else candidate.at = value;
  }
  const kindCell = first('kind');
  let kind: TouchKind | undefined;
  if (kindCell) {
    source.kind = kindCell.column;
    kind = parseTouchKind(kindCell.text);
    if (!kind)
      issues.push({
        column: kindCell.column,
        reason: `unknown kind "${clip(kindCell.text)}" (use ${TOUCH_KINDS.join(', ').replace(/_/g, ' ')})`,
      });
    else candidate.kind = kind;
  }
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

const AssetImport = Asset.omit({ id: true, updatedAt: true, sample: true }).extend({
  id: Asset.shape.id.optional(),
});

export function convertAssetRow(mapping: ColumnMapping, cells: readonly string[]): Converted<AssetRow> {
  const warnings: CellIssue[] = [];
  const issues: CellIssue[] = [];
  const byTarget = cellsByTarget(mapping, cells, warnings);
  const source: SourceColumns = {};
  const candidate: Record<string, unknown> = {};
  const first = (target: string) => byTarget.get(target)?.[0];
  for (const field of ['id', 'title', 'url', 'summary'] as const) {
    const cell = first(field);
    if (!cell) continue;
    candidate[field] = cell.text;
    source[field] = cell.column;
  }
  const kindCell = first('kind');
  if (kindCell) {
    source.kind = kindCell.column;
    const kind = parseAssetKind(kindCell.text);
    if (!kind)
      issues.push({
        column: kindCell.column,
        reason: `unknown kind "${clip(kindCell.text)}" (use ${ASSET_KINDS.join(', ').replace(/_/g, ' ')})`,
      });
    else candidate.kind = kind;
  }
  for (const field of ['industries', 'needs', 'personas'] as const) {
    const cells = byTarget.get(field) ?? [];
    if (cells[0]) source[field] = cells[0].column;
    candidate[field] = cells.flatMap((cell) => splitList(cell.text));
  }
  const stageCells = byTarget.get('stages') ?? [];
  const stages: LeadStage[] = [];
  for (const cell of stageCells) {
    source.stages ??= cell.column;
    for (const item of splitList(cell.text)) {
      const stage = parseStage(item);
      if (stage) {
        if (!stages.includes(stage)) stages.push(stage);
      } else
        issues.push({
          column: cell.column,
          reason: `unknown stage "${clip(item)}" (use ${LEAD_STAGES.join(', ')})`,
        });
    }
  }
  candidate.stages = stages;
  const parsed = AssetImport.safeParse(candidate, { error: importErrorMap });
  if (!parsed.success) issues.push(...zodIssues(parsed.error, source, firstMapped(mapping), issues));
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: dedupe(issues), warnings };
  return { ok: true, value: { asset: parsed.data, source }, warnings };
}

export function unusableId(
  cell: Cell,
  system: IdSystem,
  why: string,
  then = 'the row is matched by email, or added new',
): CellIssue {
  const name = system === 'hubspot' ? 'HubSpot' : 'Salesforce';
  return {
    column: cell.column,
    code: 'unusable-id',
    reason: `${name} id "${clip(cell.text)}" is ${why}: not kept, and not used to match (${then})`,
  };
}

export function dateReason(text: string): string {
  return `"${clip(text)}" is not a date (e.g. 2026-11-20, 2026-11-20 14:30 or 11/20/2026)`;
}

/** A value quoted in a message: short, on one line (a 10 MB cell is not repeated in the report). */
export function clip(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

export function firstMapped(mapping: ColumnMapping): number {
  const index = mapping.findIndex((target) => Boolean(target));
  return Math.max(0, index);
}

export function firstMappedOf(mapping: ColumnMapping, targets: readonly string[]): number {
  const index = mapping.findIndex((target) => target !== null && targets.includes(target));
  return index < 0 ? firstMapped(mapping) : index;
}

export function dedupe(issues: CellIssue[]): CellIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.column}\u0000${issue.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
