import {
  type LeadContext,
  LeadNotFoundError,
  type LeadSource,
  type QueueQuery,
  type ReportReadHooks,
} from '../../lead-source/lead-source';
import {
  type Attempt,
  Attempt as AttemptSchema,
  type Disposition,
  type Lead,
  type LeadIdentity,
} from '../../model/schemas';
import { withPendingWrites } from '../../outbox/overlay';
import type { ReportDataWire, ReportWindow } from '../../report/report-data-schema';
import type { CrmDb } from '../../store/crm-db';
import type { BatonDb } from '../../store/db';
import type { HubSpotConnection } from '../connection';
import { CrmSourceBase } from '../crm-source-base';
import { ReadCache } from '../read-cache';
import { ReportCache } from '../report-cache';
import { type ReadKind, UnreadableRecords } from '../unreadable';
import type { CrmObject } from './api';
import { type HubSpotClient, HubSpotError } from './client';
import { contentTouches } from './content-touches';
import { LeadRecords, withLeadRecord } from './leads-object';
import {
  CONTACT_HISTORY_PROPERTIES,
  contactProperties,
  contactToLead,
  ENGAGEMENT_PROPERTIES,
  engagementToAttempt,
  requireContactId,
} from './mapping';
import { RequestPacer } from './pacer';
import { readHubSpotReport } from './report-read';
import { leadsSetupOf } from './setup';

const ATTEMPT_TYPES = ['calls', 'emails', 'communications'] as const;

/**
 * What a card reads from HubSpot itself: the contact (with its owner and content history), its
 * engagements as attempts, and in Leads mode the lead record it is worked under.
 */
export type HubSpotRead = { contact: CrmObject; attempts: Attempt[]; leadRecord?: CrmObject };

/**
 * What the background's HubSpot source and writer share: one rate-limit pace, one cache of card
 * reads (which the writer's sends clear), and the contact ids of emails looked up lately.
 */
export type HubSpotShared = {
  pacer: RequestPacer;
  reads: ReadCache<HubSpotRead>;
  emails: ReadCache<string>;
  /** Records HubSpot sent that could not be read: left out, and counted for the sync line. */
  unreadable: UnreadableRecords;
  /** The report's reads, per period, kept until the page's Refresh (or a disconnect). */
  reports: ReportCache;
};
/** Forgets every HubSpot record held in memory (disconnect, clear all data). */
export function forgetHubSpotShared(shared: HubSpotShared): void {
  shared.reads.clear();
  shared.emails.clear();
  shared.unreadable.clear();
  shared.reports.clear();
}
export const newHubSpotShared = (): HubSpotShared => ({
  pacer: new RequestPacer(),
  reads: new ReadCache(),
  emails: new ReadCache(60_000, Date.now, 1_000),
  unreadable: new UnreadableRecords(),
  reports: new ReportCache(),
});

/**
 * HubSpot as the source of leads: the CRM is the system of record for contacts and their
 * activity. Every write the rep makes (attempt, field update, hand-back, asset sent, content
 * request) is kept locally first with its outbox entry (`lib/outbox`), and the background's
 * flusher sends it (`HubSpotWriter`, writer.ts); until then the card shows it on top of HubSpot's
 * copy. The asset library stays in the local store; lead ids are `hubspot:<contactId>`.
 */
export class HubSpotLeadSource extends CrmSourceBase implements LeadSource {
  protected readonly crmName = 'HubSpot';

  constructor(
    private readonly client: HubSpotClient,
    private readonly connection: HubSpotConnection,
    local: BatonDb,
    crm: CrmDb,
    onQueued: (delayMs?: number) => void = () => {},
    /** Shared with the writer (writer.ts), so the flusher's sends clear what the card cached. */
    private readonly shared: Pick<
      HubSpotShared,
      'reads' | 'emails' | 'unreadable' | 'reports'
    > = newHubSpotShared(),
  ) {
    super(local, crm, onQueued);
  }

  protected requireOwn(leadId: string): void {
    requireContactId(leadId);
  }

  private get properties() {
    return contactProperties(this.connection.fieldMap, this.connection.setup);
  }

  /** The Leads object's setup when the team works it (Leads mode), else undefined. */
  private get leadsSetup() {
    return leadsSetupOf(this.connection.setup);
  }

  /** A contact as a lead, and in Leads mode with what its lead record says (stage, owner, SLA start). */
  private asLead(contact: CrmObject, leadRecord?: CrmObject): Lead | undefined {
    const lead = contactToLead(contact, this.connection.fieldMap, this.connection.setup);
    const leads = this.leadsSetup;
    if (!lead || !leads || !leadRecord) return lead;
    return withLeadRecord(lead, leadRecord, leads, this.connection.setup.ownerNames);
  }

