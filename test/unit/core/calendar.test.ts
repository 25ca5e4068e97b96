import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addBusinessTime,
  addCalendarDays,
  BusinessCalendar,
  type BusinessCalendarInput,
  businessTimeBetween,
  defaultCalendar,
  isWorkingTime,
  localDate,
  nextWorkingInstant,
  previousWorkingInstant,
  resolvedTimeZone,
  workingIntervalsOn,
} from '../../../lib/core/calendar';
import { describeZodError } from '../../../lib/model/schemas';

const M = 60_000;
const H = 60 * M;

const cal = (input: BusinessCalendarInput) => BusinessCalendar.parse(input);
/** A local wall time in the calendar's zone → epoch ms. */
const at = (c: BusinessCalendar, text: string) => {
  const dt = DateTime.fromISO(text, { zone: c.timeZone });
  if (!dt.isValid) throw new Error(text);
  return dt.toMillis();
};
/** Epoch ms → ISO with offset in the calendar's zone, for readable assertions. */
const iso = (c: BusinessCalendar, t: number) =>
  DateTime.fromMillis(t, { zone: c.timeZone }).toISO({ suppressMilliseconds: true });

const nine2five = [{ start: '09:00', end: '17:00' }];
const weekdays = (ranges: Array<{ start: string; end: string }>) => ({
  mon: ranges,
  tue: ranges,
  wed: ranges,
  thu: ranges,
  fri: ranges,
});

