import type {
  Asset,
  AttemptChannel,
  AttemptOutcome,
  CrmRef,
  Lead,
  RecycleReason,
  Touch,
} from '../../model/schemas';
import { type Cell, emailIn, looksLikeFormula, splitList } from './cells';
import type { ColumnMapping } from './fields';
import { cleanId, unusableIdReason } from './ids';
import { type CellIssue, clip, firstMappedOf, type SourceColumns, unusableId } from './issues';

/**
 * What a converted row of each kind holds, and the steps every converter starts with: a row's
 * cells grouped by what they were mapped to, and for activity rows, whose record the row is.
 */

/** A lead as the file gives it: only what the row says (an empty cell keeps the stored value). */
export type LeadFields = Partial<Omit<Lead, 'updatedAt' | 'sample'>> & { emails: string[]; crm: CrmRef[] };
export type LeadRow = { fields: LeadFields; source: SourceColumns };

/** Whose row an activity file's row is: a Baton lead id, an email or a CRM key ("hubspot:123"). */
export type LeadRef = { id?: string; email?: string; crmKey?: string };
/** A touch as the file gives it, before its lead is found. */
export type TouchRow = {
  lead: LeadRef;
  touch: Omit<Touch, 'id' | 'leadId' | 'sample'> & { id?: string };
  source: SourceColumns;
};
/** An asset of the content library as the file gives it. */
export type AssetRow = {
  asset: Omit<Asset, 'id' | 'updatedAt' | 'sample'> & { id?: string };
  source: SourceColumns;
};

/** An attempt (call, email, LinkedIn message, voicemail) as the file gives it, before its lead is found. */
export type AttemptRow = {
  lead: LeadRef;
  /** The file's own id for the record (a call's or task's), kept so a re-import finds it again. */
  sourceId?: string;
  attempt: { at: string; channel: AttemptChannel; outcome: AttemptOutcome; note?: string };
  source: SourceColumns;
};

/** A hand-back as the file gives it: sales accepted, recycled or disqualified the lead. */
export type HandbackKind = 'accept' | 'recycle' | 'disqualify';
export type HandbackRow = {
  lead: LeadRef;
  sourceId?: string;
  handback: { kind: HandbackKind; at: string; reason?: RecycleReason; text?: string };
  source: SourceColumns;
};

/** A converted row of any kind, as the pipeline carries it to its writer. */
export type AnyRow = LeadRow | TouchRow | AttemptRow | HandbackRow | AssetRow;

/** A row's non-empty cells by the target they were mapped to, in column order. */
export type CellsByTarget = Map<string, Cell[]>;

/** The non-empty cells of a row grouped by target; every mapped cell is checked for formulas. */
export function cellsByTarget(
  mapping: ColumnMapping,
  cells: readonly string[],
  warnings: CellIssue[],
): CellsByTarget {
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

/**
 * Whose record an activity row is (a touch, an attempt, a hand-back): a Baton lead id, an email or
 * a CRM id. A mangled CRM id names nobody for sure: the row goes by email, or is refused. A list
 * of associated ids ("123;456") names its first.
 */
export function leadRefOf(
  byTarget: CellsByTarget,
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
