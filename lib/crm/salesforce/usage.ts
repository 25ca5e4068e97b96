/**
 * The org's API use in the rolling 24 hours, from the `Sforce-Limit-Info` header of every answer.
 * Reads pause once `READ_PAUSE_SHARE` of the allowance is used, so the rep's writes (and the
 * org's other integrations) still have room; a read is let through now and then to learn whether
 * the window has moved on.
 */
export const READ_PAUSE_SHARE = 0.9;
const PROBE_EVERY_MS = 10 * 60_000;

export class SalesforceReadsPaused extends Error {
  constructor(
    readonly used: number,
    readonly max: number,
  ) {
    super(
      `Salesforce reads are paused: the org has used ${used.toLocaleString('en-US')} of its ${max.toLocaleString('en-US')} API calls in the last 24 hours. Baton keeps the rest for your logged work and tries again in a few minutes.`,
    );
    this.name = 'SalesforceReadsPaused';
  }
}

export class ApiUsage {
  private latest: { used: number; max: number; at: number } | undefined;
  private lastProbe = 0;

  constructor(private readonly now: () => number = Date.now) {}

  observe(usage: { used: number; max: number } | undefined): void {
    if (usage) this.latest = { ...usage, at: this.now() };
  }

  /** The latest figure, for the panel's sync line. */
  snapshot(): { used: number; max: number } | undefined {
    return this.latest && { used: this.latest.used, max: this.latest.max };
  }

  /** Throws while reads are paused; one read every ten minutes goes, to see whether the window has moved. */
  checkRead(): void {
    const latest = this.latest;
    if (!latest || latest.used < latest.max * READ_PAUSE_SHARE) return;
    const now = this.now();
    if (now - Math.max(latest.at, this.lastProbe) >= PROBE_EVERY_MS) {
      this.lastProbe = now;
      return;
    }
    throw new SalesforceReadsPaused(latest.used, latest.max);
  }
}
