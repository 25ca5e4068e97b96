import { describe, expect, test } from 'vitest';
import { formatElapsed } from '@/lib/format/duration';
import { formatBytes, formatCount, plural } from '@/lib/format/numbers';

describe('formatCount and plural', () => {
  test('counts are grouped the same on every machine', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
  });
  test('one, many, and irregular plurals', () => {
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(12_000, 'warning')).toBe('12,000 warnings');
    expect(plural(1, 'touch', 'touches')).toBe('1 touch');
    expect(plural(2, 'touch', 'touches')).toBe('2 touches');
  });
});

describe('formatBytes', () => {
  test.each([
    [512, '512 bytes'],
    [1024, '1 KB'],
    [37 * 1024 + 100, '37 KB'],
    [4.2 * 1024 * 1024, '4.2 MB'],
  ])('%d → %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));
});

describe('formatElapsed', () => {
  test.each([
    [-5, '0 ms'],
    [849.6, '850 ms'],
    [1000, '1 s'],
    [89_400, '89 s'],
    [90_000, '2 min'],
    [45 * 60_000, '45 min'],
  ])('%d ms → %s', (ms, text) => expect(formatElapsed(ms)).toBe(text));
});
