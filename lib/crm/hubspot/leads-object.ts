import type { Disposition, Lead, LeadStage } from '../../model/schemas';
import { handoffOf } from '../handoff';
import type { CrmObject, Filter } from './api';
import type { HubSpotClient } from './client';
import { historyOf, millis, ownerAssignment } from './history';
import type { LeadsSetup } from './setup';

/**
 * HubSpot's Leads object (Leads mode): a lead record stands for the work on one contact, its
 * primary contact. The card's person is that contact (lead ids stay `hubspot:<contactId>`); the
 * lead record brings the stage, the owner and the SLA's start. Nothing here hard-codes a stage:
 * every id comes from the portal's pipeline, chosen in options (setup.ts).
 */

/** The lead properties Baton reads. */
export const leadRecordProperties = (setup: LeadsSetup) => [
  'hs_lead_name',
  'hs_pipeline',
  'hs_pipeline_stage',
  'hubspot_owner_id',
  'hs_lead_disqualification_reason',
  'hs_primary_contact_id',
  `hs_date_entered_${setup.handoffStageId}`,
];
/** Whose history is asked for: the owner's (when the rep got the lead) and the stage's (an undo puts it back). */
export const LEAD_RECORD_HISTORY = ['hubspot_owner_id', 'hs_pipeline_stage'];

const stageIdOf = (record: CrmObject) => record.properties.hs_pipeline_stage?.trim() ?? '';
const inPipeline = (record: CrmObject, setup: LeadsSetup) =>
  record.properties.hs_pipeline?.trim() === setup.pipelineId;

/** Baton's stage for a lead record's pipeline stage: still open, accepted, or handed back. */
export function stageOfLeadRecord(record: CrmObject, setup: LeadsSetup): LeadStage {
  const stage = stageIdOf(record);
  if (stage === setup.qualifiedStageId) return 'sql';
  if (stage === setup.unqualifiedStageId) return 'disqualified';
  return 'mql';
}

/**
 * Of a contact's lead records, the one the card works: in the configured pipeline, an open one
 * (in a stage to work) before a closed one, the newest first.
 */
export function currentLeadRecord(records: readonly CrmObject[], setup: LeadsSetup): CrmObject | undefined {
  const newest = (a: CrmObject, b: CrmObject) =>
    (millis(b.createdAt) || 0) - (millis(a.createdAt) || 0) || Number(b.id) - Number(a.id);
  const ours = records.filter((record) => inPipeline(record, setup)).sort(newest);
  return ours.find((record) => setup.workStageIds.includes(stageIdOf(record))) ?? ours[0];
}

/**
 * The contact's lead as the Leads object shows it: its stage (Baton's and the pipeline's label),
 * its owner, and the SLA's start, the later of entering the handoff stage and the owner getting it.
 */
export function withLeadRecord(
  lead: Lead,
  record: CrmObject,
  setup: LeadsSetup,
  ownerNames: Readonly<Record<string, string>>,
): Lead {
  const stageId = stageIdOf(record);
  const entered = millis(record.properties[`hs_date_entered_${setup.handoffStageId}`]);
  const handoff = handoffOf({
    handedAt: Number.isFinite(entered) ? entered : millis(record.createdAt),
    handedFrom: 'lead_stage',
    assignment: ownerAssignment(record),
    ownerNames,
  });
  const owner = record.properties.hubspot_owner_id?.trim();
  const { mqlAt: _contactMqlAt, handoff: _contactHandoff, ...contact } = lead;
  return {
    ...contact,
    stage: stageOfLeadRecord(record, setup),
    crmStage: setup.stageLabels[stageId] ?? (stageId || undefined),
    owner: owner && /^\d{1,20}$/.test(owner) ? owner : undefined,
    ...(handoff ? { mqlAt: handoff.at, handoff: handoff.handoff } : {}),
  };
}

/** The lead-record writes of a hand-back: accept → the qualified stage; recycle or disqualify → unqualified, with the reason. */
export function leadRecordDispositionWrites(
  disposition: Disposition,
  setup: LeadsSetup,
): Record<string, string> {
  if (disposition.kind === 'accept') return { hs_pipeline_stage: setup.qualifiedStageId };
  const reason = setup.reasonOptions[disposition.reason];
  return {
    hs_pipeline_stage: setup.unqualifiedStageId,
    ...(reason ? { hs_lead_disqualification_reason: reason } : {}),
  };
}

/**
 * The stage a lead record had before a hand-back moved it to `movedTo`: the newest write of
 * another stage in its history. Undefined when the record is no longer in `movedTo` (the move
 * never reached HubSpot, or someone moved it since): then an undo leaves the stage alone.
 */
export function stageBefore(record: CrmObject, movedTo: string, setup: LeadsSetup): string | undefined {
  if (stageIdOf(record) !== movedTo) return undefined;
  const before = historyOf(record, 'hs_pipeline_stage').find((entry) => {
    const value = entry.value?.trim();
    return value && value !== movedTo;
  });
  return before?.value?.trim() ?? setup.workStageIds[0] ?? setup.handoffStageId;
}

/** Reads lead records through the client: a contact's current one, and my queue's. */
export class LeadRecords {
  constructor(
    private readonly client: HubSpotClient,
    private readonly setup: LeadsSetup,
  ) {}

  /** The contact's current lead record (see `currentLeadRecord`), with its owner and stage history. */
  async forContact(contactId: string): Promise<{ record?: CrmObject; skipped: number }> {
    const ids = await this.client.associatedIds(contactId, 'leads');
    if (ids.length === 0) return { skipped: 0 };
    const { results, skipped } = await this.client.batchRead(
      'leads',
      ids,
      leadRecordProperties(this.setup),
      LEAD_RECORD_HISTORY,
    );
    return { record: currentLeadRecord(results, this.setup), skipped };
  }

  /**
   * Open lead records of `owner` in the stages to work, each with its primary contact's id (the
   * record's `hs_primary_contact_id`, else its first associated contact): one search page per
   * 200, a batch read per 100 (for the owner history a search does not return).
   */
  async toWork(
    owner: string | undefined,
    limit: number,
  ): Promise<{ records: Array<{ record: CrmObject; contactId: string }>; skipped: number }> {
    const filters: Filter[] = [
      { propertyName: 'hs_pipeline', operator: 'EQ', value: this.setup.pipelineId },
      { propertyName: 'hs_pipeline_stage', operator: 'IN', values: this.setup.workStageIds },
      ...(owner ? [{ propertyName: 'hubspot_owner_id', operator: 'EQ' as const, value: owner }] : []),
    ];
    const found = await this.client.searchUpTo('leads', filters, ['hs_object_id'], limit);
    const ids = found.results.map((record) => record.id);
    let skipped = found.skipped;
    const read = await this.client.batchRead(
      'leads',
      ids,
      leadRecordProperties(this.setup),
      LEAD_RECORD_HISTORY,
    );
    skipped += read.skipped;
    const primary = (record: CrmObject) => {
      const id = record.properties.hs_primary_contact_id?.trim();
      return id && /^\d{1,20}$/.test(id) ? id : undefined;
    };
    const unnamed = read.results.filter((record) => !primary(record)).map((record) => record.id);
    const associated =
      unnamed.length > 0 ? await this.client.associatedContacts('leads', unnamed) : undefined;
    skipped += associated?.skipped ?? 0;
    const records = read.results.flatMap((record) => {
      const contactId = primary(record) ?? associated?.byEngagement.get(record.id)?.[0];
      return contactId ? [{ record, contactId }] : [];
    });
    return { records, skipped };
  }
}