  /** Contacts as leads, one by one: one that cannot be read is left out and counted under `kind`. */
  private toLeads(contacts: readonly CrmObject[], kind: ReadKind, skippedByClient = 0): Lead[] {
    const leads = contacts.flatMap((contact) => this.asLead(contact) ?? []);
    this.shared.unreadable.note(kind, skippedByClient + contacts.length - leads.length);
    return leads;
  }

  async findByIdentity(identity: LeadIdentity): Promise<Lead | undefined> {
    if (identity.crm?.system === 'hubspot') {
      const contact = await this.client.getContact(identity.crm.id, this.properties);
      const lead = contact && this.asLead(contact);
      if (lead) return lead;
    }
    for (const email of identity.emails) {
      // A thread's sender is looked up on every refresh: an email seen lately skips the search.
      const knownId = this.shared.emails.get(email);
      const known = knownId ? this.shared.reads.get(knownId) : undefined;
      const knownLead = known && this.asLead(known.contact, known.leadRecord);
      if (knownLead) return knownLead;
      const found = await this.client.search(
        'contacts',
        [{ propertyName: 'email', operator: 'EQ', value: email }],
        this.properties,
        1,
      );
      const [lead] = this.toLeads(found.results, 'search', found.skipped);
      if (!lead) continue;
      this.shared.emails.set(email, lead.id);
      return lead;
    }
    return undefined;
  }

  async readLeadContext(leadId: string): Promise<LeadContext | undefined> {
    const fromHubSpot = await this.readFromHubSpot(leadId).catch(async (error: unknown) => {
      // HubSpot out of reach (offline, down): the card shows what Baton last read, plus what the rep did since.
      const unreachable = error instanceof HubSpotError && error.status === undefined;
      // What readFromHubSpot kept: the store keeps a CRM's reads in the reader's own shape.
      const kept = unreachable
        ? ((await this.crm.contacts.get(leadId))?.read as HubSpotRead | undefined)
        : undefined;
      if (!kept) throw error;
      return kept;
    });
    if (!fromHubSpot) return undefined;
    const { contact, attempts: inHubSpot, leadRecord } = fromHubSpot;
    const lead = this.asLead(contact, leadRecord);
    if (!lead) return undefined;
    const touches = contentTouches(contact, leadId);
    return this.context(leadId, lead, inHubSpot, touches, (l, dispositions) =>
      this.leadsSetup && leadRecord ? recycledIfSaid(l, dispositions) : l,
    );
  }

  private readFromHubSpot(leadId: string): Promise<HubSpotRead | undefined> {
    return this.shared.reads.read(leadId, async () => {
      const contactId = requireContactId(leadId);
      const contact = await this.client.getContact(contactId, this.properties, CONTACT_HISTORY_PROPERTIES);
      if (!contact) return undefined;
      const leads = this.leadsSetup;
      const [perType, leadRecord] = await Promise.all([
        Promise.all(ATTEMPT_TYPES.map((type) => this.attemptsOf(contactId, type))),
        leads ? new LeadRecords(this.client, leads).forContact(contactId) : undefined,
      ]);
      const lead = this.asLead(contact, leadRecord?.record);
      if (!lead) {
        this.shared.unreadable.note('card', 1);
        return undefined;
      }
      const attempts = perType.flatMap((read) => read.attempts);
      this.shared.unreadable.note(
        'card',
        perType.reduce((sum, read) => sum + read.skipped, 0) + (leadRecord?.skipped ?? 0),
      );
      const read: HubSpotRead = { contact, attempts, leadRecord: leadRecord?.record };
      // Kept, so a write can answer with the lead without asking HubSpot, and the card opens offline.
      await this.crm.contacts.put({ leadId, lead, read, readAt: Date.now() });
      return read;
    });
  }

  /** A contact's engagements of one type as attempts; `skipped`: records that could not be read. */
  private async attemptsOf(
    contactId: string,
    type: (typeof ATTEMPT_TYPES)[number],
  ): Promise<{ attempts: Attempt[]; skipped: number }> {
    const ids = await this.client.associatedIds(contactId, type);
    const { results, skipped } = await this.client.batchRead(type, ids, ENGAGEMENT_PROPERTIES[type]);
    const attempts: Attempt[] = [];
    let unreadable = skipped;
    for (const engagement of results) {
      const attempt = engagementToAttempt(type, engagement, contactId);
      if (attempt === undefined) continue; // not an attempt (an SMS, say)
      const checked = AttemptSchema.safeParse(attempt);
      if (checked.success) attempts.push(checked.data);
      else unreadable++;
    }
    return { attempts, skipped: unreadable };
  }

  async listQueue(query: QueueQuery): Promise<Lead[]> {
    const owner = query.owner ?? this.connection.ownerId;
    const leads = this.leadsSetup;
    const fetched = leads
      ? await this.leadRecordQueue(leads, owner, Math.min(query.limit ?? 1000, 1000))
      : await this.contactQueue(owner, Math.min(query.limit ?? 1000, 1000));
    // A hand-back still on its way already takes the lead out of the queue.
    const waiting = await this.outbox.pending();
    return fetched.map((lead) => withPendingWrites(lead, waiting)).filter((lead) => lead.stage === 'mql');
  }

