import type { CrmDb } from '../crm/connection';
import type { Attempt } from '../model/schemas';
import { type OutboxEntry, type OutboxStatus, UNDO_WINDOW_MS } from './entry';
import type { OutboxStore } from './flush';

const PAUSED = 'outbox-paused';

/** The outbox in the CRM database (IndexedDB through Dexie). */
export class DexieOutbox implements OutboxStore {
  constructor(private readonly db: CrmDb) {}

  /** Local first: the attempt and its entry in one transaction; it goes out after the undo window. */
  async enqueueAttempt(attempt: Attempt, now = Date.now()): Promise<void> {
    await this.db.transaction('rw', this.db.attempts, this.db.outbox, async () => {
      await this.db.attempts.put({ ...attempt, sync: 'pending' });
      await this.db.outbox.add({
        id: attempt.id,
        leadId: attempt.leadId,
        kind: 'attempt',
        attempt,
        notBefore: now + UNDO_WINDOW_MS,
        nextTryAt: now,
        tries: 0,
        state: 'pending',
        createdAt: now,
      });
    });
  }

  /** Many at once, in one transaction (an import of logged activity, the load tests). */
  async enqueueAttempts(attempts: readonly Attempt[], now = Date.now()): Promise<void> {
    await this.db.transaction('rw', this.db.attempts, this.db.outbox, async () => {
      await this.db.attempts.bulkPut(attempts.map((attempt) => ({ ...attempt, sync: 'pending' as const })));
      await this.db.outbox.bulkAdd(
        attempts.map((attempt) => ({
          id: attempt.id,
          leadId: attempt.leadId,
          kind: 'attempt' as const,
          attempt,
          notBefore: now + UNDO_WINDOW_MS,
          nextTryAt: now,
          tries: 0,
          state: 'pending' as const,
          createdAt: now,
        })),
      );
    });
  }

  /**
   * Undo of an attempt: never sent → both go, nothing reaches the CRM; already sent (or maybe
   * sent) → a removal entry takes its place and deletes it from the CRM.
   */
  async enqueueRemoval(attemptId: string, now = Date.now()): Promise<void> {
    await this.db.transaction('rw', this.db.attempts, this.db.outbox, async () => {
      const attempt = await this.db.attempts.get(attemptId);
      const entry = await this.db.outbox.where('id').equals(attemptId).first();
      await this.db.attempts.delete(attemptId);
      if (entry && entry.tries === 0) {
        await this.db.outbox.delete(entry.seq as number);
        return;
      }
      if (entry) await this.db.outbox.delete(entry.seq as number);
      if (!attempt) return;
      await this.db.outbox.add({
        id: `remove:${attemptId}`,
        leadId: attempt.leadId,
        kind: 'removeAttempt',
        attempt,
        notBefore: now,
        nextTryAt: now,
        tries: 0,
        state: 'pending',
        createdAt: now,
      });
    });
  }

  pending(): Promise<OutboxEntry[]> {
    return this.db.outbox.where('state').equals('pending').sortBy('seq');
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

  /** A failed entry given up (the rep pressed Discard): it and its local copy go. */
  async discard(id: string): Promise<void> {
    await this.db.transaction('rw', this.db.attempts, this.db.outbox, async () => {
      const entry = await this.db.outbox.where('id').equals(id).first();
      if (!entry) return;
      await this.db.outbox.delete(entry.seq as number);
      if (entry.kind === 'attempt') await this.db.attempts.delete(entry.attempt.id);
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
        channel: e.attempt.channel,
        at: e.attempt.at,
      })),
    };
  }
}
