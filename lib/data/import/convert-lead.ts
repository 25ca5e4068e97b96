import { hasReadableSlug } from '../../model/linkedin-slug';
import { type CrmRef, LEAD_STAGES, Lead, type LeadStage } from '../../model/schemas';
import { normaliseLinkedinUrl, parseCompanySize, parseInstant, parseNumber, splitList } from './cells';
import type { ColumnMapping } from './fields';
import { cleanId, isScientific, SCIENTIFIC_REASON, unusableIdReason } from './ids';
import {
  type CellIssue,
  type Converted,
  clip,
  dateReason,
  dedupe,
  firstMapped,
  importErrorMap,
  type SourceColumns,
  unusableId,
  zodIssues,
} from './issues';
import { type CellsByTarget, cellsByTarget, type LeadFields, type LeadRow } from './rows';
import type { StatusStages } from './status-values';
import { parseStage, stageFromStatus } from './words';

/**
 * One row of a leads file → the fields it gives a lead, validated with the model's zod schema.
 * Each step below reads one group of columns into the candidate and says where each field came
 * from; the schema checks the whole at the end. Pure: no browser API.
 */

const LeadImport = Lead.omit({ updatedAt: true, sample: true })
  .partial()
  .required({ emails: true, crm: true });

/** What the user chose beside the columns: the meaning of each status value. */
export type LeadRowOptions = { statusStages?: StatusStages };

/** A lead row being read: its cells, the fields found so far and their columns, its problems. */
type LeadDraft = {
  byTarget: CellsByTarget;
  candidate: Record<string, unknown>;
  source: SourceColumns;
  issues: CellIssue[];
  warnings: CellIssue[];
};

const TEXT_FIELDS = [
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
] as const;

export function convertLeadRow(
  mapping: ColumnMapping,
  cells: readonly string[],
  options: LeadRowOptions = {},
): Converted<LeadRow> {
  const warnings: CellIssue[] = [];
  const draft: LeadDraft = {
    byTarget: cellsByTarget(mapping, cells, warnings),
    candidate: { emails: [], crm: [] },
    source: {},
    issues: [],
    warnings,
  };
  readText(draft, 'id');
  for (const field of TEXT_FIELDS) readText(draft, field);
  readName(draft);
  readEmails(draft);
  readCrmRefs(draft);
  readLinkedin(draft);
  readNumbers(draft);
  const stage = readStage(draft, options.statusStages);
  readHandoff(draft, stage);
  return checkLead(draft, mapping);
}

const first = (draft: LeadDraft, target: string) => draft.byTarget.get(target)?.[0];

/** A field the cell gives as it is. */
function readText(draft: LeadDraft, field: string): void {
  const cell = first(draft, field);
  if (!cell) return;
  draft.candidate[field] = cell.text;
  draft.source[field] = cell.column;
}

/** A full name column wins; else first and last name are joined. */
function readName(draft: LeadDraft): void {
  const { candidate, source } = draft;
  const nameCell = first(draft, 'name');
  const firstName = first(draft, 'firstName');
  const lastName = first(draft, 'lastName');
  if (nameCell) {
    candidate.name = nameCell.text;
    source.name = nameCell.column;
  } else if (firstName || lastName) {
    candidate.name = [firstName?.text, lastName?.text].filter(Boolean).join(' ');
    source.name = (firstName ?? lastName)?.column;
  }
}

/** Every email of every email column, lower case, each once. */
function readEmails({ byTarget, candidate, source }: LeadDraft): void {
  const emails: string[] = [];
  for (const cell of byTarget.get('emails') ?? []) {
    source.emails ??= cell.column;
    for (const email of splitList(cell.text, /[;,\s]+/)) {
      const lower = email.toLowerCase();
      if (!emails.includes(lower)) emails.push(lower);
    }
  }
  candidate.emails = emails;
}

/**
 * CRM ids from the HubSpot and Salesforce id columns and from "hubspot:123" lists. An id a
 * spreadsheet mangled, or not shaped like that CRM's, is left out with a warning (never matched on).
 */
