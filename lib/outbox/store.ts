import type { Dexie, EntityTable } from 'dexie';
import type { AssetSent, Attempt, ContentRequest, Disposition } from '../model/schemas';
import {
  describeWrite,
  type OutboxEntry,
  type OutboxStatus,
  type OutboxWrite,
  UNDO_WINDOW_MS,
  writeAt,
  writeId,
} from './entry';
import type { OutboxStore } from './flush';

const PAUSED = 'outbox-paused';

/** Writes the rep can undo for a few seconds: they wait out the undo window before they are sent. */
const UNDOABLE = new Set<OutboxWrite['kind']>(['attempt', 'disposition']);

export type Enqueued = { leadId: string; write: OutboxWrite; id?: string };

/**
 * The tables the outbox keeps its entries and their local copies in, and a transaction across
 * them. The database that holds them is the store's (lib/store); the outbox only says what it needs.
 */
export type OutboxTables = Pick<Dexie, 'transaction'> & {
  outbox: EntityTable<OutboxEntry, 'seq'>;
  attempts: EntityTable<Attempt, 'id'>;
  dispositions: EntityTable<Disposition, 'id'>;
  assetsSent: EntityTable<AssetSent, 'id'>;
  contentRequests: EntityTable<ContentRequest, 'id'>;
  /** Key/value: the pause a refused token puts on sending. */
  meta: EntityTable<{ key: string; value: string }, 'key'>;
};

/** The outbox in IndexedDB through Dexie (the CRM database, in the extension). */
export class DexieOutbox implements OutboxStore {
  constructor(private readonly db: OutboxTables) {}

  /** Every table a write touches: the outbox and the local copies of what was done. */
  private get tables() {
    const { db } = this;
    return [db.outbox, db.attempts, db.dispositions, db.assetsSent, db.contentRequests];
  }

  /**
   * Local first: the write's local copy and its outbox entry in one transaction, so neither is
   * ever kept without the other. Undoable writes go out after the undo window.
   */
  async enqueue(leadId: string, write: OutboxWrite, now = Date.now(), id = writeId(write)): Promise<void> {
    await this.enqueueMany([{ leadId, write, id }], now);
  }

  /** Many at once, in one transaction (the load tests; an import of logged activity). */
  async enqueueMany(writes: readonly Enqueued[], now = Date.now()): Promise<void> {
    const { db } = this;
    const pick = <K extends OutboxWrite['kind']>(kind: K) =>
      writes.map((w) => w.write).filter((w): w is Extract<OutboxWrite, { kind: K }> => w.kind === kind);
    await db.transaction('rw', this.tables, async () => {
      await Promise.all([
        db.attempts.bulkPut(pick('attempt').map((w) => ({ ...w.attempt, sync: 'pending' as const }))),
        db.dispositions.bulkPut(pick('disposition').map((w) => w.disposition)),
        db.assetsSent.bulkPut(pick('assetSent').map((w) => w.sent)),
        db.contentRequests.bulkPut(pick('contentRequest').map((w) => w.request)),
      ]);
      await db.outbox.bulkAdd(writes.map(({ leadId, write, id }) => this.newEntry(leadId, write, now, id)));
    });
  }

  private newEntry(leadId: string, write: OutboxWrite, now: number, id = writeId(write)): OutboxEntry {
    return {
      ...write,
      id,
      leadId,
      notBefore: UNDOABLE.has(write.kind) ? now + UNDO_WINDOW_MS : now,
      nextTryAt: now,
      tries: 0,
      state: 'pending',
      createdAt: now,
    };
  }

  /** Local first for an attempt (see `enqueue`). */
  enqueueAttempt(attempt: Attempt, now = Date.now()): Promise<void> {
    return this.enqueue(attempt.leadId, { kind: 'attempt', attempt }, now);
  }

  enqueueAttempts(attempts: readonly Attempt[], now = Date.now()): Promise<void> {
    return this.enqueueMany(
      attempts.map((attempt) => ({ leadId: attempt.leadId, write: { kind: 'attempt' as const, attempt } })),
      now,
    );
  }

  /**
   * An attempt logged or changed, in one transaction: new → kept with its entry; a changed
   * outcome or note before it was sent → the entry carries the new version; once sent (or maybe
   * sent) it is left as it is. Says whether anything was written.
   */
  async logAttempt(attempt: Attempt, now = Date.now()): Promise<boolean> {
    return this.db.transaction('rw', this.db.attempts, this.db.outbox, async () => {
      const entry = await this.db.outbox.where('id').equals(attempt.id).first();
      if (entry) {
        if (entry.kind !== 'attempt' || entry.tries > 0) return false;
        await this.db.attempts.put({ ...attempt, sync: 'pending' });
        await this.db.outbox.put({ ...entry, attempt } as OutboxEntry);
        return true;
      }
      if (await this.db.attempts.get(attempt.id)) return false;
      await this.db.attempts.put({ ...attempt, sync: 'pending' });
      await this.db.outbox.add(this.newEntry(attempt.leadId, { kind: 'attempt', attempt }, now));
      return true;
    });
  }

