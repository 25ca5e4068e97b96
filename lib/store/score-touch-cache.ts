import type { ScoreTouch } from '../core/score';

/**
 * What a score needs of each lead's touches (kind and time), kept in the background's memory
 * for the queue's leads. Reading the touches of 5,000 leads costs a request per lead — about a
 * second and a half at 100k leads and 1M touches, keys alone nearly as much — while the queue is
 * asked again after every change. Touches change only by an import, a restore or the sample
 * workspace, each of which clears this cache; a score computed from it is exact, as the decay is
 * applied at the time of asking. The least recently used leads go first beyond `maxLeads`.
 */
export class ScoreTouchCache {
  private readonly byLead = new Map<string, readonly ScoreTouch[]>();
  /** Bumped by every clear: a read that began before a clear must not put its rows back after it. */
  private generation = 0;

  constructor(private readonly maxLeads = 10_000) {}

  get(leadId: string): readonly ScoreTouch[] | undefined {
    const touches = this.byLead.get(leadId);
    if (touches) {
      // Map keeps insertion order: re-inserting marks the lead as recently used.
      this.byLead.delete(leadId);
      this.byLead.set(leadId, touches);
    }
    return touches;
  }

  /** What `set` needs to know that no clear came between the read and the keeping. */
  get readStarted(): number {
    return this.generation;
  }

  /**
   * Keeps a lead's touches (only kind and time), unless the cache was cleared since the read that
   * found them began (`readStarted`); returns them in the kept form either way.
   */
  set(leadId: string, touches: readonly ScoreTouch[], readStarted = this.generation): readonly ScoreTouch[] {
    const kept = touches.map(({ leadId: owner, kind, at }) => ({ leadId: owner, kind, at }));
    if (readStarted !== this.generation) return kept;
    this.byLead.delete(leadId);
    this.byLead.set(leadId, kept);
    for (const oldest of this.byLead.keys()) {
      if (this.byLead.size <= this.maxLeads) break;
      this.byLead.delete(oldest);
    }
    return kept;
  }

  clear(): void {
    this.generation++;
    this.byLead.clear();
  }

  get size(): number {
    return this.byLead.size;
  }
}
