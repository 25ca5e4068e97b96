import { DateTime, IANAZone } from 'luxon';
import { z } from 'zod';

/**
 * The business calendar behind the SLA clock (docs/architecture.md "The SLA clock"): an IANA time zone, working hours per
 * weekday (split shifts allowed) and holidays as local dates. Every instant is epoch milliseconds
 * (`number`); nothing here reads the clock.
 *
 * Conventions, shared with moment-business-time, rickar/cal and zendesk/biz (see the vector tests):
 * - Working intervals are closed: the opening instant and the closing instant are both working time
 *   (`isWorkingTime` at 17:00 of a 09:00–17:00 day is true), so a deadline may sit on a closing instant.
 * - `addBusinessTime(t, d)` with d > 0 returns the EARLIEST instant r with `businessTimeBetween(t, r) === d`.
 *   Adding time that lands exactly on 17:00 therefore returns 17:00 of that day, never 09:00 of the next
 *   working day (both are equal in business time). With d < 0 it returns the LATEST such instant before t,
 *   so subtracting onto 09:00 returns 09:00, not 17:00 of the previous day. With d = 0 it returns t unchanged
 *   (zendesk/biz returns the next working instant instead; the two are equal in business time).
 * - Local wall times are resolved like Temporal's "compatible" disambiguation (and zendesk/biz): a time
 *   skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30), an ambiguous fall-back time
 *   takes its earlier (daylight) occurrence. A range that becomes empty on a DST day is dropped.
 * - Calendars are treated as immutable values: compiled per-day intervals are cached per calendar object.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** "HH:MM" from 00:00 to 24:00 (24:00 only makes sense as the end of a range). */
export const ClockTime = z.string().regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, {
  message: 'must be a time HH:MM between 00:00 and 24:00',
});

export const TimeRange = z.object({ start: ClockTime, end: ClockTime });
export type TimeRange = z.infer<typeof TimeRange>;

/** Minutes since local midnight of an "HH:MM" string already validated by {@link ClockTime}. */
export function clockMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export function isValidTimeZone(name: string): boolean {
  return typeof name === 'string' && name.length > 0 && IANAZone.isValidZone(name);
}

export const TimeZoneName = z.string().superRefine((value, ctx) => {
  if (!isValidTimeZone(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `unknown time zone "${value}": use an IANA name such as Europe/Berlin or America/New_York`,
    });
  }
});

export const IsoDate = z.string().superRefine((value, ctx) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value, { zone: 'utc' }).isValid) {
    ctx.addIssue({ code: 'custom', message: `"${value}" is not a calendar date YYYY-MM-DD` });
  }
});

const DayHours = z.array(TimeRange).default([]);

const WeekHours = z
  .object({
    mon: DayHours,
    tue: DayHours,
    wed: DayHours,
    thu: DayHours,
    fri: DayHours,
    sat: DayHours,
    sun: DayHours,
  })
  .superRefine((hours, ctx) => {
    let any = false;
    for (const day of WEEKDAYS) {
      const ranges = hours[day];
      ranges.forEach((range, index) => {
        if (clockMinutes(range.start) >= clockMinutes(range.end)) {
          ctx.addIssue({
            code: 'custom',
            path: [day, index],
            message: `${day}: range ${range.start}–${range.end} is inverted or empty (start must be before end)`,
          });
        } else {
          any = true;
        }
      });
      const sorted = [...ranges].sort((a, b) => clockMinutes(a.start) - clockMinutes(b.start));
      for (let i = 1; i < sorted.length; i++) {
        const previous = sorted[i - 1];
        const current = sorted[i];
        if (previous && current && clockMinutes(current.start) < clockMinutes(previous.end)) {
          ctx.addIssue({
            code: 'custom',
            path: [day],
            message: `${day}: ranges ${previous.start}–${previous.end} and ${current.start}–${current.end} overlap`,
          });
        }
      }
    }
    if (!any) {
      ctx.addIssue({
        code: 'custom',
        message: 'no working hours on any day: give at least one weekday a range',
      });
    }
  });

