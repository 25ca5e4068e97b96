/**
 * The flusher run for the outbox fault-injection tests (one per CRM): runs the flusher until the
 * outbox is empty, killing one run in three after a random number of entries — its later writes
 * to IndexedDB lost, as when the browser stops a service worker mid-send — on a virtual clock far
 * past every undo window and backoff.
 */
import type { OutboxEntry } from '@/lib/outbox/entry';
import { flushOutbox, type OutboxStore, type Sender } from '@/lib/outbox/flush';
import type { DexieOutbox } from '@/lib/outbox/store';

/** A store whose writes fail once its flusher is "killed": what a stopped worker never persisted. */
function killable(store: DexieOutbox): { store: OutboxStore; kill: () => void } {
  let dead = false;
  const guard =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      if (dead) throw new Error('flusher killed');
      return fn(...args);
    };
  return {
    kill: () => {
      dead = true;
    },
    store: {
      pending: guard(() => store.pending()),
      markTrying: guard((e: OutboxEntry) => store.markTrying(e)),
      markSent: guard((e: OutboxEntry) => store.markSent(e)),
      markRetry: guard((e: OutboxEntry, at: number, error: string) => store.markRetry(e, at, error)),
      markFailed: guard((e: OutboxEntry, error: string) => store.markFailed(e, error)),
      setPaused: guard((reason: string | undefined) => store.setPaused(reason)),
      pausedReason: guard(() => store.pausedReason()),
    },
  };
}

export async function drainWithKills(
  outbox: DexieOutbox,
  send: Sender,
  random: () => number,
  maxRuns = 5_000,
) {
  let clock = Date.now() + 60_000;
  let runs = 0;
  let kills = 0;
  const totals = { sent: 0, retried: 0, failed: 0 };
  while ((await outbox.pending()).length > 0 && runs < maxRuns) {
    runs++;
    clock += 3_600_000;
    const run = killable(outbox);
    const killAfter = random() < 0.33 ? Math.floor(random() * 200) : Number.POSITIVE_INFINITY;
    let handled = 0;
    const result = await flushOutbox(
      run.store,
      async (entry) => {
        const outcome = await send(entry);
        if (++handled >= killAfter) {
          run.kill();
          kills++;
        }
        return outcome;
      },
      { now: () => clock, random },
    ).catch(() => undefined);
    if (process.env.FAULT_DEBUG) console.log(`run ${runs}: ${JSON.stringify(result)}`);
    if (result) {
      totals.sent += result.sent;
      totals.retried += result.retried;
      totals.failed += result.failed;
    }
  }
  return { runs, kills, totals };
}
