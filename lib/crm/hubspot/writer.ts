import type { Attempt, Disposition } from '../../model/schemas';
import type { OutboxEntry } from '../../outbox/entry';
import type { HubSpotConnection } from '../connection';
import { ReadCache, sendForgettingCard } from '../read-cache';
import type { CrmObject, EngagementType } from './api';
import { type HubSpotClient, HubSpotError } from './client';
import { LeadRecords, leadRecordDispositionWrites, stageBefore } from './leads-object';
import {
  assetSentNote,
  attemptTag,
  attemptToEngagement,
  contentRequestNote,
  dispositionToWrites,
  engagementTypeFor,
  noteBody,
  noteTag,
  patchToProperties,
  requireContactId,
  TAG_PROPERTY,
} from './mapping';
import { type LeadsSetup, leadsSetupOf } from './setup';

/**
 * HubSpot's write half: sends the outbox's entries (which `HubSpotLeadSource` queued) to HubSpot,
 * each exactly once. The background's flusher calls it through `hubspotSender`.
 */
export class HubSpotWriter {
  constructor(
    private readonly client: HubSpotClient,
    private readonly connection: Pick<HubSpotConnection, 'fieldMap' | 'ownerId' | 'setup'>,
    /** The card's read cache (shared with the source): a send forgets the lead it changes. */
    private readonly reads: Pick<ReadCache<unknown>, 'forget'> = new ReadCache(),
  ) {}

  /** Sends one outbox entry to HubSpot; throws what the client threw (the sender classifies it). */
  async sendWrite(entry: OutboxEntry): Promise<void> {
    const contactId = requireContactId(entry.leadId);
    await sendForgettingCard(this.reads, entry, () => this.send(contactId, entry));
  }

