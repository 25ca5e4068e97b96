import { describe, expect, it } from 'vitest';
import { type QueueItem, queueOrder, urgencyRank } from '../../../lib/core/queue-order';
import { SLA_STATES, type SlaStateName } from '../../../lib/core/sla';

const item = (id: string, state: SlaStateName, businessMsLeft?: number, score = 50): QueueItem => ({
  lead: { id },
  sla: { state, businessMsLeft },
  score,
});

describe('queueOrder', () => {
  it('puts breached first, then least business time left, then score, then id', () => {
    const items = [
      item('closed', 'closed'),
      item('due-later', 'first_attempt_due', 3 * 3_600_000),
      item('complete', 'cadence_complete'),
      item('due-soon', 'first_attempt_due', 600_000),
      item('track-soon-hot', 'cadence_on_track', 600_000, 90),
      item('behind', 'cadence_behind', -60_000),
      item('breached-a-little', 'first_attempt_breached', -60_000),
      item('breached-a-lot', 'cadence_breached', -10 * 3_600_000),
      item('not-started', 'not_started'),
      item('due-soon-b', 'first_attempt_due', 600_000),
    ];
    expect(queueOrder(items).map((x) => x.lead.id)).toEqual([
      'breached-a-lot',
      'breached-a-little',
      'behind',
      'track-soon-hot',
      'due-soon',
      'due-soon-b',
      'due-later',
      'not-started',
      'complete',
      'closed',
    ]);
  });

  it('accepts a score result or a number, and does not modify its input', () => {
    const items = [
      { ...item('b', 'first_attempt_due', 1000), score: { total: 10 } },
      { ...item('a', 'first_attempt_due', 1000), score: 80 },
    ];
    const before = [...items];
    expect(queueOrder(items).map((x) => x.lead.id)).toEqual(['a', 'b']);
    expect(items).toEqual(before);
  });

  it('is a total order: any permutation sorts the same', () => {
    const items = Array.from({ length: 200 }, (_, i) =>
      item(`L${i}`, SLA_STATES[i % SLA_STATES.length] ?? 'closed', (i % 7) * 1000 - 3000, i % 5),
    );
    expect(queueOrder([...items].reverse())).toEqual(queueOrder(items));
  });

  it('ranks urgency', () => {
    expect(urgencyRank({ state: 'first_attempt_breached' })).toBe(0);
    expect(urgencyRank({ state: 'cadence_breached' })).toBe(0);
    expect(urgencyRank({ state: 'cadence_behind' })).toBe(1);
    expect(urgencyRank({ state: 'first_attempt_due' })).toBe(2);
    expect(urgencyRank({ state: 'cadence_on_track' })).toBe(2);
    expect(urgencyRank({ state: 'not_started' })).toBe(3);
    expect(urgencyRank({ state: 'cadence_complete' })).toBe(4);
    expect(urgencyRank({ state: 'closed' })).toBe(5);
  });
});
