import type { OutboxEntry } from '../outbox/entry';

/**
 * What a card reads from the CRM (HubSpot's contact and engagements, Salesforce's record and activity), kept for a short while. A
 * burst of the rep's own writes refreshes the card each time; without this every refresh costs
 * seven requests of HubSpot's 100 per 10 s, starving the outbox that sends those very writes.
 * The rep's writes show through the local copies and the outbox overlay, so the cache never
 * hides them; a lead is forgotten as soon as one of its writes reaches HubSpot.
 */
export class ReadCache<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();
  /** Reads under way: a burst of refreshes shares one instead of each asking HubSpot. */
  private readonly loading = new Map<string, Promise<T | undefined>>();
  /** Bumped by `forget`: a read that started before is not kept (it may predate the change). */
  private readonly generations = new Map<string, number>();

  constructor(
    private readonly ttlMs = 15_000,
    private readonly now: () => number = Date.now,
    private readonly maxEntries = 200,
  ) {}

  get(leadId: string): T | undefined {
    const entry = this.entries.get(leadId);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.ttlMs) {
      this.entries.delete(leadId);
      return undefined;
    }
    return entry.value;
  }

  set(leadId: string, value: T): void {
    this.entries.delete(leadId);
    this.entries.set(leadId, { value, at: this.now() });
    // Oldest first in a Map: drop from the front when full.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }

  /** The cached value, else the read under way, else a new read through `load`, kept if still current. */
  read(leadId: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    const hit = this.get(leadId);
    if (hit !== undefined) return Promise.resolve(hit);
    const running = this.loading.get(leadId);
    if (running) return running;
    const generation = this.generations.get(leadId) ?? 0;
    const loading = load()
      .then((value) => {
        if (value !== undefined && (this.generations.get(leadId) ?? 0) === generation)
          this.set(leadId, value);
        return value;
      })
      .finally(() => {
        if (this.loading.get(leadId) === loading) this.loading.delete(leadId);
      });
    this.loading.set(leadId, loading);
    return loading;
  }

  forget(leadId: string): void {
    this.entries.delete(leadId);
    this.loading.delete(leadId);
    this.generations.set(leadId, (this.generations.get(leadId) ?? 0) + 1);
  }

  /** Everything, as after a disconnect: reads still under way are not kept when they land. */
  clear(): void {
    for (const leadId of new Set([...this.entries.keys(), ...this.loading.keys()])) this.forget(leadId);
  }
}

/** Writes after which the CRM's copy of the lead differs from a cached card (beyond what the local copies show). */
const CHANGES_WHAT_THE_CARD_READS = new Set<OutboxEntry['kind']>([
  'removeAttempt',
  'updateFields',
  'disposition',
  'undoDisposition',
]);

/**
 * Sends one outbox entry, forgetting the lead's cached card before and after when the write
 * changes what the card reads: the next card read asks the CRM again. An attempt needs no fresh
 * read: its local copy, marked synced, already stands in the card.
 */
export async function sendForgettingCard(
  reads: Pick<ReadCache<unknown>, 'forget'>,
  entry: OutboxEntry,
  send: () => Promise<void>,
): Promise<void> {
  const refresh = CHANGES_WHAT_THE_CARD_READS.has(entry.kind);
  if (refresh) reads.forget(entry.leadId);
  try {
    await send();
  } finally {
    if (refresh) reads.forget(entry.leadId);
  }
}