  private async send(contactId: string, entry: OutboxEntry): Promise<void> {
    // A second try may follow a send whose answer was lost: look for the write's tag first.
    const retrying = entry.tries > 1;
    switch (entry.kind) {
      case 'attempt': {
        const engagement = await this.createOnce(contactId, entry.attempt, retrying);
        await this.alsoOnLeadRecord(contactId, engagementTypeFor(entry.attempt.channel), engagement.id);
        return;
      }
      case 'removeAttempt':
        await this.deleteLogged(entry.attempt);
        return;
      case 'updateFields':
        await this.client.updateContact(contactId, patchToProperties(entry.patch, this.connection.fieldMap));
        return;
      case 'disposition': {
        const { properties, note } = dispositionToWrites(entry.disposition);
        const leads = leadsSetupOf(this.connection.setup);
        const record = leads && (await this.leadRecordOf(contactId, leads));
        // Leads mode moves the lead record; a contact without one is handed back as in contacts mode.
        if (leads && record)
          await this.client.updateRecord(
            'leads',
            record.id,
            leadRecordDispositionWrites(entry.disposition, leads),
          );
        else await this.client.updateContact(contactId, properties);
        if (note) await this.noteOnce(contactId, entry.disposition.id, entry.disposition.at, note, retrying);
        return;
      }
      case 'undoDisposition':
        await this.revertDisposition(contactId, entry.disposition);
        return;
      case 'assetSent':
        await this.noteOnce(
          contactId,
          entry.sent.id,
          entry.sent.at,
          assetSentNote(entry.asset, entry.sent.channel),
          retrying,
        );
        return;
      case 'contentRequest':
        await this.noteOnce(
          contactId,
          entry.request.id,
          entry.request.at,
          contentRequestNote(entry.request),
          retrying,
        );
        return;
    }
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

  /**
   * A note created once, as attempts are: its body carries the write's id, looked up before a
   * retry and after a failure whose outcome is unknown. In Leads mode it is on the lead record too.
   */
  private async noteOnce(
    contactId: string,
    id: string,
    at: string,
    text: string,
    checkFirst: boolean,
  ): Promise<CrmObject> {
    const note = await this.createNoteOnce(contactId, id, at, text, checkFirst);
    await this.alsoOnLeadRecord(contactId, 'notes', note.id);
    return note;
  }

  private async createNoteOnce(
    contactId: string,
    id: string,
    at: string,
    text: string,
    checkFirst: boolean,
  ): Promise<CrmObject> {
    if (checkFirst) {
      const existing = await this.findTaggedNote(id);
      if (existing) return existing;
    }
    try {
      return await this.client.createEngagement('notes', contactId, {
        hs_timestamp: at,
        hs_note_body: noteBody(text, id),
      });
    } catch (error) {
      if (error instanceof HubSpotError && (error.status === undefined || error.status >= 500)) {
        const applied = await this.findTaggedNote(id).catch(() => undefined);
        if (applied) return applied;
      }
      throw error;
    }
  }

  /** The contact's current lead record in Leads mode (see leads-object.ts). */
  private async leadRecordOf(contactId: string, leads: LeadsSetup): Promise<CrmObject | undefined> {
    return (await new LeadRecords(this.client, leads).forContact(contactId)).record;
  }

  /**
   * Leads mode: what Baton wrote on the contact goes on its lead record too, so the prospecting
   * workspace shows it. A default association is idempotent: after a lost answer, the retry
   * finds the engagement by its tag and associates it again, harmlessly.
   */
  private async alsoOnLeadRecord(contactId: string, type: EngagementType, engagementId: string) {
    const leads = leadsSetupOf(this.connection.setup);
    if (!leads) return;
    const record = await this.leadRecordOf(contactId, leads);
    if (record) await this.client.associateDefault(type, engagementId, 'leads', record.id);
  }

  private async findTaggedNote(id: string): Promise<CrmObject | undefined> {
    const found = await this.client.search(
      'notes',
      [{ propertyName: 'hs_note_body', operator: 'CONTAINS_TOKEN', value: id }],
      ['hs_note_body'],
      10,
    );
    return found.results.find((row) => row.properties.hs_note_body?.includes(noteTag(id)));
  }

  private async findTagged(
    type: EngagementType,
    attempt: Pick<Attempt, 'id' | 'outcome' | 'channel'>,
  ): Promise<CrmObject | undefined> {
    if (type === 'notes') return this.findTaggedNote(attempt.id);
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

  /** Deletes the engagement an attempt became, if it exists (the outbox's removal entries). */
  async deleteLogged(attempt: Attempt): Promise<void> {
    const type = engagementTypeFor(attempt.channel);
    const engagement = await this.findTagged(type, attempt);
    if (engagement) await this.client.deleteEngagement(type, engagement.id);
  }

  /** Puts the stage back and removes the hand-back's note, whether or not they were applied. */
  private async revertDisposition(contactId: string, disposition: Disposition): Promise<void> {
    const leads = leadsSetupOf(this.connection.setup);
    const record = leads && (await this.leadRecordOf(contactId, leads));
    if (leads && record) {
      const movedTo = leadRecordDispositionWrites(disposition, leads).hs_pipeline_stage ?? '';
      const before = stageBefore(record, movedTo, leads);
      if (before)
        await this.client.updateRecord('leads', record.id, {
          hs_pipeline_stage: before,
          ...(disposition.kind === 'accept' ? {} : { hs_lead_disqualification_reason: '' }),
        });
      if (disposition.kind !== 'accept') {
        const note = await this.findTaggedNote(disposition.id);
        if (note) await this.client.deleteEngagement('notes', note.id);
      }
      return;
    }
    if (disposition.kind === 'accept') {
      // HubSpot does not move a lifecycle stage backwards unless it is cleared first.
      await this.client.updateContact(contactId, { lifecyclestage: '' });
      await this.client.updateContact(contactId, { lifecyclestage: 'marketingqualifiedlead' });
    } else {
      await this.client.updateContact(contactId, { hs_lead_status: 'OPEN' });
      const note = await this.findTaggedNote(disposition.id);
      if (note) await this.client.deleteEngagement('notes', note.id);
    }
  }
}
