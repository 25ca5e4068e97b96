import {
  type LeadContext,
  LeadNotFoundError,
  type LeadSource,
  type QueueQuery,
  type ReportReadHooks,
} from '../../lead-source/lead-source';
import type { Attempt, Lead, LeadIdentity, LeadPatch, Touch } from '../../model/schemas';
import { withPendingWrites } from '../../outbox/overlay';
import type { ReportDataWire, ReportWindow } from '../../report/report-data-schema';
import type { CrmDb } from '../../store/crm-db';
import type { BatonDb } from '../../store/db';
import { CrmSourceBase } from '../crm-source-base';
import { ReadCache } from '../read-cache';
import { ReportCache } from '../report-cache';
import { type ReadKind, UnreadableRecords } from '../unreadable';
import { type CompositeSubrequest, paths, QueryPage } from './api';
import { type Checked, errorFor, type SalesforceClient, SalesforceError } from './client';
import type { SalesforceConnection } from './connection';
import {
  CAMPAIGN_MEMBER_FIELDS,
  campaignMemberToTouch,
  EVENT_FIELDS,
  eventToAttempt,
  leadIdOf,
  objectOf,
  ownerChangeOf,
  patchToFields,
  recordFields,
  recordToLead,
  requireRecordId,
  SALESFORCE_ID,
  TASK_FIELDS,
  taskToAttempt,
} from './mapping';
import { readSalesforceReport } from './report-read';
import { soqlField, soqlId, soqlLikePrefix, soqlList, soqlString } from './soql';
import { ApiUsage, READ_PAUSE_SHARE, SalesforceReadsPaused } from './usage';

/** What a card reads from Salesforce: the record (as a lead), its activity and campaign responses. */
export type SalesforceRead = { lead: Lead; attempts: Attempt[]; touches: Touch[] };

/** What the background's Salesforce source and sender share: the org's API use, and the card cache. */
export type SalesforceShared = {
  usage: ApiUsage;
  reads: ReadCache<SalesforceRead>;
  emails: ReadCache<string>;
  unreadable: UnreadableRecords;
  /** The report's reads, per period, kept until the page's Refresh (or a disconnect). */
  reports: ReportCache;
};
export const newSalesforceShared = (): SalesforceShared => ({
  usage: new ApiUsage(),
  reads: new ReadCache(),
  emails: new ReadCache(60_000, Date.now, 1_000),
  unreadable: new UnreadableRecords(),
  reports: new ReportCache(),
});
export function forgetSalesforceShared(shared: SalesforceShared): void {
  shared.reads.clear();
  shared.emails.clear();
  shared.unreadable.clear();
  shared.reports.clear();
}

/** Activity read per card: the newest, which is what the SLA and the rep look at. */
const ACTIVITY_LIMIT = 200;

/**
 * Salesforce as the source of leads: Leads (and, by setting, Contacts) are the system of record.
 * A card costs one API call (a composite of the record, its Tasks, Events, campaign responses and
 * owner history); the rep's writes go local first through the outbox (lib/crm/crm-source-base.ts)
 * and the flusher sends them with `SalesforceWriter`. Lead ids are `salesforce:<record id>`.
 */
export class SalesforceLeadSource extends CrmSourceBase implements LeadSource {
  protected readonly crmName = 'Salesforce';

  constructor(
    private readonly client: SalesforceClient,
    private readonly connection: SalesforceConnection,
    local: BatonDb,
    crm: CrmDb,
    onQueued: (delayMs?: number) => void = () => {},
    private readonly shared: SalesforceShared = newSalesforceShared(),
  ) {
    super(local, crm, onQueued);
  }

  protected requireOwn(leadId: string): void {
    requireRecordId(leadId);
  }

  private get setup() {
    return this.connection.setup;
  }

  private get contactsWorked() {
    return this.setup.contactStatusField !== '';
  }

  private select(object: 'Lead' | 'Contact') {
    return recordFields(object, this.setup).map(soqlField).join(', ');
  }

  private toLeads(found: Checked<Lead>, kind: ReadKind): Lead[] {
    this.shared.unreadable.note(kind, found.skipped);
    return found.records;
  }

