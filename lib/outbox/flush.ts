import type { OutboxEntry } from './entry';

/** Where the flusher keeps entries: the CRM database (see store.ts), or a fake in tests. */
export interface OutboxStore {
  /** Pending entries in `seq` order. */
  pending(): Promise<OutboxEntry[]>;
  /** Persists that a send is starting (tries + 1) before it starts. */
  markTrying(entry: OutboxEntry): Promise<OutboxEntry>;
  /** The CRM has it: the entry goes, the local copy is marked synced. */
  markSent(entry: OutboxEntry): Promise<void>;
  markRetry(entry: OutboxEntry, nextTryAt: number, error: string): Promise<void>;
  markFailed(entry: OutboxEntry, error: string): Promise<void>;
  setPaused(reason: string | undefined): Promise<void>;
  pausedReason(): Promise<string | undefined>;
}

export type SendOutcome = 'sent' | { retry: string; waitMs?: number } | { fail: string } | { pause: string };

/**
 * Sends one entry to the CRM and says what happened, in the flusher's terms. Each CRM provides
 * its own (HubSpot's is `hubspotSender`); the outbox knows none of them.
 */
export type Sender = (entry: OutboxEntry) => Promise<SendOutcome>;

export type FlushResult = {
  sent: number;
  retried: number;
  failed: number;
  nextWakeAt?: number;
  paused?: string;
};

/**
 * Pushes pending entries to the CRM, in order per lead: when one of a lead's entries has to wait
 * (backoff), that lead's later entries wait too; other leads go on. Stops early when `shouldStop`
 * says so (a worker about to be stopped, or a test killing the flusher at a random point).
 * Returns when the next entry is due, for the alarm.
 */
export async function flushOutbox(
  store: OutboxStore,
  send: Sender,
  options: { now?: () => number; random?: () => number; shouldStop?: () => boolean } = {},
): Promise<FlushResult> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const result: FlushResult = { sent: 0, retried: 0, failed: 0 };
  const paused = await store.pausedReason();
  if (paused) return { ...result, paused };

  const blockedLeads = new Set<string>();
  let nextWakeAt: number | undefined;
  const wakeAt = (t: number) => {
    nextWakeAt = nextWakeAt === undefined ? t : Math.min(nextWakeAt, t);
  };
  for (const candidate of await store.pending()) {
    if (options.shouldStop?.()) break;
    if (blockedLeads.has(candidate.leadId)) continue;
    const dueAt = Math.max(candidate.notBefore, candidate.nextTryAt);
    if (dueAt > now()) {
      blockedLeads.add(candidate.leadId);
      wakeAt(dueAt);
      continue;
    }
    const entry = await store.markTrying(candidate);
    const outcome = await send(entry).catch((error: unknown): SendOutcome => ({ retry: String(error) }));
    if (outcome === 'sent') {
      await store.markSent(entry);
      result.sent++;
    } else if ('retry' in outcome) {
      // Exponential backoff with full jitter, capped at ten minutes; a 429's own wait wins when longer.
      const backoff = Math.min(600_000, 1_000 * 2 ** Math.min(entry.tries, 10)) * random();
      const at = now() + Math.max(backoff, outcome.waitMs ?? 0);
      await store.markRetry(entry, at, outcome.retry);
      blockedLeads.add(entry.leadId);
      wakeAt(at);
      result.retried++;
    } else if ('fail' in outcome) {
      // A refused write is kept, shown with its reason; later entries of the lead still go.
      await store.markFailed(entry, outcome.fail);
      result.failed++;
    } else {
      await store.setPaused(outcome.pause);
      return { ...result, paused: outcome.pause, nextWakeAt };
    }
  }
  return { ...result, nextWakeAt };
}

/** One flusher at a time across the extension's contexts (Web Locks), or in this process. */
export function singleFlight(name: string): <T>(run: () => Promise<T>) => Promise<T | undefined> {
  let running: Promise<unknown> | undefined;
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return async (run) => {
    if (locks) {
      return locks.request(name, { ifAvailable: true }, async (lock) =>
        lock ? run() : undefined,
      ) as Promise<Awaited<ReturnType<typeof run>> | undefined>;
    }
    if (running) return undefined;
    const current = run();
    running = current;
    try {
      return await current;
    } finally {
      running = undefined;
    }
  };
}
