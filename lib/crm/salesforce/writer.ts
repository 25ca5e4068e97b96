import { z } from 'zod';
import type { Attempt, Disposition } from '../../model/schemas';
import type { OutboxEntry } from '../../outbox/entry';
import { type ReadCache, sendForgettingCard } from '../read-cache';
import { attemptTag, noteTag } from '../write-tags';
import { paths } from './api';
import { type SalesforceClient, SalesforceError } from './client';
import type { SalesforceConnection } from './connection';
import {
  activityDateOf,
  assetSentTask,
  attemptToTask,
  contentRequestTask,
  dispositionFields,
  handBackTask,
  objectOf,
  patchToFields,
  requireRecordId,
  SALESFORCE_ID,
  statusFor,
} from './mapping';
import { soqlDate, soqlId } from './soql';

const TaskRow = z
  .object({ Id: z.string().regex(SALESFORCE_ID), Description: z.string().nullable().optional() })
  .loose();

/**
 * Salesforce's write half: sends the outbox's entries to Salesforce, each exactly once. Every Task
 * Baton creates carries the write's tag in its Description; a create whose answer was lost (a
 * timeout, a 5xx, a dropped connection) may have been applied, so before a retry, and after such
 * a failure, the writer looks for the tag among the record's Tasks of that day.
 */
export class SalesforceWriter {
  constructor(
    private readonly client: SalesforceClient,
    private readonly connection: Pick<SalesforceConnection, 'setup' | 'userId'>,
    private readonly reads: Pick<ReadCache<unknown>, 'forget'>,
  ) {}

  async sendWrite(entry: OutboxEntry): Promise<void> {
    const recordId = requireRecordId(entry.leadId);
    await sendForgettingCard(this.reads, entry, () => this.send(recordId, entry));
  }

  private get owner() {
    return this.connection.userId;
  }

  private async send(whoId: string, entry: OutboxEntry): Promise<void> {
    const retrying = entry.tries > 1;
    const object = objectOf(whoId) ?? 'Lead';
    const setup = this.connection.setup;
    switch (entry.kind) {
      case 'attempt':
        await this.createOnce(whoId, attemptTag(entry.attempt), entry.attempt.at, retrying, () =>
          attemptToTask(entry.attempt, whoId, this.owner),
        );
        return;
      case 'removeAttempt':
        await this.deleteTagged(whoId, entry.attempt);
        return;
      case 'updateFields': {
        const { fields, unmapped } = patchToFields(entry.patch, object, setup);
        if (unmapped.length > 0)
          throw new SalesforceError(
            `No Salesforce field is set up for ${unmapped.join(', ')}: pick one in options › Salesforce`,
            400,
            false,
            'UNMAPPED_FIELD',
          );
        await this.client.update(object, whoId, fields);
        return;
      }
      case 'disposition':
        await this.handBack(whoId, object, entry.disposition, retrying);
        return;
      case 'undoDisposition':
        await this.undoHandBack(whoId, object, entry.disposition);
        return;
      case 'assetSent':
        await this.createOnce(whoId, noteTag(entry.sent.id), entry.sent.at, retrying, () =>
          assetSentTask(whoId, this.owner, entry.sent, entry.asset),
        );
        return;
      case 'contentRequest':
        await this.createOnce(whoId, noteTag(entry.request.id), entry.request.at, retrying, () =>
          contentRequestTask(whoId, this.owner, entry.request),
        );
        return;
    }
  }

  /** A Task created once: looked up by its tag before a retry and after a failure of unknown outcome. */
  private async createOnce(
    whoId: string,
    tag: string,
    at: string,
    checkFirst: boolean,
    task: () => Record<string, unknown>,
  ): Promise<string> {
    if (checkFirst) {
      const existing = await this.findTagged(whoId, tag, at);
      if (existing) return existing;
    }
    try {
      return await this.client.create('Task', task());
    } catch (error) {
      if (unknownOutcome(error)) {
        const applied = await this.findTagged(whoId, tag, at).catch(() => undefined);
        if (applied) return applied;
      }
      throw error;
    }
  }

  /**
   * Accept sets the accepted status; recycle and disqualify set theirs, the reason field when
   * mapped, and a note Task with the reason, all in one composite call that applies all or none.
   * The note's tag then says whether a lost answer's call was applied.
   */
  private async handBack(
    whoId: string,
    object: 'Lead' | 'Contact',
    disposition: Disposition,
    retrying: boolean,
  ): Promise<void> {
    const fields = dispositionFields(disposition, object, this.connection.setup);
    if (disposition.kind === 'accept') {
      if (Object.keys(fields).length > 0) await this.client.update(object, whoId, fields);
      return;
    }
    const tag = noteTag(disposition.id);
    if (retrying && (await this.findTagged(whoId, tag, disposition.at))) return;
    const note = handBackTask(whoId, this.owner, disposition);
    try {
      await this.client.composite(
        [
          ...(Object.keys(fields).length > 0
            ? [
                {
                  method: 'PATCH' as const,
                  url: paths.record(object, whoId),
                  referenceId: 'status',
                  body: fields,
                },
              ]
            : []),
          { method: 'POST', url: paths.sobject('Task'), referenceId: 'note', body: note },
        ],
        { allOrNone: true },
      );
    } catch (error) {
      if (unknownOutcome(error) && (await this.findTagged(whoId, tag, disposition.at).catch(() => undefined)))
        return;
      throw error;
    }
  }

  /** Puts the status back (the first MQL status for a lead that was an MQL) and removes the note. */
  private async undoHandBack(
    whoId: string,
    object: 'Lead' | 'Contact',
    disposition: Disposition,
  ): Promise<void> {
    const setup = this.connection.setup;
    const statusField = object === 'Lead' ? 'Status' : setup.contactStatusField;
    const fields: Record<string, unknown> = {};
    if (statusField)
      fields[statusField] =
        disposition.previousCrmStage ?? statusFor(disposition.previousStage ?? 'mql', setup);
    if (disposition.kind !== 'accept' && setup.reasonField) fields[setup.reasonField] = null;
    if (Object.keys(fields).length > 0) await this.client.update(object, whoId, fields);
    if (disposition.kind !== 'accept') {
      const note = await this.findTagged(whoId, noteTag(disposition.id), disposition.at);
      if (note) await this.client.delete('Task', note);
    }
  }

  private async deleteTagged(whoId: string, attempt: Attempt): Promise<void> {
    const task = await this.findTagged(whoId, attemptTag(attempt), attempt.at);
    if (task) await this.client.delete('Task', task);
  }

  /**
   * The Task carrying `tag`, among the record's Tasks of that day. Salesforce cannot filter on a
   * Description (a long text area), so the day narrows the search and the tag is matched here.
   */
  private async findTagged(whoId: string, tag: string, at: string): Promise<string | undefined> {
    const found = await this.client.query(
      `SELECT Id, Description FROM Task WHERE WhoId = ${soqlId(whoId)} AND ActivityDate = ${soqlDate(activityDateOf(at))} ORDER BY CreatedDate DESC LIMIT 200`,
      (raw) => {
        const row = TaskRow.safeParse(raw);
        return row.success ? row.data : undefined;
      },
      200,
      { forWrite: true },
    );
    return found.records.find((row) => row.Description?.includes(tag))?.Id;
  }
}

/** A failure after which the write may or may not have been applied. */
const unknownOutcome = (error: unknown) =>
  error instanceof SalesforceError && (error.status === undefined || error.status >= 500);