  private asLead = (raw: unknown) => recordToLead(raw, this.setup);

  async findByIdentity(identity: LeadIdentity): Promise<Lead | undefined> {
    if (identity.crm?.system === 'salesforce' && objectOf(identity.crm.id)) {
      const leadId = leadIdOf(identity.crm.id);
      const read = await this.readFromSalesforce(leadId).catch(async (error: unknown) => {
        // Out of reach or reads paused: the record page still shows the last copy read.
        const kept = isOutOfReach(error) ? await this.crm.contacts.get(leadId) : undefined;
        if (!kept) throw error;
        return { lead: kept.lead };
      });
      if (read) return read.lead;
    }
    for (const email of identity.emails) {
      const knownId = this.shared.emails.get(email);
      const known = knownId ? this.shared.reads.get(knownId) : undefined;
      if (known) return known.lead;
      const lead = await this.findByEmail(email);
      if (!lead) continue;
      this.shared.emails.set(email, lead.id);
      return lead;
    }
    return undefined;
  }

  /** An open Lead with the email, else a Contact (one composite call for both). */
  private async findByEmail(email: string): Promise<Lead | undefined> {
    const queries: CompositeSubrequest[] = [
      {
        method: 'GET',
        referenceId: 'lead',
        url: paths.query(
          `SELECT ${this.select('Lead')} FROM Lead WHERE Email = ${soqlString(email)} AND IsConverted = false ORDER BY LastModifiedDate DESC LIMIT 1`,
        ),
      },
      {
        method: 'GET',
        referenceId: 'contact',
        url: paths.query(
          `SELECT ${this.select('Contact')} FROM Contact WHERE Email = ${soqlString(email)} ORDER BY LastModifiedDate DESC LIMIT 1`,
        ),
      },
    ];
    const answers = await this.client.composite(queries, { allOrNone: false, read: true });
    let skipped = 0;
    for (const answer of answers) {
      const rows = queryRecords(answer);
      for (const row of rows) {
        const lead = this.asLead(row);
        if (lead) {
          this.shared.unreadable.note('search', skipped);
          return lead;
        }
        skipped++;
      }
    }
    this.shared.unreadable.note('search', skipped);
    return undefined;
  }

  async readLeadContext(leadId: string): Promise<LeadContext | undefined> {
    const read = await this.readFromSalesforce(leadId).catch(async (error: unknown) => {
      // Salesforce out of reach: the card shows what Baton last read, plus what the rep did since.
      const kept = isOutOfReach(error)
        ? ((await this.crm.contacts.get(leadId))?.read as SalesforceRead | undefined)
        : undefined;
      if (!kept) throw error;
      return kept;
    });
    if (!read) return undefined;
    return this.context(leadId, read.lead, read.attempts, read.touches);
  }

