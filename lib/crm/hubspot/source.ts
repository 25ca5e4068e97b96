import Dexie from 'dexie';
import type {
  Asset,
  AssetSent,
  Attempt,
  ContentRequest,
  Disposition,
  Lead,
  LeadIdentity,
  LeadPatch,
  Touch,
} from '../../model/schemas';
import { DexieOutbox } from '../../outbox/store';
import type { LeadContext, LeadSource, NewLead, QueueQuery } from '../../source/lead-source';
import type { BatonDb } from '../../store/db';
import type { CrmDb, HubSpotConnection } from '../connection';
import type { CrmObject, EngagementType } from './api';
import { type HubSpotClient, HubSpotError } from './client';
import {
  attemptTag,
  attemptToEngagement,
  contactIdOf,
  contactProperties,
  contactToLead,
  conversionTouches,
  dispositionToWrites,
  ENGAGEMENT_PROPERTIES,
  engagementToAttempt,
  engagementTypeFor,
  patchToProperties,
  TAG_PROPERTY,
} from './mapping';

const ATTEMPT_TYPES = ['calls', 'emails', 'communications'] as const;

/**
 * HubSpot as the source of leads: the CRM is the system of record for contacts and their
 * activity. What HubSpot has no place for (the asset library, assets sent, content requests,
 * Baton's own record of hand-backs) stays in the local store, keyed by the lead id
 * `hubspot:<contactId>`; attempts Baton logs are mirrored locally for the queue's SLA clock.
 */
export class HubSpotLeadSource implements LeadSource {
  private readonly outbox: DexieOutbox;

  constructor(
    private readonly client: HubSpotClient,
    private readonly connection: HubSpotConnection,
    private readonly local: BatonDb,
    private readonly crm: CrmDb,
    /** Called when a write was queued: the background wakes the flusher. */
    private readonly onQueued: () => void = () => {},
  ) {
    this.outbox = new DexieOutbox(crm);
  }

  private get properties() {
    return contactProperties(this.connection.fieldMap);
  }

  private contactId(leadId: string): string {
    const id = contactIdOf(leadId);
    if (!id) throw new Error(`"${leadId}" is not a HubSpot lead`);
    return id;
  }

  async findByIdentity(identity: LeadIdentity): Promise<Lead | undefined> {
    if (identity.crm?.system === 'hubspot') {
      const contact = await this.client.getContact(identity.crm.id, this.properties);
      if (contact) return contactToLead(contact, this.connection.fieldMap);
    }
    for (const email of identity.emails) {
      const found = await this.client.search(
        'contacts',
        [{ propertyName: 'email', operator: 'EQ', value: email }],
        this.properties,
        1,
      );
      const contact = found.results[0];
      if (contact) return contactToLead(contact, this.connection.fieldMap);
    }
    return undefined;
  }

  async readLeadContext(leadId: string): Promise<LeadContext | undefined> {
    const contactId = this.contactId(leadId);
    const contact = await this.client.getContact(contactId, this.properties);
    if (!contact) return undefined;
    const inHubSpot = (
      await Promise.all(ATTEMPT_TYPES.map((type) => this.attemptsOf(contactId, type)))
    ).flat();
    // Merged with the local copies of attempts still on their way (outbox), minus those being removed.
    const localCopies = await this.mirrored(leadId);
    const outboxEntries = await this.crm.outbox.where('leadId').equals(leadId).toArray();
    const removing = new Set(
      outboxEntries.filter((e) => e.kind === 'removeAttempt').map((e) => e.attempt.id),
    );
    const local = new Map(localCopies.map((attempt) => [attempt.id, attempt]));
    const attempts = [
      // HubSpot's copy, with Baton's sync state where Baton logged it.
      ...inHubSpot
        .filter((a) => !removing.has(a.id))
        .map((a) => ({ ...a, sync: local.get(a.id)?.sync ?? a.sync })),
      ...localCopies.filter((a) => !inHubSpot.some((h) => h.id === a.id)),
    ];
    attempts.sort((a, b) => b.at.localeCompare(a.at));
    const range = [
      [leadId, Dexie.minKey],
      [leadId, Dexie.maxKey],
    ] as const;
    const [localTouches, dispositions, assetsSent, contentRequests] = await Promise.all([
      this.local.touches
        .where('[leadId+at]')
        .between(...range)
        .toArray(),
      this.local.dispositions
        .where('[leadId+at]')
        .between(...range)
        .toArray(),
      this.local.assetsSent
        .where('[leadId+at]')
        .between(...range)
        .toArray(),
      this.local.contentRequests
        .where('[leadId+at]')
        .between(...range)
        .toArray(),
    ]);
    const touches: Touch[] = [...conversionTouches(contact), ...localTouches].sort((a, b) =>
      b.at.localeCompare(a.at),
    );
    return {
      lead: contactToLead(contact, this.connection.fieldMap),
      touches,
      attempts,
      dispositions,
      assetsSent,
      contentRequests,
    };
  }

