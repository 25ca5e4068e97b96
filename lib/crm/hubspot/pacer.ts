/**
 * Keeps requests under HubSpot's limits: at most `max` in any rolling `intervalMs` (private apps:
 * 100 or 190 per 10 s by tier; we keep a margin), search at most `searchPerSecond`, and a pause
 * when the rate-limit headers say the window is nearly used up.
 */
export class RequestPacer {
  private sent: number[] = [];
  private lastSearch = Number.NEGATIVE_INFINITY;
  private blockedUntil = 0;

  constructor(
    private readonly limits = { max: 90, intervalMs: 10_000, searchPerSecond: 4 },
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {}

  async waitTurn(search: boolean): Promise<void> {
    for (;;) {
      const now = this.now();
      this.sent = this.sent.filter((t) => now - t < this.limits.intervalMs);
      let wait = Math.max(0, this.blockedUntil - now);
      if (this.sent.length >= this.limits.max)
        wait = Math.max(wait, (this.sent[0] ?? now) + this.limits.intervalMs - now);
      if (search) wait = Math.max(wait, this.lastSearch + 1000 / this.limits.searchPerSecond - now);
      if (wait <= 0) break;
      await this.sleep(wait);
    }
    const now = this.now();
    this.sent.push(now);
    if (search) this.lastSearch = now;
  }

  /** HubSpot tells how much of the window is left; with one or none, wait for the window to turn. */
  observe(headers: Headers): void {
    const remaining = Number(headers.get('X-HubSpot-RateLimit-Remaining'));
    const interval = Number(headers.get('X-HubSpot-RateLimit-Interval-Milliseconds'));
    if (headers.has('X-HubSpot-RateLimit-Remaining') && remaining <= 1 && interval > 0) {
      this.blockedUntil = Math.max(this.blockedUntil, this.now() + Math.min(interval, 10_000));
    }
  }
}
