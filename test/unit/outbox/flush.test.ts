import { describe, expect, test } from 'vitest';
import type { OutboxEntry } from '@/lib/outbox/entry';
import { flushOutbox, type OutboxStore, type SendOutcome } from '@/lib/outbox/flush';

function entry(seq: number, leadId: string, extra: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    seq,
    id: `e${seq}`,
    leadId,
    kind: 'attempt',
    attempt: {
      id: crypto.randomUUID(),
      leadId,
      at: '2026-11-24T10:00:00.000Z',
      channel: 'call',
      outcome: 'no_answer',
      sync: 'pending',
      sample: false,
    },
    notBefore: 0,
    nextTryAt: 0,
    tries: 0,
    state: 'pending',
    createdAt: 0,
    ...extra,
  } as OutboxEntry;
}

/** An in-memory store that records what the flusher did, in order. */
function memoryStore(entries: OutboxEntry[]) {
  const log: string[] = [];
  let paused: string | undefined;
  const rows = new Map(entries.map((e) => [e.seq as number, e]));
  const store: OutboxStore = {
    pending: async () =>
      [...rows.values()].filter((e) => e.state === 'pending').sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)),
    markTrying: async (e) => {
      const next = { ...e, tries: e.tries + 1 };
      rows.set(e.seq as number, next);
      log.push(`try ${e.id}`);
      return next;
    },
    markSent: async (e) => {
      rows.delete(e.seq as number);
      log.push(`sent ${e.id}`);
    },
    markRetry: async (e, at, error) => {
      rows.set(e.seq as number, { ...e, nextTryAt: at, lastError: error });
      log.push(`retry ${e.id}`);
    },
    markFailed: async (e, error) => {
      rows.set(e.seq as number, { ...e, state: 'failed', lastError: error });
      log.push(`failed ${e.id}`);
    },
    setPaused: async (reason) => {
      paused = reason;
    },
    pausedReason: async () => paused,
  };
  return { store, log, rows };
}

describe('flushOutbox', () => {
  test('sends in order per lead; a lead waiting on backoff holds its later entries, others go on', async () => {
    const { store, log } = memoryStore([entry(1, 'a'), entry(2, 'b'), entry(3, 'a'), entry(4, 'b')]);
    const outcomes: Record<string, SendOutcome> = { e1: { retry: '503' } };
    const result = await flushOutbox(store, async (e) => outcomes[e.id] ?? 'sent', {
      now: () => 1_000,
      random: () => 0.5,
    });
    expect(log).toEqual(['try e1', 'retry e1', 'try e2', 'sent e2', 'try e4', 'sent e4']);
    expect(result).toMatchObject({ sent: 2, retried: 1, nextWakeAt: 1_000 + 1_000 });
  });

  test('waits out the undo window', async () => {
    const { store, log } = memoryStore([entry(1, 'a', { notBefore: 5_000 })]);
    expect(await flushOutbox(store, async () => 'sent', { now: () => 4_999 })).toMatchObject({
      sent: 0,
      nextWakeAt: 5_000,
    });
    expect(log).toEqual([]);
  });

  test('a refused write is kept as failed and the lead’s next entry still goes; an auth error pauses everything', async () => {
    const { store, log, rows } = memoryStore([entry(1, 'a'), entry(2, 'a'), entry(3, 'b')]);
    const outcomes: Record<string, SendOutcome> = {
      e1: { fail: '400 bad property' },
      e2: { pause: 'reconnect HubSpot' },
    };
    const result = await flushOutbox(store, async (e) => outcomes[e.id] ?? 'sent', { now: () => 0 });
    expect(result).toMatchObject({ failed: 1, paused: 'reconnect HubSpot' });
    expect(rows.get(1)).toMatchObject({ state: 'failed', lastError: '400 bad property' });
    expect(log).not.toContain('try e3');
    expect(await flushOutbox(store, async () => 'sent')).toMatchObject({
      sent: 0,
      paused: 'reconnect HubSpot',
    });
  });

  test('a try is counted before the send starts, so a send cut off is known to have maybe happened', async () => {
    const { store, rows } = memoryStore([entry(1, 'a')]);
    await flushOutbox(
      store,
      async () => {
        throw new Error('worker stopped');
      },
      { now: () => 0, random: () => 0 },
    );
    expect(rows.get(1)).toMatchObject({ tries: 1, lastError: 'Error: worker stopped' });
  });
});
