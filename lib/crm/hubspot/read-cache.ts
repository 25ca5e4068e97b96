/**
 * What a card reads from HubSpot (the contact and its engagements), kept for a short while. A
 * burst of the rep's own writes refreshes the card each time; without this every refresh costs
 * seven requests of HubSpot's 100 per 10 s, starving the outbox that sends those very writes.
 * The rep's writes show through the local copies and the outbox overlay, so the cache never
 * hides them; a lead is forgotten as soon as one of its writes reaches HubSpot.
 */
export class HubSpotReadCache<T> {
  private readonly entries = new Map<string, { value: T; at: number }>();

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

  forget(leadId: string): void {
    this.entries.delete(leadId);
  }
}