  /**
   * Undo of an attempt: never sent → both go, nothing reaches the CRM; already sent (or maybe
   * sent) → a removal entry takes its place and deletes it from the CRM.
   */
  async enqueueRemoval(attemptId: string, now = Date.now()): Promise<void> {
    await this.undo(attemptId, now, async () => {
      const attempt = await this.db.attempts.get(attemptId);
      await this.db.attempts.delete(attemptId);
      return attempt && { leadId: attempt.leadId, write: { kind: 'removeAttempt', attempt } };
    });
  }

  /**
   * Undo of a hand-back, as for attempts. `fallback` is a hand-back kept elsewhere (made before
   * hand-backs went through the outbox): it is reversed in the CRM.
   */
  async enqueueUndoDisposition(
    dispositionId: string,
    fallback?: Disposition,
    now = Date.now(),
  ): Promise<void> {
    await this.undo(dispositionId, now, async () => {
      const disposition = (await this.db.dispositions.get(dispositionId)) ?? fallback;
      await this.db.dispositions.delete(dispositionId);
      return disposition && { leadId: disposition.leadId, write: { kind: 'undoDisposition', disposition } };
    });
  }

  private async undo(
    id: string,
    now: number,
    dropLocalCopy: () => Promise<Enqueued | undefined>,
  ): Promise<void> {
    await this.db.transaction('rw', this.tables, async () => {
      const entry = await this.db.outbox.where('id').equals(id).first();
      const reverse = await dropLocalCopy();
      if (entry) await this.db.outbox.delete(entry.seq as number);
      if (entry && entry.tries === 0) return;
      if (!reverse) return;
      // A reversal has nothing to undo: it goes at once.
      await this.db.outbox.add(this.newEntry(reverse.leadId, reverse.write, now));
    });
  }

  pending(): Promise<OutboxEntry[]> {
    return this.db.outbox.where('state').equals('pending').sortBy('seq');
  }

  /** A lead's entries in the order they will be sent: what the card overlays on the CRM's copy. */
  forLead(leadId: string): Promise<OutboxEntry[]> {
    return this.db.outbox.where('leadId').equals(leadId).sortBy('seq');
  }

  async markTrying(entry: OutboxEntry): Promise<OutboxEntry> {
    const trying = { ...entry, tries: entry.tries + 1 };
    await this.db.outbox.put(trying);
    return trying;
  }

  async markSent(entry: OutboxEntry): Promise<void> {
    await this.db.transaction('rw', this.db.attempts, this.db.outbox, async () => {
      await this.db.outbox.delete(entry.seq as number);
      if (entry.kind === 'attempt') await this.db.attempts.update(entry.attempt.id, { sync: 'synced' });
    });
  }

  async markRetry(entry: OutboxEntry, nextTryAt: number, error: string): Promise<void> {
    await this.db.outbox.put({ ...entry, nextTryAt, lastError: error });
  }

  async markFailed(entry: OutboxEntry, error: string): Promise<void> {
    await this.db.transaction('rw', this.db.attempts, this.db.outbox, async () => {
      await this.db.outbox.put({ ...entry, state: 'failed', lastError: error });
      if (entry.kind === 'attempt') await this.db.attempts.update(entry.attempt.id, { sync: 'failed' });
    });
  }

  async setPaused(reason: string | undefined): Promise<void> {
    if (reason) await this.db.meta.put({ key: PAUSED, value: reason });
    else await this.db.meta.delete(PAUSED);
  }

  async pausedReason(): Promise<string | undefined> {
    return (await this.db.meta.get(PAUSED))?.value;
  }

  /** A failed entry sent again (the rep pressed Retry). */
  async retry(id: string): Promise<void> {
    const entry = await this.db.outbox.where('id').equals(id).first();
    if (entry) await this.db.outbox.put({ ...entry, state: 'pending', nextTryAt: 0 });
  }

  /**
   * A failed entry given up (the rep pressed Discard). An attempt or hand-back the CRM refused
   * goes locally too, so the card does not show what HubSpot does not have; assets sent and
   * content requests stay in Baton's own record.
   */
  async discard(id: string): Promise<void> {
    await this.db.transaction('rw', this.tables, async () => {
      const entry = await this.db.outbox.where('id').equals(id).first();
      if (!entry) return;
      await this.db.outbox.delete(entry.seq as number);
      if (entry.kind === 'attempt') await this.db.attempts.delete(entry.attempt.id);
      if (entry.kind === 'disposition') await this.db.dispositions.delete(entry.disposition.id);
    });
  }

  async status(): Promise<OutboxStatus> {
    const [pending, failedEntries, pausedReason] = await Promise.all([
      this.db.outbox.where('state').equals('pending').toArray(),
      this.db.outbox.where('state').equals('failed').toArray(),
      this.pausedReason(),
    ]);
    const lastError = [...pending, ...failedEntries]
      .filter((e) => e.lastError)
      .sort((a, b) => b.nextTryAt - a.nextTryAt)[0]?.lastError;
    return {
      pending: pending.length,
      failed: failedEntries.length,
      lastError,
      pausedReason,
      failedEntries: failedEntries.map((e) => ({
        id: e.id,
        leadId: e.leadId,
        kind: e.kind,
        lastError: e.lastError,
        summary: describeWrite(e),
        at: writeAt(e, e.createdAt),
      })),
    };
  }
}
