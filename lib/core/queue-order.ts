import type { Lead } from '../model/schemas';
import type { ScoreResult } from './score';
import type { SlaResult, SlaStateName } from './sla';

/**
 * Queue order (docs/architecture.md "Rules", budget: 10k leads ≤ 50 ms). Most urgent first:
 * 1. urgency rank (below): breached first, then behind, then due, then the rest;
 * 2. within a rank, least business time left first (most overdue first when negative);
 * 3. higher score first; 4. lead id, so the order is total and deterministic.
 */

const RANKS: Record<SlaStateName, number> = {
  first_attempt_breached: 0,
  cadence_breached: 0,
  cadence_behind: 1,
  first_attempt_due: 2,
  cadence_on_track: 2,
  not_started: 3,
  cadence_complete: 4,
  closed: 5,
};

/** 0 = breached, 1 = behind, 2 = due / on track, 3 = not started, 4 = complete, 5 = closed. */
export function urgencyRank(sla: Pick<SlaResult, 'state'>): number {
  return RANKS[sla.state];
}

export interface QueueItem {
  lead: Pick<Lead, 'id'>;
  sla: Pick<SlaResult, 'state' | 'businessMsLeft'>;
  /** Baton's score for the lead: the result of `scoreLead` or its total. */
  score: number | Pick<ScoreResult, 'total'>;
}

function totalOf(score: QueueItem['score']): number {
  return typeof score === 'number' ? score : score.total;
}

/** A new array of the items, most urgent first (the input is not modified). */
export function queueOrder<T extends QueueItem>(items: readonly T[]): T[] {
  // Decorate once so the comparator reads plain numbers (10k items: well under the 50 ms budget).
  const keyed = items.map((item) => ({
    item,
    rank: RANKS[item.sla.state],
    left: item.sla.businessMsLeft ?? Number.POSITIVE_INFINITY,
    score: totalOf(item.score),
    id: item.lead.id,
  }));
  keyed.sort((a, b) => {
    if (a.rank !== b.rank) return a.rank - b.rank;
    if (a.left !== b.left) return a.left < b.left ? -1 : 1;
    if (a.score !== b.score) return b.score - a.score;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
  return keyed.map((k) => k.item);
}
