import { expect, test } from 'vitest';
import { ReadCache } from '@/lib/crm/read-cache';

test('keeps a read for its time to live, forgets on demand, and drops the oldest when full', () => {
  let now = 0;
  const cache = new ReadCache<string>(1_000, () => now, 2);
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

test('reads under way are shared; a read that started before a forget is not kept', async () => {
  const cache = new ReadCache<string>(60_000);
  let calls = 0;
  let release: (value: string) => void = () => {};
  const slow = () =>
    new Promise<string>((resolve) => {
      calls++;
      release = resolve;
    });
  const first = cache.read('a', slow);
  const second = cache.read('a', slow);
  expect(calls).toBe(1);
  cache.forget('a');
  release('before the change');
  expect(await first).toBe('before the change');
  expect(await second).toBe('before the change');
  expect(cache.get('a')).toBeUndefined();
  const fresh = cache.read('a', slow);
  release('after the change');
  expect(await fresh).toBe('after the change');
  expect(cache.get('a')).toBe('after the change');
  expect(calls).toBe(2);
});
