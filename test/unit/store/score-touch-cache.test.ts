import { describe, expect, test } from 'vitest';
import { ScoreTouchCache } from '@/lib/store/score-touch-cache';

const touch = (leadId: string, at: string) => ({
  id: `t-${leadId}-${at}`,
  leadId,
  at,
  kind: 'download' as const,
  title: 'A whitepaper with a long title that the cache has no use for',
  sample: false,
});

describe('ScoreTouchCache', () => {
  test('keeps only what a score needs, and drops the least recently used lead beyond its size', () => {
    const cache = new ScoreTouchCache(2);
    cache.set('a', [touch('a', '2026-11-01T00:00:00Z')]);
    cache.set('b', [touch('b', '2026-11-02T00:00:00Z')]);
    expect(cache.get('a')).toEqual([{ leadId: 'a', kind: 'download', at: '2026-11-01T00:00:00Z' }]);
    // "a" was just read, so "b" is the oldest when "c" comes in.
    cache.set('c', []);
    expect(cache.size).toBe(2);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toEqual([]);
    cache.clear();
    expect(cache.size).toBe(0);
  });

  test('rows found by a read that began before a clear are returned but not kept', () => {
    const cache = new ScoreTouchCache();
    const readStarted = cache.readStarted;
    cache.clear(); // an import finished while the queue's touches were being read
    const kept = cache.set('a', [touch('a', '2026-11-01T00:00:00Z')], readStarted);
    expect(kept).toHaveLength(1);
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', [touch('a', '2026-11-01T00:00:00Z')], cache.readStarted);
    expect(cache.get('a')).toHaveLength(1);
  });
});