  /** Leads mode: my open lead records in the stages to work, as their primary contacts. */
  private async leadRecordQueue(
    leads: NonNullable<HubSpotLeadSource['leadsSetup']>,
    owner: string,
    limit: number,
  ): Promise<Lead[]> {
    const { records, skipped } = await new LeadRecords(this.client, leads).toWork(owner || undefined, limit);
    const contactIds = [...new Set(records.map((row) => row.contactId))];
    const contacts = await this.client.batchRead('contacts', contactIds, this.properties);
    const byId = new Map(contacts.results.map((contact) => [contact.id, contact]));
    const found: Lead[] = [];
    const seen = new Set<string>();
    let unreadable = skipped + contacts.skipped;
    for (const { record, contactId } of records) {
      const contact = byId.get(contactId);
      const lead = contact && this.asLead(contact, record);
      if (!lead) {
        if (contact) unreadable++;
        continue;
      }
      // One card per person: a contact with two open lead records is worked once.
      if (seen.has(lead.id)) continue;
      seen.add(lead.id);
      found.push(lead);
    }
    this.shared.unreadable.note('queue', unreadable);
    return found;
  }

  /** Contacts mode: my contacts at the MQL lifecycle stage. */
  private async contactQueue(owner: string, limit: number): Promise<Lead[]> {
    const filters = [
      { propertyName: 'lifecyclestage', operator: 'EQ' as const, value: 'marketingqualifiedlead' },
      ...(owner ? [{ propertyName: 'hubspot_owner_id', operator: 'EQ' as const, value: owner }] : []),
    ];
    const found = await this.client.searchUpTo('contacts', filters, this.properties, limit);
    // Counted under 'queue' as they are read: records the client could not parse, and contacts that are not leads.
    return this.toLeads(found.results, 'queue', found.skipped);
  }

  async search(text: string, limit = 20): Promise<Lead[]> {
    const needle = text.trim();
    if (!needle) return [];
    const property = needle.includes('@') ? 'email' : 'firstname';
    const found = await this.client.search(
      'contacts',
      [{ propertyName: property, operator: 'CONTAINS_TOKEN', value: `${needle}*` }],
      this.properties,
      limit,
    );
    return this.toLeads(found.results, 'search', found.skipped);
  }

  async syncNotice(): Promise<{ crmName: 'HubSpot' }> {
    return { crmName: 'HubSpot' };
  }

  /** How many records the latest reads left out because they could not be read. */
  async unreadableRecords(): Promise<number> {
    return this.shared.unreadable.total();
  }

  /**
   * The last copy of the contact read from HubSpot (the card always reads it first), or HubSpot's
   * current one. A write checks this before it is queued, so it never waits on an unknown lead.
   */
  protected async knownLead(leadId: string): Promise<Lead> {
    const kept = await this.crm.contacts.get(leadId);
    if (kept) return kept.lead;
    const contact = await this.client.getContact(requireContactId(leadId), this.properties);
    if (!contact) throw new LeadNotFoundError(leadId);
    const lead = this.asLead(contact);
    if (!lead) throw new Error('HubSpot sent this contact in a form Baton cannot read');
    await this.crm.contacts.put({ leadId, lead, readAt: Date.now() });
    return lead;
  }

  /**
   * The report from HubSpot (see report-read.ts), kept per period: a second open of the same
   * period asks HubSpot nothing until `forgetReportData` (the page's Refresh). Paced with the
   * other reads by the client's pacer.
   */
  readReportData(window: ReportWindow, hooks: ReportReadHooks = {}): Promise<ReportDataWire> {
    return this.shared.reports.read(window, async () => {
      const read = await readHubSpotReport(this.client, {
        window,
        fieldMap: this.connection.fieldMap,
        library: await this.local.assets.toArray(),
        onProgress: hooks.onProgress,
      });
      this.shared.unreadable.note('report', read.skipped);
      const { skipped: _skipped, ...data } = read;
      return data;
    });
  }

  async forgetReportData(window: ReportWindow): Promise<void> {
    this.shared.reports.forget(window);
  }
}

/**
 * HubSpot's Leads object has one closing stage for both kinds of hand-back: a lead Baton recycled
 * reads back as unqualified, and the rep's latest hand-back says which it was.
 */
function recycledIfSaid(lead: Lead, dispositions: readonly Disposition[]): Lead {
  if (lead.stage !== 'disqualified') return lead;
  const latest = [...dispositions].sort((a, b) => b.at.localeCompare(a.at))[0];
  return latest?.kind === 'recycle' ? { ...lead, stage: 'recycled' } : lead;
}