export const BusinessCalendar = z.object({
  timeZone: TimeZoneName,
  hours: WeekHours,
  holidays: z.array(IsoDate).default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendar>;
export type BusinessCalendarInput = z.input<typeof BusinessCalendar>;

/** The zone the runtime resolves (the browser's), falling back to UTC. */
export function resolvedTimeZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone && isValidTimeZone(zone) ? zone : 'UTC';
}

/** Monday–Friday 09:00–17:00, no holidays, in `timeZone` (default: the runtime's zone). */
export function defaultCalendar(timeZone: string = resolvedTimeZone()): BusinessCalendar {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone "${timeZone}"`);
  const office = [{ start: '09:00', end: '17:00' }];
  return BusinessCalendar.parse({
    timeZone,
    hours: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
    holidays: [],
  });
}

// ---------------------------------------------------------------------------------------------
// Compiled form: per local date, the working intervals in epoch ms, built once with Luxon and cached.

interface Interval {
  readonly s: number;
  readonly e: number;
}

interface DayEntry {
  /** Days since 1970-01-01 of the local date. */
  readonly day: number;
  /** First instant of the local date. */
  readonly startMs: number;
  /** First instant of the next local date. */
  readonly endMs: number;
  readonly iv: readonly Interval[];
  readonly workMs: number;
}

interface Compiled {
  readonly zone: IANAZone;
  /** Merged minute ranges per weekday, index 0 = Monday. */
  readonly weekly: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  readonly holidays: ReadonlySet<string>;
  readonly days: Map<number, DayEntry>;
  readonly starts: Map<number, number>;
  /** Offset guess (ms) used to find the local date of an instant; corrected by the cached day bounds. */
  guess: number;
  /** Scans that see this many consecutive days without working time give up (a broken calendar). */
  readonly emptyLimit: number;
}

const compiledCache = new WeakMap<BusinessCalendar, Compiled>();
const MAX_CACHED_DAYS = 50_000;

function compile(cal: BusinessCalendar): Compiled {
  const cached = compiledCache.get(cal);
  if (cached) return cached;
  if (!isValidTimeZone(cal.timeZone)) throw new Error(`unknown time zone "${cal.timeZone}"`);
  const weekly = WEEKDAYS.map((day) => {
    const ranges = (cal.hours[day] ?? [])
      .map((r) => [clockMinutes(r.start), clockMinutes(r.end)] as [number, number])
      .filter(([s, e]) => s < e)
      .sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const range of ranges) {
      const last = merged[merged.length - 1];
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([range[0], range[1]]);
    }
    return merged;
  });
  if (weekly.every((ranges) => ranges.length === 0)) throw new Error('the calendar has no working hours');
  const compiled: Compiled = {
    zone: IANAZone.create(cal.timeZone),
    weekly,
    holidays: new Set(cal.holidays),
    days: new Map(),
    starts: new Map(),
    guess: 0,
    emptyLimit: 7 * (cal.holidays.length + 3),
  };
  compiled.guess = compiled.zone.offset(0) * MINUTE_MS;
  compiledCache.set(cal, compiled);
  return compiled;
}

function civil(day: number): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** The instant of a local wall time, "compatible" disambiguation (gap → later, fold → earlier). */
function wallInstant(c: Compiled, day: number, minutes: number): number {
  const date = civil(day);
  const dt = DateTime.fromObject(
    { ...date, hour: Math.floor(minutes / 60), minute: minutes % 60 },
    { zone: c.zone },
  );
  let best = dt.toMillis();
  for (const candidate of dt.getPossibleOffsets()) best = Math.min(best, candidate.toMillis());
  return best;
}

function startOfDay(c: Compiled, day: number): number {
  let ms = c.starts.get(day);
  if (ms === undefined) {
    ms = wallInstant(c, day, 0);
    c.starts.set(day, ms);
  }
  return ms;
}

function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function entry(c: Compiled, day: number): DayEntry {
  const found = c.days.get(day);
  if (found) return found;
  if (c.days.size >= MAX_CACHED_DAYS) {
    c.days.clear();
    c.starts.clear();
  }
  const startMs = startOfDay(c, day);
  const endMs = startOfDay(c, day + 1);
  const weekday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday
  const ranges = c.weekly[weekday] ?? [];
  const iv: Interval[] = [];
  let workMs = 0;
  if (ranges.length > 0 && !c.holidays.has(isoDateOfDay(day))) {
    for (const [startMin, endMin] of ranges) {
      const s = Math.max(startMs, wallInstant(c, day, startMin));
      const e = Math.min(endMs, endMin >= 1440 ? endMs : wallInstant(c, day, endMin));
      if (e <= s) continue; // e.g. 02:30–03:15 on a spring-forward day
      const last = iv[iv.length - 1];
      if (last && s <= last.e) {
        workMs += Math.max(0, e - last.e);
        iv[iv.length - 1] = { s: last.s, e: Math.max(last.e, e) };
      } else {
        iv.push({ s, e });
        workMs += e - s;
      }
    }
  }
  const built: DayEntry = { day, startMs, endMs, iv, workMs };
  c.days.set(day, built);
  c.guess = day * DAY_MS - startMs;
  return built;
}

/** The cached day containing instant t. */
function entryAt(c: Compiled, t: number): DayEntry {
  let e = entry(c, Math.floor((t + c.guess) / DAY_MS));
  while (t < e.startMs) e = entry(c, e.day - 1);
  while (t >= e.endMs) e = entry(c, e.day + 1);
  return e;
}

function assertInstant(t: number, name = 'instant'): void {
  if (!Number.isFinite(t))
    throw new RangeError(`${name} must be a finite epoch-millisecond number, got ${t}`);
}

function tooSparse(c: Compiled): never {
  throw new Error(`the calendar has no working time within ${c.emptyLimit} days`);
}

// ---------------------------------------------------------------------------------------------
// Operations

/** True when t is inside working hours, opening and closing instants included. */
export function isWorkingTime(cal: BusinessCalendar, t: number): boolean {
  assertInstant(t);
  const c = compile(cal);
  const e = entryAt(c, t);
  for (const x of e.iv) if (x.s <= t && t <= x.e) return true;
  if (t === e.startMs) {
    const previous = entry(c, e.day - 1).iv;
    const last = previous[previous.length - 1];
    return last !== undefined && last.e === t;
  }
  return false;
}

/** t itself when it is working time, otherwise the next opening instant. */
export function nextWorkingInstant(cal: BusinessCalendar, t: number): number {
  assertInstant(t);
  const c = compile(cal);
  let e = entryAt(c, t);
  if (t === e.startMs && isWorkingTime(cal, t)) return t;
  for (let empty = 0; empty <= c.emptyLimit; empty++) {
    for (const x of e.iv) if (x.e >= t) return Math.max(x.s, t);
    if (e.iv.length > 0) empty = 0;
    e = entry(c, e.day + 1);
  }
  return tooSparse(c);
}

/** t itself when it is working time, otherwise the last closing instant before it. */
export function previousWorkingInstant(cal: BusinessCalendar, t: number): number {
  assertInstant(t);
  const c = compile(cal);
  let e = entryAt(c, t);
  for (let empty = 0; empty <= c.emptyLimit; empty++) {
    for (let i = e.iv.length - 1; i >= 0; i--) {
      const x = e.iv[i];
      if (x && x.s <= t) return Math.min(x.e, t);
    }
    if (e.iv.length > 0) empty = 0;
    e = entry(c, e.day - 1);
  }
  return tooSparse(c);
}

/**
 * t moved by `ms` of business time (negative moves back). See the module header for the landing rules:
 * forward returns the earliest matching instant (a closing instant rather than the next opening),
 * backward the latest (an opening instant rather than the previous closing); 0 returns t.
 */
export function addBusinessTime(cal: BusinessCalendar, t: number, ms: number): number {
  assertInstant(t);
  assertInstant(ms, 'duration');
  if (ms === 0) return t;
  const c = compile(cal);
  let e = entryAt(c, t);
  let remaining = Math.abs(ms);
  if (ms > 0) {
    for (let empty = 0; empty <= c.emptyLimit; empty++) {
      for (const x of e.iv) {
        if (x.e <= t) continue;
        const from = Math.max(x.s, t);
        const available = x.e - from;
        if (remaining <= available) return from + remaining;
        remaining -= available;
      }
      if (e.iv.length > 0) empty = 0;
      e = entry(c, e.day + 1);
    }
  } else {
    for (let empty = 0; empty <= c.emptyLimit; empty++) {
      for (let i = e.iv.length - 1; i >= 0; i--) {
        const x = e.iv[i];
        if (!x || x.s >= t) continue;
        const to = Math.min(x.e, t);
        const available = to - x.s;
        if (remaining <= available) return to - remaining;
        remaining -= available;
      }
      if (e.iv.length > 0) empty = 0;
      e = entry(c, e.day - 1);
    }
  }
  return tooSparse(c);
}

/** Business time from a to b in ms: positive when b is after a, negative when before, 0 when equal. */
export function businessTimeBetween(cal: BusinessCalendar, a: number, b: number): number {
  assertInstant(a);
  assertInstant(b);
  if (a === b) return 0;
  if (a > b) return 0 - businessTimeBetween(cal, b, a); // never -0
  const c = compile(cal);
  let e = entryAt(c, a);
  let total = 0;
  while (e.startMs < b) {
    if (a <= e.startMs && e.endMs <= b) {
      total += e.workMs;
    } else {
      for (const x of e.iv) {
        if (x.s >= b) break;
        const from = Math.max(x.s, a);
        const to = Math.min(x.e, b);
        if (to > from) total += to - from;
      }
    }
    e = entry(c, e.day + 1);
  }
  return total;
}

/**
 * The same local wall time `days` calendar days later (negative: earlier), in the calendar's zone.
 * Days that are exactly 24 h long carry no DST change, so the fast path adds the elapsed time since
 * local midnight to the target day's midnight; otherwise Luxon does the wall-clock arithmetic.
 */
export function addCalendarDays(cal: BusinessCalendar, t: number, days: number): number {
  assertInstant(t);
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  const c = compile(cal);
  const from = entryAt(c, t);
  const to = entry(c, from.day + days);
  if (from.endMs - from.startMs === DAY_MS && to.endMs - to.startMs === DAY_MS) {
    return to.startMs + (t - from.startMs);
  }
  return DateTime.fromMillis(t, { zone: c.zone }).plus({ days }).toMillis();
}

/** The local date (YYYY-MM-DD) of t in the calendar's zone. */
export function localDate(cal: BusinessCalendar, t: number): string {
  assertInstant(t);
  return isoDateOfDay(entryAt(compile(cal), t).day);
}

/** The working intervals of a local date, as [start, end] epoch-ms pairs (empty on holidays and days off). */
export function workingIntervalsOn(cal: BusinessCalendar, isoDate: string): Array<[number, number]> {
  const parsed = IsoDate.safeParse(isoDate);
  if (!parsed.success) throw new RangeError(`"${isoDate}" is not a calendar date YYYY-MM-DD`);
  const day = Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
  return entry(compile(cal), day).iv.map((x) => [x.s, x.e]);
}