  private async attemptsOf(contactId: string, type: (typeof ATTEMPT_TYPES)[number]): Promise<Attempt[]> {
    const ids = await this.client.associatedIds(contactId, type);
    const engagements = await this.client.batchRead(type, ids, ENGAGEMENT_PROPERTIES[type]);
    return engagements.flatMap((engagement) => engagementToAttempt(type, engagement, contactId) ?? []);
  }

  async listQueue(query: QueueQuery): Promise<Lead[]> {
    const owner = query.owner ?? this.connection.ownerId;
    const filters = [
      { propertyName: 'lifecyclestage', operator: 'EQ' as const, value: 'marketingqualifiedlead' },
      ...(owner ? [{ propertyName: 'hubspot_owner_id', operator: 'EQ' as const, value: owner }] : []),
    ];
    const limit = Math.min(query.limit ?? 1000, 1000);
    const leads: Lead[] = [];
    let after: string | undefined;
    do {
      const page = await this.client.search(
        'contacts',
        filters,
        this.properties,
        Math.min(200, limit - leads.length),
        after,
      );
      leads.push(...page.results.map((contact) => contactToLead(contact, this.connection.fieldMap)));
      after = page.paging?.next?.after;
    } while (after && leads.length < limit);
    return leads.filter((lead) => lead.stage === 'mql');
  }

  /** For the queue: Baton's own mirror of the attempts it logged (reading every contact's history would cost a request per contact). */
  private mirrored(leadId: string): Promise<Attempt[]> {
    return this.crm.attempts
      .where('[leadId+at]')
      .between([leadId, Dexie.minKey], [leadId, Dexie.maxKey])
      .toArray();
  }

  async readActivity(
    leadIds: readonly string[],
  ): Promise<Map<string, { attempts: Attempt[]; touches: Touch[] }>> {
    const activity = new Map<string, { attempts: Attempt[]; touches: Touch[] }>();
    for (const leadId of leadIds)
      activity.set(leadId, { attempts: await this.mirrored(leadId), touches: [] });
    return activity;
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
    return found.results.map((contact) => contactToLead(contact, this.connection.fieldMap));
  }

  async addLead(_input: NewLead, _now: Date): Promise<Lead> {
    throw new Error('With HubSpot connected, add the contact in HubSpot: Baton reads it from there.');
  }

  async updateFields(leadId: string, patch: LeadPatch, _now: Date): Promise<Lead> {
    const updated = await this.client.updateContact(
      this.contactId(leadId),
      patchToProperties(patch, this.connection.fieldMap),
    );
    const contact = (await this.client.getContact(updated.id, this.properties)) ?? updated;
    return contactToLead(contact, this.connection.fieldMap);
  }

  async linkIdentity(_leadId: string, _identity: LeadIdentity, _now: Date): Promise<Lead> {
    throw new Error('With HubSpot connected, add the email or profile to the contact in HubSpot.');
  }

  /** Local first: kept with its outbox entry at once; the flusher sends it after the undo window. */
  async logAttempt(attempt: Attempt): Promise<Attempt> {
    this.contactId(attempt.leadId);
    const existing = await this.crm.outbox.where('id').equals(attempt.id).first();
    if (existing && existing.tries === 0) {
      // An amended outcome or note before it was sent: the entry carries the new version.
      await this.crm.transaction('rw', this.crm.attempts, this.crm.outbox, async () => {
        await this.crm.attempts.put({ ...attempt, sync: 'pending' });
        await this.crm.outbox.put({ ...existing, attempt });
      });
    } else if (!existing && !(await this.crm.attempts.get(attempt.id))) {
      await this.outbox.enqueueAttempt(attempt);
    }
    this.onQueued();
    return { ...attempt, sync: 'pending' };
  }