  /** The record and its activity in one composite call (at most five queries, Salesforce's cap). */
  private readFromSalesforce(leadId: string): Promise<SalesforceRead | undefined> {
    return this.shared.reads.read(leadId, async () => {
      const recordId = requireRecordId(leadId);
      const object = objectOf(recordId);
      if (!object) return undefined;
      const id = soqlId(recordId);
      const who = object === 'Lead' ? 'LeadId' : 'ContactId';
      const query = (referenceId: string, soql: string): CompositeSubrequest => ({
        method: 'GET',
        referenceId,
        url: paths.query(soql),
      });
      const answers = await this.client.composite(
        [
          query('record', `SELECT ${this.select(object)} FROM ${object} WHERE Id = ${id}`),
          query(
            'tasks',
            `SELECT ${TASK_FIELDS.join(', ')} FROM Task WHERE WhoId = ${id} ORDER BY CreatedDate DESC LIMIT ${ACTIVITY_LIMIT}`,
          ),
          query(
            'events',
            `SELECT ${EVENT_FIELDS.join(', ')} FROM Event WHERE WhoId = ${id} ORDER BY CreatedDate DESC LIMIT ${ACTIVITY_LIMIT}`,
          ),
          query(
            'campaigns',
            `SELECT ${CAMPAIGN_MEMBER_FIELDS.join(', ')} FROM CampaignMember WHERE ${who} = ${id} ORDER BY CreatedDate DESC LIMIT ${ACTIVITY_LIMIT}`,
          ),
          ...(object === 'Lead'
            ? [
                query(
                  'owners',
                  `SELECT OldValue, NewValue, CreatedDate FROM LeadHistory WHERE LeadId = ${id} AND Field = 'Owner' ORDER BY CreatedDate DESC LIMIT 10`,
                ),
              ]
            : []),
        ],
        { allOrNone: false, read: true },
      );
      const byRef = new Map(answers.map((answer) => [answer.referenceId, answer]));
      const rows = (ref: string) => {
        const answer = byRef.get(ref);
        return answer ? queryRecords(answer) : [];
      };
      const [raw] = rows('record');
      if (raw === undefined) return undefined;
      const ownerId = (raw as { OwnerId?: unknown }).OwnerId;
      const lead = recordToLead(
        raw,
        this.setup,
        ownerChangeOf(rows('owners'), typeof ownerId === 'string' ? ownerId : undefined),
      );
      if (!lead) {
        this.shared.unreadable.note('card', 1);
        return undefined;
      }
      let unreadable = 0;
      const attempts: Attempt[] = [];
      for (const task of rows('tasks')) {
        const attempt = taskToAttempt(task, leadId);
        if (attempt === 'unreadable') unreadable++;
        else if (attempt) attempts.push(attempt);
      }
      for (const event of rows('events')) {
        const attempt = eventToAttempt(event, leadId);
        if (attempt === 'unreadable') unreadable++;
        else attempts.push(attempt);
      }
      const touches: Touch[] = [];
      for (const member of rows('campaigns')) {
        const touch = campaignMemberToTouch(member, leadId);
        if (touch === 'unreadable') unreadable++;
        else if (touch) touches.push(touch);
      }
      this.shared.unreadable.note('card', unreadable);
      const read: SalesforceRead = { lead, attempts, touches };
      // Kept, so a write can answer with the lead without asking Salesforce, and the card opens offline.
      await this.crm.contacts.put({ leadId, lead, read, readAt: Date.now() });
      return read;
    });
  }

  /** My open Leads (and, by setting, Contacts) in the statuses the team calls MQL. */
  async listQueue(query: QueueQuery): Promise<Lead[]> {
    // The queue's owner setting may be an email (the local store's); Salesforce's owner is a user id.
    const owner = query.owner && SALESFORCE_ID.test(query.owner) ? query.owner : this.connection.userId;
    const limit = Math.min(query.limit ?? 1000, 1000);
    const statuses = soqlList(this.setup.mqlStatuses);
    const ownerFilter = ` AND OwnerId = ${soqlId(owner)}`;
    const leads = await this.client.query(
      `SELECT ${this.select('Lead')} FROM Lead WHERE IsConverted = false AND Status IN ${statuses}${ownerFilter} ORDER BY CreatedDate ASC LIMIT ${limit}`,
      this.asLead,
      limit,
    );
    const contacts = this.contactsWorked
      ? await this.client.query(
          `SELECT ${this.select('Contact')} FROM Contact WHERE ${soqlField(this.setup.contactStatusField)} IN ${statuses}${ownerFilter} ORDER BY CreatedDate ASC LIMIT ${limit}`,
          this.asLead,
          limit,
        )
      : { records: [], skipped: 0 };
    const found = this.toLeads(
      { records: [...leads.records, ...contacts.records], skipped: leads.skipped + contacts.skipped },
      'queue',
    );
    // A hand-back still on its way already takes the lead out of the queue.
    const waiting = await this.outbox.pending();
    return found.map((lead) => withPendingWrites(lead, waiting)).filter((lead) => lead.stage === 'mql');
  }