describe('BusinessCalendar schema', () => {
  it('rejects an unknown time zone, naming it', () => {
    const result = BusinessCalendar.safeParse({ timeZone: 'Mars/Olympus_Mons', hours: weekdays(nine2five) });
    expect(result.success).toBe(false);
    expect(result.error && describeZodError(result.error)).toContain('unknown time zone "Mars/Olympus_Mons"');
  });

  it('rejects an inverted range, naming the day and the range', () => {
    const result = BusinessCalendar.safeParse({
      timeZone: 'UTC',
      hours: { mon: [{ start: '17:00', end: '09:00' }], tue: nine2five },
    });
    expect(result.success).toBe(false);
    const message = result.error ? describeZodError(result.error) : '';
    expect(message).toContain('hours.mon.0');
    expect(message).toContain('mon: range 17:00–09:00 is inverted');
  });

  it('rejects an empty range as inverted', () => {
    const result = BusinessCalendar.safeParse({
      timeZone: 'UTC',
      hours: { mon: [{ start: '09:00', end: '09:00' }] },
    });
    expect(result.success).toBe(false);
  });

  it('rejects overlapping ranges, naming the day and both ranges', () => {
    const result = BusinessCalendar.safeParse({
      timeZone: 'UTC',
      hours: {
        tue: [
          { start: '11:00', end: '13:00' },
          { start: '09:00', end: '12:00' },
        ],
      },
    });
    expect(result.success).toBe(false);
    expect(result.error && describeZodError(result.error)).toContain(
      'tue: ranges 09:00–12:00 and 11:00–13:00 overlap',
    );
  });

  it('accepts touching ranges and merges them', () => {
    const c = cal({
      timeZone: 'UTC',
      hours: {
        mon: [
          { start: '09:00', end: '12:00' },
          { start: '12:00', end: '13:00' },
        ],
      },
    });
    expect(workingIntervalsOn(c, '2025-06-02').map(([s, e]) => [iso(c, s), iso(c, e)])).toEqual([
      ['2025-06-02T09:00:00Z', '2025-06-02T13:00:00Z'],
    ]);
  });

  it('validates HH:MM, allowing 24:00 as an end', () => {
    expect(
      BusinessCalendar.safeParse({ timeZone: 'UTC', hours: { mon: [{ start: '9:00', end: '17:00' }] } })
        .success,
    ).toBe(false);
    expect(
      BusinessCalendar.safeParse({ timeZone: 'UTC', hours: { mon: [{ start: '09:00', end: '24:00' }] } })
        .success,
    ).toBe(true);
    expect(
      BusinessCalendar.safeParse({ timeZone: 'UTC', hours: { mon: [{ start: '09:00', end: '24:30' }] } })
        .success,
    ).toBe(false);
  });

  it('rejects holidays that are not calendar dates, naming them', () => {
    const result = BusinessCalendar.safeParse({
      timeZone: 'UTC',
      hours: weekdays(nine2five),
      holidays: ['2025-02-30'],
    });
    expect(result.success).toBe(false);
    expect(result.error && describeZodError(result.error)).toContain('"2025-02-30" is not a calendar date');
  });

  it('rejects a calendar without any working hours', () => {
    const result = BusinessCalendar.safeParse({ timeZone: 'UTC', hours: {} });
    expect(result.success).toBe(false);
    expect(result.error && describeZodError(result.error)).toContain('no working hours on any day');
  });

  it('defaults to Monday–Friday 09:00–17:00 in the runtime zone', () => {
    const c = defaultCalendar();
    expect(c.timeZone).toBe(resolvedTimeZone());
    expect(c.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(c.hours.mon).toEqual(nine2five);
    expect(c.hours.fri).toEqual(nine2five);
    expect(c.hours.sat).toEqual([]);
    expect(c.hours.sun).toEqual([]);
    expect(c.holidays).toEqual([]);
    expect(defaultCalendar('Asia/Kolkata').timeZone).toBe('Asia/Kolkata');
    expect(() => defaultCalendar('Nowhere/Special')).toThrow(/unknown time zone "Nowhere\/Special"/);
  });
});

describe('closing-time convention', () => {
  const c = defaultCalendar('UTC');

  it('treats opening and closing instants as working time', () => {
    expect(isWorkingTime(c, at(c, '2025-06-02T09:00'))).toBe(true);
    expect(isWorkingTime(c, at(c, '2025-06-02T17:00'))).toBe(true);
    expect(isWorkingTime(c, at(c, '2025-06-02T17:00') + 1)).toBe(false);
    expect(isWorkingTime(c, at(c, '2025-06-02T09:00') - 1)).toBe(false);
  });

  it('lands on 17:00 of the same day, not 09:00 of the next', () => {
    expect(iso(c, addBusinessTime(c, at(c, '2025-06-02T13:00'), 4 * H))).toBe('2025-06-02T17:00:00Z');
    // 09:00 next day is equal in business time
    expect(businessTimeBetween(c, at(c, '2025-06-02T17:00'), at(c, '2025-06-03T09:00'))).toBe(0);
    // one more millisecond moves to the next opening
    expect(addBusinessTime(c, at(c, '2025-06-02T13:00'), 4 * H + 1)).toBe(at(c, '2025-06-03T09:00') + 1);
  });

  it('subtracting onto an opening returns the opening', () => {
    expect(iso(c, addBusinessTime(c, at(c, '2025-06-03T13:00'), -4 * H))).toBe('2025-06-03T09:00:00Z');
    expect(addBusinessTime(c, at(c, '2025-06-03T13:00'), -4 * H - 1)).toBe(at(c, '2025-06-02T17:00') - 1);
  });

  it('adding zero returns the instant itself', () => {
    const saturday = at(c, '2025-06-07T12:00');
    expect(addBusinessTime(c, saturday, 0)).toBe(saturday);
  });

  it('next/previous working instants keep a working instant and jump otherwise', () => {
    expect(iso(c, nextWorkingInstant(c, at(c, '2025-06-02T17:00')))).toBe('2025-06-02T17:00:00Z');
    expect(iso(c, nextWorkingInstant(c, at(c, '2025-06-06T17:01')))).toBe('2025-06-09T09:00:00Z');
    expect(iso(c, previousWorkingInstant(c, at(c, '2025-06-09T08:59')))).toBe('2025-06-06T17:00:00Z');
  });

  it('rejects non-finite input', () => {
    expect(() => addBusinessTime(c, Number.NaN, 1)).toThrow(RangeError);
    expect(() => businessTimeBetween(c, 0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('split shifts, holidays and night shifts', () => {
  const c = cal({
    timeZone: 'Europe/Berlin',
    hours: weekdays([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]),
    holidays: ['2025-12-25', '2025-12-26'],
  });

  it('skips the lunch break', () => {
    expect(isWorkingTime(c, at(c, '2025-06-02T12:30'))).toBe(false);
    expect(iso(c, nextWorkingInstant(c, at(c, '2025-06-02T12:30')))).toBe('2025-06-02T13:00:00+02:00');
    expect(iso(c, previousWorkingInstant(c, at(c, '2025-06-02T12:30')))).toBe('2025-06-02T12:00:00+02:00');
    expect(iso(c, addBusinessTime(c, at(c, '2025-06-02T10:00'), 3.5 * H))).toBe('2025-06-02T14:30:00+02:00');
    expect(businessTimeBetween(c, at(c, '2025-06-02T11:00'), at(c, '2025-06-02T14:00'))).toBe(2 * H);
    // 7.5 h a day
    expect(businessTimeBetween(c, at(c, '2025-06-02T00:00'), at(c, '2025-06-03T00:00'))).toBe(7.5 * H);
  });

  it('skips holidays', () => {
    // Wed 24 Dec 16:00 + 2 h: 1.5 h on Wednesday, then Thu 25 and Fri 26 are holidays → Mon 29 09:30
    expect(iso(c, addBusinessTime(c, at(c, '2025-12-24T16:00'), 2 * H))).toBe('2025-12-29T09:30:00+01:00');
    expect(workingIntervalsOn(c, '2025-12-25')).toEqual([]);
  });

  it('handles a shift that runs to midnight and on into the next day', () => {
    const night = cal({
      timeZone: 'UTC',
      hours: {
        mon: [{ start: '18:00', end: '24:00' }],
        tue: [
          { start: '00:00', end: '02:00' },
          { start: '18:00', end: '24:00' },
        ],
      },
    });
    expect(isWorkingTime(night, at(night, '2025-06-03T00:00'))).toBe(true);
    expect(iso(night, addBusinessTime(night, at(night, '2025-06-02T23:00'), 2 * H))).toBe(
      '2025-06-03T01:00:00Z',
    );
    expect(iso(night, addBusinessTime(night, at(night, '2025-06-02T18:00'), 6 * H))).toBe(
      '2025-06-03T00:00:00Z',
    );
    expect(iso(night, addBusinessTime(night, at(night, '2025-06-03T01:00'), -2 * H))).toBe(
      '2025-06-02T23:00:00Z',
    );
    expect(businessTimeBetween(night, at(night, '2025-06-02T12:00'), at(night, '2025-06-03T12:00'))).toBe(
      8 * H,
    );
    // the whole week: Mon 6 h + Tue 8 h
    expect(businessTimeBetween(night, at(night, '2025-06-02T00:00'), at(night, '2025-06-09T00:00'))).toBe(
      14 * H,
    );
  });

  it('crosses weeks and years', () => {
    const utc = defaultCalendar('UTC');
    // 40 business hours a week: 400 h = 10 weeks
    expect(iso(utc, addBusinessTime(utc, at(utc, '2025-11-03T09:00'), 400 * H))).toBe('2026-01-09T17:00:00Z');
    expect(iso(utc, addBusinessTime(utc, at(utc, '2026-01-09T17:00'), -400 * H))).toBe(
      '2025-11-03T09:00:00Z',
    );
    expect(businessTimeBetween(utc, at(utc, '2025-01-01T00:00'), at(utc, '2026-01-01T00:00'))).toBe(
      261 * 8 * H,
    );
  });
});

describe('DST: America/New_York', () => {
  const ny = defaultCalendar('America/New_York');
  const allDay = cal({
    timeZone: 'America/New_York',
    hours: {
      mon: [{ start: '00:00', end: '24:00' }],
      tue: [{ start: '00:00', end: '24:00' }],
      wed: [{ start: '00:00', end: '24:00' }],
      thu: [{ start: '00:00', end: '24:00' }],
      fri: [{ start: '00:00', end: '24:00' }],
      sat: [{ start: '00:00', end: '24:00' }],
      sun: [{ start: '00:00', end: '24:00' }],
    },
  });

  it('keeps office hours in local time across spring forward (2024-03-10)', () => {
    expect(iso(ny, addBusinessTime(ny, at(ny, '2024-03-08T16:00'), 2 * H))).toBe('2024-03-11T10:00:00-04:00');
    expect(businessTimeBetween(ny, at(ny, '2024-03-08T16:00'), at(ny, '2024-03-11T10:00'))).toBe(2 * H);
    expect(isWorkingTime(ny, Date.parse('2024-03-11T13:30:00Z'))).toBe(true); // 09:30 EDT
    expect(isWorkingTime(ny, Date.parse('2024-03-08T13:30:00Z'))).toBe(false); // 08:30 EST
  });

  it('keeps office hours in local time across fall back (2024-11-03)', () => {
    expect(iso(ny, addBusinessTime(ny, at(ny, '2024-11-01T16:00'), 2 * H))).toBe('2024-11-04T10:00:00-05:00');
    expect(businessTimeBetween(ny, at(ny, '2024-11-01T09:00'), at(ny, '2024-11-04T17:00'))).toBe(16 * H);
  });

  it('counts 23 h and 25 h days on a round-the-clock calendar', () => {
    const total = (date: string) => workingIntervalsOn(allDay, date).reduce((sum, [s, e]) => sum + e - s, 0);
    expect(total('2024-03-10')).toBe(23 * H);
    expect(total('2024-11-03')).toBe(25 * H);
    expect(total('2024-11-04')).toBe(24 * H);
    expect(iso(allDay, addBusinessTime(allDay, at(allDay, '2024-03-09T12:00'), 24 * H))).toBe(
      '2024-03-10T13:00:00-04:00',
    );
  });

  it('resolves skipped and repeated wall times', () => {
    const sunday = cal({ timeZone: 'America/New_York', hours: { sun: [{ start: '01:00', end: '03:00' }] } });
    // spring forward: 01:00 EST → 03:00 EDT is one real hour
    expect(businessTimeBetween(sunday, at(sunday, '2024-03-10T00:00'), at(sunday, '2024-03-11T00:00'))).toBe(
      1 * H,
    );
    // fall back: 01:00 EDT (the earlier 01:00) → 03:00 EST is three real hours
    const [[s, e] = [0, 0]] = workingIntervalsOn(sunday, '2024-11-03');
    expect(new Date(s).toISOString()).toBe('2024-11-03T05:00:00.000Z');
    expect(new Date(e).toISOString()).toBe('2024-11-03T08:00:00.000Z');
  });

  it('adds calendar days in local wall time', () => {
    expect(iso(ny, addCalendarDays(ny, at(ny, '2024-03-03T10:00'), 14))).toBe('2024-03-17T10:00:00-04:00');
    expect(iso(ny, addCalendarDays(ny, at(ny, '2024-03-10T10:00'), 1))).toBe('2024-03-11T10:00:00-04:00');
    expect(iso(ny, addCalendarDays(ny, at(ny, '2024-10-27T10:00'), 14))).toBe('2024-11-10T10:00:00-05:00');
    expect(iso(ny, addCalendarDays(ny, at(ny, '2024-03-10T03:30'), -1))).toBe('2024-03-09T03:30:00-05:00');
    expect(localDate(ny, Date.parse('2024-03-11T03:00:00Z'))).toBe('2024-03-10');
  });
});

describe('DST: Europe/Berlin', () => {
  const berlin = cal({
    timeZone: 'Europe/Berlin',
    hours: { ...weekdays(nine2five), sun: [{ start: '02:00', end: '04:00' }] },
    // Good Friday and Easter Monday 2024, around the spring-forward weekend
    holidays: ['2024-03-29', '2024-04-01'],
  });

  it('carries over a holiday weekend with a DST change', () => {
    const office = cal({ ...berlin, hours: weekdays(nine2five) });
    // Thu 1 h, Good Friday, weekend, Easter Monday, then Tue 09:00 CEST + 1 h
    expect(iso(office, addBusinessTime(office, at(office, '2024-03-28T16:00'), 2 * H))).toBe(
      '2024-04-02T10:00:00+02:00',
    );
    // with the Sunday shift, whose 02:00 start falls in the gap, the second hour is Sunday 03:00–04:00 CEST
    expect(iso(berlin, addBusinessTime(berlin, at(berlin, '2024-03-28T16:00'), 2 * H))).toBe(
      '2024-03-31T04:00:00+02:00',
    );
  });

  it('shrinks a range that starts in the spring-forward gap (2024-03-31)', () => {
    const [[s, e] = [0, 0]] = workingIntervalsOn(berlin, '2024-03-31');
    expect(iso(berlin, s)).toBe('2024-03-31T03:00:00+02:00');
    expect(iso(berlin, e)).toBe('2024-03-31T04:00:00+02:00');
  });

  it('stretches a range over the repeated hour (2024-10-27)', () => {
    const [[s, e] = [0, 0]] = workingIntervalsOn(berlin, '2024-10-27');
    expect(new Date(s).toISOString()).toBe('2024-10-27T00:00:00.000Z'); // 02:00 CEST
    expect(new Date(e).toISOString()).toBe('2024-10-27T03:00:00.000Z'); // 04:00 CET
    expect(e - s).toBe(3 * H);
  });

  it('keeps office hours at 09:00 local on both sides of the change', () => {
    expect(new Date(nextWorkingInstant(berlin, Date.parse('2024-03-29T12:00:00Z'))).toISOString()).toBe(
      '2024-03-31T01:00:00.000Z', // Sunday 03:00 CEST (02:00 does not exist)
    );
    expect(new Date(nextWorkingInstant(berlin, Date.parse('2024-03-31T03:00:00Z'))).toISOString()).toBe(
      '2024-04-02T07:00:00.000Z', // Tuesday 09:00 CEST (Monday is a holiday)
    );
    expect(new Date(nextWorkingInstant(berlin, Date.parse('2024-10-27T04:00:00Z'))).toISOString()).toBe(
      '2024-10-28T08:00:00.000Z', // Monday 09:00 CET
    );
  });
});

describe('half-hour zone: Asia/Kolkata', () => {
  const kolkata = cal({
    timeZone: 'Asia/Kolkata',
    hours: weekdays([
      { start: '09:30', end: '13:00' },
      { start: '14:00', end: '18:30' },
    ]),
  });

  it('opens at 04:00 UTC (09:30 IST)', () => {
    expect(isWorkingTime(kolkata, Date.parse('2024-03-11T04:00:00Z'))).toBe(true);
    expect(isWorkingTime(kolkata, Date.parse('2024-03-11T03:59:59.999Z'))).toBe(false);
    expect(new Date(nextWorkingInstant(kolkata, Date.parse('2024-03-09T12:00:00Z'))).toISOString()).toBe(
      '2024-03-11T04:00:00.000Z',
    );
  });

  it('adds across lunch and across the US/EU DST weekends unchanged', () => {
    expect(iso(kolkata, addBusinessTime(kolkata, at(kolkata, '2024-03-11T12:30'), 1 * H))).toBe(
      '2024-03-11T14:30:00+05:30',
    );
    expect(
      businessTimeBetween(kolkata, at(kolkata, '2024-03-04T09:30'), at(kolkata, '2024-03-15T18:30')),
    ).toBe(10 * 8 * H);
    expect(iso(kolkata, addBusinessTime(kolkata, at(kolkata, '2024-10-25T17:30'), 2 * H))).toBe(
      '2024-10-28T10:30:00+05:30',
    );
  });
});

describe('a zone that skipped a whole day: Pacific/Apia, 2011-12-30', () => {
  const apia = cal({ timeZone: 'Pacific/Apia', hours: weekdays(nine2five) });

  it('has no 30 December and carries on to Monday', () => {
    expect(workingIntervalsOn(apia, '2011-12-30')).toEqual([]);
    expect(iso(apia, addBusinessTime(apia, at(apia, '2011-12-29T16:00'), 2 * H))).toBe(
      '2012-01-02T10:00:00+14:00',
    );
    expect(businessTimeBetween(apia, at(apia, '2011-12-29T09:00'), at(apia, '2012-01-02T17:00'))).toBe(
      16 * H,
    );
  });
});