  /**
   * Exactly once: the attempt id rides in the engagement (see `attemptTag`). A create that timed
   * out, lost its answer or met a server error may have been applied, so before creating again
   * we look for the tag (`checkFirst`, for retries), and after such a failure we look once more.
   */
  async createOnce(contactId: string, attempt: Attempt, checkFirst = false): Promise<CrmObject> {
    const { type, properties } = attemptToEngagement(attempt, this.connection.ownerId || undefined);
    if (checkFirst) {
      const existing = await this.findTagged(type, attempt);
      if (existing) return existing;
    }
    try {
      return await this.client.createEngagement(type, contactId, properties);
    } catch (error) {
      const unknownOutcome =
        error instanceof HubSpotError && (error.status === undefined || error.status >= 500);
      if (unknownOutcome) {
        const applied = await this.findTagged(type, attempt).catch(() => undefined);
        if (applied) return applied;
      }
      throw error;
    }
  }

  private async findTagged(
    type: EngagementType,
    attempt: Pick<Attempt, 'id' | 'outcome' | 'channel'>,
  ): Promise<CrmObject | undefined> {
    if (type === 'notes') return undefined;
    const property = TAG_PROPERTY[type];
    const found = await this.client.search(
      type,
      [{ propertyName: property, operator: 'CONTAINS_TOKEN', value: attempt.id }],
      [property],
      10,
    );
    return found.results.find(
      (row) =>
        row.properties[property]?.includes(attemptTag(attempt)) ||
        row.properties[property]?.includes(attempt.id),
    );
  }

  async removeAttempt(attemptId: string): Promise<void> {
    await this.outbox.enqueueRemoval(attemptId);
    this.onQueued();
  }

  /** Deletes the engagement an attempt became, if it exists (the outbox's removal entries). */
  async deleteLogged(attempt: Attempt): Promise<void> {
    const type = engagementTypeFor(attempt.channel);
    const engagement = await this.findTagged(type, attempt);
    if (engagement) await this.client.deleteEngagement(type, engagement.id);
  }

  async setDisposition(disposition: Disposition): Promise<Lead> {
    const contactId = this.contactId(disposition.leadId);
    const before = await this.client.getContact(contactId, this.properties);
    const { properties, note } = dispositionToWrites(disposition);
    await this.client.updateContact(contactId, properties);
    if (note)
      await this.client.createEngagement('notes', contactId, {
        hs_timestamp: disposition.at,
        hs_note_body: note,
      });
    const previousStage = before ? contactToLead(before, this.connection.fieldMap).stage : undefined;
    await this.local.dispositions.put({ ...disposition, previousStage });
    const after = await this.client.getContact(contactId, this.properties);
    if (!after) throw new Error(`HubSpot contact ${contactId} disappeared`);
    return contactToLead(after, this.connection.fieldMap);
  }

  async undoDisposition(dispositionId: string): Promise<Lead> {
    const disposition = await this.local.dispositions.get(dispositionId);
    if (!disposition) throw new Error(`No hand-back with id "${dispositionId}" to undo`);
    const contactId = this.contactId(disposition.leadId);
    if (disposition.kind === 'accept') {
      // HubSpot does not move a lifecycle stage backwards unless it is cleared first.
      await this.client.updateContact(contactId, { lifecyclestage: '' });
      await this.client.updateContact(contactId, { lifecyclestage: 'marketingqualifiedlead' });
    } else {
      await this.client.updateContact(contactId, { hs_lead_status: 'OPEN' });
    }
    await this.local.dispositions.delete(dispositionId);
    const after = await this.client.getContact(contactId, this.properties);
    if (!after) throw new Error(`HubSpot contact ${contactId} disappeared`);
    return contactToLead(after, this.connection.fieldMap);
  }

  async recordAssetSent(sent: AssetSent): Promise<void> {
    await this.local.assetsSent.put(sent);
  }

  async recordContentRequest(request: ContentRequest): Promise<void> {
    await this.local.contentRequests.put(request);
  }

  listAssets(): Promise<Asset[]> {
    return this.local.assets.toArray();
  }
}
