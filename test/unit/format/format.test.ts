import { describe, expect, test } from 'vitest';
import { defaultQualificationFields } from '@/lib/core';
import { parseFieldInput } from '@/lib/format/field-input';
import { relativeTime } from '@/lib/format/relative-time';
import { safeHttpUrl } from '@/lib/format/safe-url';

const field = (key: string) => {
  const found = defaultQualificationFields.find((f) => f.key === key);
  if (!found) throw new Error(key);
  return found;
};

describe('safeHttpUrl', () => {
  test.each([
    ['https://example.com/a?b=c', 'https://example.com/a?b=c'],
    ['http://example.com', 'http://example.com/'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<script>alert(1)</script>', undefined],
    ['  JAVASCRIPT:alert(1)', undefined],
    ['ftp://example.com', undefined],
    ['not a url', undefined],
    ['https://www.hubspot.com@evil.example/', undefined],
    ['https://user:pass@example.com/', undefined],
    ['https://example.com/@someone', 'https://example.com/@someone'],
    [undefined, undefined],
  ])('%s → %s', (input, expected) => {
    expect(safeHttpUrl(input)).toBe(expected);
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  test.each([
    [now - 20_000, 'just now'],
    [now - 5 * 60_000, '5 minutes ago'],
    [now - 3 * 24 * 3600_000, '3 days ago'],
    [now - 24 * 3600_000, 'yesterday'],
    [now + 2 * 3600_000, 'in 2 hours'],
  ])('%s', (at, expected) => {
    expect(relativeTime(at, now)).toBe(expected);
  });
});

describe('parseFieldInput', () => {
  test('an amount needs a figure; the rep’s wording is kept', () => {
    expect(parseFieldInput(field('budget'), 'lots')).toEqual({
      ok: false,
      error: 'Budget: include an amount, e.g. $50k',
    });
    expect(parseFieldInput(field('budget'), ' €40k–60k ')).toEqual({
      ok: true,
      patch: { budget: '€40k–60k' },
    });
  });
  test('a number field takes whole numbers with separators', () => {
    expect(parseFieldInput(field('companySize'), '1,200')).toEqual({
      ok: true,
      patch: { companySize: 1200 },
    });
    expect(parseFieldInput(field('companySize'), '12.5')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Company size'),
    });
    expect(parseFieldInput(field('companySize'), '99999999999999999999')).toMatchObject({ ok: false });
  });
  test('a picklist accepts only its options', () => {
    expect(parseFieldInput(field('timeframe'), 'Someday')).toMatchObject({
      ok: false,
      error: expect.stringContaining('choose one of'),
    });
    expect(parseFieldInput(field('timeframe'), 'Next quarter')).toEqual({
      ok: true,
      patch: { timeframe: 'Next quarter' },
    });
  });
  test('empty input and a malformed phone are refused', () => {
    expect(parseFieldInput(field('need'), '   ')).toEqual({ ok: false, error: 'Need: enter a value' });
    expect(parseFieldInput(field('phone'), 'call me')).toMatchObject({
      ok: false,
      error: expect.stringContaining('Phone'),
    });
    expect(parseFieldInput(field('phone'), '+1 (555) 010-0199')).toEqual({
      ok: true,
      patch: { phone: '+1 (555) 010-0199' },
    });
  });
});