  /** Name, email or company starting with the text, among open Leads (and worked Contacts). */
  async search(text: string, limit = 20): Promise<Lead[]> {
    const needle = text.trim().slice(0, 80);
    if (!needle) return [];
    const like = soqlLikePrefix(needle);
    const leads = await this.client.query(
      `SELECT ${this.select('Lead')} FROM Lead WHERE IsConverted = false AND (Name LIKE ${like} OR Email LIKE ${like} OR Company LIKE ${like}) ORDER BY LastModifiedDate DESC LIMIT ${limit}`,
      this.asLead,
      limit,
    );
    const contacts = await this.client.query(
      `SELECT ${this.select('Contact')} FROM Contact WHERE Name LIKE ${like} OR Email LIKE ${like} ORDER BY LastModifiedDate DESC LIMIT ${limit}`,
      this.asLead,
      limit,
    );
    return this.toLeads(
      {
        records: [...leads.records, ...contacts.records].slice(0, limit),
        skipped: leads.skipped + contacts.skipped,
      },
      'search',
    );
  }

  /** The sync line names Salesforce, and says so while reads are paused for the org's allowance. */
  async syncNotice(): Promise<{ crmName: 'Salesforce'; readsPaused?: string }> {
    const usage = this.shared.usage.snapshot();
    return usage && usage.used >= usage.max * READ_PAUSE_SHARE
      ? { crmName: 'Salesforce', readsPaused: new SalesforceReadsPaused(usage.used, usage.max).message }
      : { crmName: 'Salesforce' };
  }

  async unreadableRecords(): Promise<number> {
    return this.shared.unreadable.total();
  }

  /** Refused before it is queued when a field has nowhere to go in this org: the rep is told which. */
  override async updateFields(leadId: string, patch: LeadPatch, now: Date): Promise<Lead> {
    const recordId = requireRecordId(leadId);
    const object = objectOf(recordId) ?? 'Lead';
    const { unmapped } = patchToFields(patch, object, this.setup);
    if (unmapped.length > 0)
      throw new Error(
        `Salesforce has no field set up for ${unmapped.join(', ')} on ${object === 'Lead' ? 'Leads' : 'Contacts'}: pick one in options › Salesforce, or edit it in Salesforce.`,
      );
    return super.updateFields(leadId, patch, now);
  }

  /** The last copy read from Salesforce (the card reads it first), or Salesforce's current one. */
  protected async knownLead(leadId: string): Promise<Lead> {
    const kept = await this.crm.contacts.get(leadId);
    if (kept) return kept.lead;
    const read = await this.readFromSalesforce(leadId);
    if (!read) throw new LeadNotFoundError(leadId);
    return read.lead;
  }

  /**
   * The report from Salesforce (see report-read.ts), kept per period: a second open of the same
   * period costs no API call until `forgetReportData` (the page's Refresh).
   */
  readReportData(window: ReportWindow, hooks: ReportReadHooks = {}): Promise<ReportDataWire> {
    return this.shared.reports.read(window, async () => {
      const read = await readSalesforceReport(this.client, {
        window,
        setup: this.setup,
        library: await this.local.assets.toArray(),
        onProgress: hooks.onProgress,
      });
      this.shared.unreadable.note('report', read.skipped);
      const { skipped: _skipped, apiCalls: _apiCalls, ...data } = read;
      return data;
    });
  }

  async forgetReportData(window: ReportWindow): Promise<void> {
    this.shared.reports.forget(window);
  }
}

/** Salesforce out of reach (offline, down) or reads paused for the org's allowance: the last copy read stands in. */
const isOutOfReach = (error: unknown) =>
  (error instanceof SalesforceError && error.status === undefined) || error instanceof SalesforceReadsPaused;

/** The records of one composite query answer; a failed subrequest throws its named error. */
function queryRecords(answer: { referenceId: string; status: number; body: unknown }): unknown[] {
  if (answer.status >= 400) throw errorFor(answer.status, answer.body, `the ${answer.referenceId} query`);
  const page = QueryPage.safeParse(answer.body);
  if (!page.success)
    throw new SalesforceError(
      `Unexpected answer from Salesforce for the ${answer.referenceId} query`,
      answer.status,
      false,
      'UNEXPECTED_ANSWER',
    );
  return page.data.records;
}
