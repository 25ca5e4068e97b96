import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  customPeriod,
  inPeriod,
  periodDays,
  periodFromInstants,
  presetPeriod,
} from '../../../lib/report/period';
import { calendar, t, ZONE } from './fixtures';

const local = (ms: number) => DateTime.fromMillis(ms, { zone: ZONE }).toFormat("yyyy-LL-dd'T'HH:mm");

describe('report periods: whole local days [from, to)', () => {
  const now = t('2025-03-12T15:30'); // a Wednesday, the week DST starts (Sunday 9 March)

  it('this week runs Monday 00:00 to the next Monday 00:00 in the calendar zone', () => {
    const p = presetPeriod('this_week', calendar, now);
    expect([local(p.from), local(p.to)]).toEqual(['2025-03-10T00:00', '2025-03-17T00:00']);
    expect(p.to - p.from).toBe(7 * 24 * 3_600_000);
  });

  it('last week across the spring-forward night is 167 hours long and still 7 days', () => {
    const p = presetPeriod('last_week', calendar, now);
    expect([local(p.from), local(p.to)]).toEqual(['2025-03-03T00:00', '2025-03-10T00:00']);
    expect(p.to - p.from).toBe(167 * 3_600_000);
    expect(periodDays(p)).toBe(7);
  });

  it('this month, last month and last 90 days', () => {
    const month = presetPeriod('this_month', calendar, now);
    expect([month.firstDay, month.lastDay, local(month.to)]).toEqual([
      '2025-03-01',
      '2025-03-31',
      '2025-04-01T00:00',
    ]);
    const last = presetPeriod('last_month', calendar, t('2025-01-15T12:00'));
    expect([last.firstDay, last.lastDay]).toEqual(['2024-12-01', '2024-12-31']);
    const ninety = presetPeriod('last_90_days', calendar, now);
    expect(ninety.lastDay).toBe('2025-03-12');
    expect(periodDays(ninety)).toBe(90);
  });

  it('a custom period includes both dates; the end is exclusive', () => {
    const p = customPeriod('2025-11-01', '2025-11-02', calendar); // fall back on 2 November
    expect(p.to - p.from).toBe(49 * 3_600_000);
    expect(inPeriod(p, t('2025-11-02T23:59'))).toBe(true);
    expect(inPeriod(p, t('2025-11-03T00:00'))).toBe(false);
    expect(inPeriod(p, t('2025-11-01T00:00'))).toBe(true);
    expect(() => customPeriod('2025-11-02', '2025-11-01', calendar)).toThrow(RangeError);
    expect(() => customPeriod('2025-13-01', '2025-11-01', calendar)).toThrow(RangeError);
  });

  it('a link’s instants give the same period back, and only local midnights are accepted', () => {
    const p = presetPeriod('last_week', calendar, now);
    expect(periodFromInstants(p.from, p.to, calendar)).toEqual(p);
    expect(() => periodFromInstants(p.from + 3_600_000, p.to, calendar)).toThrow(RangeError);
    expect(() => periodFromInstants(p.to, p.from, calendar)).toThrow(RangeError);
  });
});