function readCrmRefs(draft: LeadDraft): void {
  const { byTarget, candidate, source, issues, warnings } = draft;
  const crm: CrmRef[] = [];
  const addRef = (system: CrmRef['system'], id: string, column: number) => {
    source.crm ??= column;
    if (!crm.some((ref) => ref.system === system && ref.id === id)) crm.push({ system, id });
  };
  for (const [target, system] of [
    ['hubspotId', 'hubspot'],
    ['salesforceId', 'salesforce'],
  ] as const) {
    const cell = first(draft, target);
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
}

function readLinkedin(draft: LeadDraft): void {
  const linkedin = first(draft, 'linkedinUrl');
  if (!linkedin) return;
  const url = normaliseLinkedinUrl(linkedin.text);
  // A broken %-escape names no profile: the row goes in without it, and the report says so.
  if (hasReadableSlug(url)) {
    draft.candidate.linkedinUrl = url;
    draft.source.linkedinUrl = linkedin.column;
  } else
    draft.warnings.push({
      column: linkedin.column,
      reason: `"${clip(linkedin.text)}" is not a readable LinkedIn profile (a broken %-escape), so it was left out`,
    });
}

/** Company size, the two scores and the MQL date: a cell that is not one is a problem. */
function readNumbers(draft: LeadDraft): void {
  const { candidate, source, issues } = draft;
  const size = first(draft, 'companySize');
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
    const cell = first(draft, field);
    if (!cell) continue;
    source[field] = cell.column;
    const value = parseNumber(cell.text);
    if (value === undefined)
      issues.push({ column: cell.column, reason: `"${clip(cell.text)}" is not a number` });
    else candidate[field] = value;
  }
  const mql = first(draft, 'mqlAt');
  if (mql) {
    source.mqlAt = mql.column;
    const value = parseInstant(mql.text);
    if (value === undefined) issues.push({ column: mql.column, reason: dateReason(mql.text) });
    else candidate.mqlAt = value;
  }
}

/** The stage from the lifecycle column, unless the lead status closes the lead or stands alone. */
function readStage(draft: LeadDraft, statusStages: StatusStages | undefined): LeadStage | undefined {
  const lifecycle = first(draft, 'lifecycleStage');
  const status = first(draft, 'leadStatus');
  let stage: LeadStage | undefined;
  if (lifecycle) {
    draft.source.stage = lifecycle.column;
    stage = parseStage(lifecycle.text);
    if (!stage)
      draft.issues.push({
        column: lifecycle.column,
        reason: `unknown stage "${clip(lifecycle.text)}" (use ${LEAD_STAGES.join(', ')}, or HubSpot's lifecycle stages)`,
      });
  }
  if (status) {
    const fromStatus = stageFromStatus(status.text, statusStages);
    if (fromStatus && (fromStatus.closed || !lifecycle)) {
      stage = fromStatus.stage;
      draft.source.stage = status.column;
    }
  }
  if (stage) draft.candidate.stage = stage;
  return stage;
}

/**
 * An MQL with no MQL date takes its clock from the handoff column the user chose (docs/architecture.md "The SLA clock"):
 * only MQLs, so a lead never handed over never enters a weekly cohort by its creation date.
 */
function readHandoff(draft: LeadDraft, stage: LeadStage | undefined): void {
  const handoff = first(draft, 'handoffAt');
  if (!handoff || stage !== 'mql' || draft.candidate.mqlAt !== undefined) return;
  const value = parseInstant(handoff.text);
  if (value === undefined)
    draft.warnings.push({
      column: handoff.column,
      reason: `${dateReason(handoff.text)}: this MQL has no handoff date`,
    });
  else {
    draft.candidate.mqlAt = value;
    draft.source.mqlAt = handoff.column;
  }
}

/** The schema's check of the whole row; a row that names nobody is refused. */
function checkLead(draft: LeadDraft, mapping: ColumnMapping): Converted<LeadRow> {
  const { candidate, source, issues, warnings } = draft;
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
