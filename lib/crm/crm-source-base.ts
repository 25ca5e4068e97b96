import Dexie, { type Table } from 'dexie';
import type { LeadContext, LeadSource, NewLead, QueueQuery } from '../lead-source/lead-source';
import { type QueueEntriesOptions, queueEntriesFromActivity } from '../lead-source/queue-entries';
import {
  type Asset,
  AssetSent,
  type Attempt,
  ContentRequest,
  Disposition,
  type Lead,
  type LeadIdentity,
  LeadPatch,
  type Touch,
} from '../model/schemas';
import { withPendingWrites } from '../outbox/overlay';
import { DexieOutbox } from '../outbox/store';
import type { QueueEntry } from '../queue/queue-entry';
import type { CrmDb } from '../store/crm-db';
import type { BatonDb } from '../store/db';

/**
 * What every connected CRM's LeadSource does the same way: the rep's writes are kept locally first
 * with their outbox entry (one transaction, lib/outbox), the card shows them at once on top of
 * the CRM's copy, and the background's flusher sends them with the CRM's own sender. A CRM's
 * source extends this and brings what only it knows: its reads, which leads are its own, and the
 * last copy of a lead it read.
 */
export abstract class CrmSourceBase
  implements
    Pick<
      LeadSource,
      | 'readActivity'
      | 'activityChanged'
      | 'queueEntries'
      | 'addLead'
      | 'linkIdentity'
      | 'logAttempt'
      | 'removeAttempt'
      | 'updateFields'
      | 'setDisposition'
      | 'undoDisposition'
      | 'recordAssetSent'
      | 'recordContentRequest'
      | 'listAssets'
    >
{
  protected readonly outbox: DexieOutbox;

  constructor(
    protected readonly local: BatonDb,
    protected readonly crm: CrmDb,
    /** Wakes the flusher: after the undo window (the default) or at once (0). */
    private readonly onQueued: (delayMs?: number) => void,
  ) {
    this.outbox = new DexieOutbox(crm);
  }

  /** The CRM's name, in what the rep is told. */
  protected abstract readonly crmName: 'HubSpot' | 'Salesforce';
  /** The CRM's last copy of the lead (or a fresh read): a write never waits on an unknown lead. */
  protected abstract knownLead(leadId: string): Promise<Lead>;
  /** Throws when the id is not one of this CRM's leads. */
  protected abstract requireOwn(leadId: string): void;
  abstract listQueue(query: QueueQuery): Promise<Lead[]>;

  queueEntries(query: QueueQuery, options: QueueEntriesOptions): Promise<QueueEntry[]> {
    return queueEntriesFromActivity(this as unknown as LeadSource, query, options);
  }

  /** Local imports and the sample workspace do not touch what the CRM holds: nothing to forget. */
  async activityChanged(): Promise<void> {}

  async addLead(_input: NewLead, _now: Date): Promise<Lead> {
    throw new Error(
      `With ${this.crmName} connected, add the lead in ${this.crmName}: Baton reads it from there.`,
    );
  }

  async linkIdentity(_leadId: string, _identity: LeadIdentity, _now: Date): Promise<Lead> {
    throw new Error(
      `With ${this.crmName} connected, add the email or profile to the record in ${this.crmName}.`,
    );
  }

  listAssets(): Promise<Asset[]> {
    return this.local.assets.toArray();
  }

  /** Baton's mirror of the attempts it logged on a lead (what the queue reads: no request per lead). */
  protected mirrored(leadId: string): Promise<Attempt[]> {
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

  /**
   * The card's context: the CRM's lead and activity merged with what the rep did that is still on
   * its way (pending attempts shown, removed ones hidden, hand-backs applied to the stage).
   */
  protected async context(
    leadId: string,
    lead: Lead,
    inCrm: readonly Attempt[],
    crmTouches: readonly Touch[],
    /** A CRM's own reading of the stage given the rep's hand-backs (HubSpot's Leads mode). */
    adjust: (lead: Lead, dispositions: readonly Disposition[]) => Lead = (l) => l,
  ): Promise<LeadContext> {
    const localCopies = await this.mirrored(leadId);
    const entries = await this.outbox.forLead(leadId);
    const removing = new Set(entries.filter((e) => e.kind === 'removeAttempt').map((e) => e.attempt.id));
    const local = new Map(localCopies.map((attempt) => [attempt.id, attempt]));
    const attempts = [
      // The CRM's copy, with Baton's sync state where Baton logged it.
      ...inCrm
        .filter((a) => !removing.has(a.id))
        .map((a) => ({ ...a, sync: local.get(a.id)?.sync ?? a.sync })),
      ...localCopies.filter((a) => !inCrm.some((h) => h.id === a.id)),
    ];
    attempts.sort((a, b) => b.at.localeCompare(a.at));
    const byLead = <T, I>(table: Table<T, string, I>) =>
      table.where('[leadId+at]').between([leadId, Dexie.minKey], [leadId, Dexie.maxKey]).toArray();
    // Records kept locally (before hand-backs went through the outbox) and outboxed ones, as one list.
    const union = <T extends { id: string }>(older: T[], outboxed: T[]) => [
      ...new Map([...older, ...outboxed].map((row) => [row.id, row])).values(),
    ];
    const [localTouches, dispositions, assetsSent, contentRequests] = await Promise.all([
      byLead(this.local.touches),
      Promise.all([byLead(this.local.dispositions), byLead(this.crm.dispositions)]).then(([a, b]) =>
        union(a, b),
      ),
      Promise.all([byLead(this.local.assetsSent), byLead(this.crm.assetsSent)]).then(([a, b]) => union(a, b)),
      Promise.all([byLead(this.local.contentRequests), byLead(this.crm.contentRequests)]).then(([a, b]) =>
        union(a, b),
      ),
    ]);
    const touches = [...crmTouches, ...localTouches].sort((a, b) => b.at.localeCompare(a.at));
    return {
      lead: withPendingWrites(adjust(lead, dispositions), entries),
      touches,
      attempts,
      dispositions: dispositions.sort((a, b) => a.at.localeCompare(b.at)),
      assetsSent,
      contentRequests,
    };
  }

  /** Local first: kept with its outbox entry at once; the flusher sends it after the undo window. */
  async logAttempt(attempt: Attempt): Promise<Attempt> {
    this.requireOwn(attempt.leadId);
    await this.outbox.logAttempt(attempt);
    this.onQueued();
    return { ...attempt, sync: 'pending' };
  }

  async removeAttempt(attemptId: string): Promise<void> {
    await this.outbox.enqueueRemoval(attemptId);
    this.onQueued(0);
  }

  /** Local first: the patch is queued and shown at once; the CRM gets it from the flusher. */
  async updateFields(leadId: string, patch: LeadPatch, now: Date): Promise<Lead> {
    const changes = LeadPatch.parse(patch);
    const known = await this.knownLead(leadId);
    await this.outbox.enqueue(
      leadId,
      { kind: 'updateFields', patch: changes },
      now.getTime(),
      `fields:${crypto.randomUUID()}`,
    );
    this.onQueued(0);
    return withPendingWrites(known, await this.outbox.forLead(leadId));
  }

  /** Local first: the hand-back is queued (sent after the undo window) and the stage moves at once. */
  async setDisposition(input: Disposition): Promise<Lead> {
    const disposition = Disposition.parse(input);
    const known = await this.knownLead(disposition.leadId);
    const before = withPendingWrites(known, await this.outbox.forLead(disposition.leadId));
    await this.outbox.enqueue(disposition.leadId, {
      kind: 'disposition',
      disposition: {
        ...disposition,
        previousStage: before.stage,
        ...(before.crmStage ? { previousCrmStage: before.crmStage } : {}),
      },
    });
    this.onQueued();
    return withPendingWrites(known, await this.outbox.forLead(disposition.leadId));
  }

  /** Never sent → it simply goes; sent (or maybe sent) → a reversing entry is queued. */
  async undoDisposition(dispositionId: string): Promise<Lead> {
    const older = await this.local.dispositions.get(dispositionId);
    const disposition = (await this.crm.dispositions.get(dispositionId)) ?? older;
    if (!disposition) throw new Error(`No hand-back with id "${dispositionId}" to undo`);
    const known = await this.knownLead(disposition.leadId);
    await this.outbox.enqueueUndoDisposition(dispositionId, older);
    if (older) await this.local.dispositions.delete(dispositionId);
    this.onQueued(0);
    return withPendingWrites(known, await this.outbox.forLead(disposition.leadId));
  }

  async recordAssetSent(input: AssetSent): Promise<void> {
    const sent = AssetSent.parse(input);
    this.requireOwn(sent.leadId);
    const asset = await this.local.assets.get(sent.assetId);
    await this.outbox.enqueue(sent.leadId, {
      kind: 'assetSent',
      sent,
      asset: asset && { title: asset.title, url: asset.url },
    });
    this.onQueued(0);
  }

  async recordContentRequest(input: ContentRequest): Promise<void> {
    const request = ContentRequest.parse(input);
    this.requireOwn(request.leadId);
    await this.outbox.enqueue(request.leadId, { kind: 'contentRequest', request });
    this.onQueued(0);
  }
}
