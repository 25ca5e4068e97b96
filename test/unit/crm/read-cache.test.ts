import { expect, test } from 'vitest';
import { HubSpotReadCache } from '@/lib/crm/hubspot/read-cache';

test('keeps a read for its time to live, forgets on demand, and drops the oldest when full', () => {
  let now = 0;
  const cache = new HubSpotReadCache<string>(1_000, () => now, 2);
  cache.set('a', 'A');
  expect(cache.get('a')).toBe('A');
  now = 1_001;
  expect(cache.get('a')).toBeUndefined();
  cache.set('a', 'A2');
  cache.forget('a');
  expect(cache.get('a')).toBeUndefined();
  cache.set('a', 'A3');
  cache.set('b', 'B');
  cache.set('c', 'C');
  expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 'B', 'C']);
});
