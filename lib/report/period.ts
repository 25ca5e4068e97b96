import { DateTime } from 'luxon';
import { z } from 'zod';
import type { BusinessCalendar } from '../core/calendar';
import { IsoDate } from '../core/calendar';

/**
 * The report period (docs/architecture.md "Report"): whole local days in the team calendar's zone, half-open
 * `[from, to)` — `from` is 00:00 of the first day, `to` is 00:00 of the day after the last.
 * Luxon does the zone arithmetic, so a DST week is 167 or 169 hours long, as it really is.
 */
export const PERIOD_PRESETS = ['this_week', 'last_week', 'this_month', 'last_month', 'last_90_days'] as const;
export const PeriodPreset = z.enum(PERIOD_PRESETS);
export type PeriodPreset = z.infer<typeof PeriodPreset>;

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  this_week: 'This week',
  last_week: 'Last week',
  this_month: 'This month',
  last_month: 'Last month',
  last_90_days: 'Last 90 days',
};

export interface ReportPeriod {
  /** Epoch ms of 00:00 of the first day, in the calendar's zone. */
  from: number;
  /** Epoch ms of 00:00 of the day after the last day (exclusive). */
  to: number;
  /** The first and last local dates, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
  timeZone: string;
}

function periodOfDays(first: DateTime, last: DateTime, timeZone: string): ReportPeriod {
  const from = first.startOf('day');
  const to = last.startOf('day').plus({ days: 1 });
  return {
    from: from.toMillis(),
    to: to.toMillis(),
    firstDay: from.toISODate() ?? '',
    lastDay: last.startOf('day').toISODate() ?? '',
    timeZone,
  };
}

/** A preset period as of `now` (weeks start on Monday, ISO). */
export function presetPeriod(preset: PeriodPreset, calendar: BusinessCalendar, now: number): ReportPeriod {
  const zone = calendar.timeZone;
  const today = DateTime.fromMillis(now, { zone }).startOf('day');
  switch (preset) {
    case 'this_week': {
      const monday = today.startOf('week');
      return periodOfDays(monday, monday.plus({ days: 6 }), zone);
    }
    case 'last_week': {
      const monday = today.startOf('week').minus({ weeks: 1 });
      return periodOfDays(monday, monday.plus({ days: 6 }), zone);
    }
    case 'this_month':
      return periodOfDays(today.startOf('month'), today.endOf('month'), zone);
    case 'last_month': {
      const first = today.startOf('month').minus({ months: 1 });
      return periodOfDays(first, first.endOf('month'), zone);
    }
    case 'last_90_days':
      return periodOfDays(today.minus({ days: 89 }), today, zone);
  }
}

/** A custom period from two local dates, both included. Throws a RangeError on bad or reversed dates. */
export function customPeriod(firstDay: string, lastDay: string, calendar: BusinessCalendar): ReportPeriod {
  if (!IsoDate.safeParse(firstDay).success) throw new RangeError(`"${firstDay}" is not a date YYYY-MM-DD`);
  if (!IsoDate.safeParse(lastDay).success) throw new RangeError(`"${lastDay}" is not a date YYYY-MM-DD`);
  const zone = calendar.timeZone;
  const first = DateTime.fromISO(firstDay, { zone });
  const last = DateTime.fromISO(lastDay, { zone });
  if (last < first) throw new RangeError(`the period ends (${lastDay}) before it starts (${firstDay})`);
  return periodOfDays(first, last, zone);
}

/**
 * A period from two instants (the `?from=&to=` of a report link). Both must be local midnights in
 * the calendar's zone, so a link reproduces the same whole days; otherwise a RangeError.
 */
export function periodFromInstants(from: number, to: number, calendar: BusinessCalendar): ReportPeriod {
  const zone = calendar.timeZone;
  const start = DateTime.fromMillis(from, { zone });
  const end = DateTime.fromMillis(to, { zone });
  if (!start.isValid || !end.isValid) throw new RangeError('the period needs two valid instants');
  if (+start.startOf('day') !== from || +end.startOf('day') !== to)
    throw new RangeError(`the period must start and end at local midnight in ${zone}`);
  if (to <= from) throw new RangeError('the period must end after it starts');
  return periodOfDays(start, end.minus({ days: 1 }), zone);
}

export function inPeriod(period: ReportPeriod, t: number): boolean {
  return t >= period.from && t < period.to;
}

/** Calendar days in the period (whole local days; a DST day still counts as one). */
export function periodDays(period: ReportPeriod): number {
  const first = DateTime.fromISO(period.firstDay, { zone: period.timeZone });
  const last = DateTime.fromISO(period.lastDay, { zone: period.timeZone });
  return Math.round(last.diff(first, 'days').days) + 1;
}

/** The average month length used to prorate monthly commitments (365.25 / 12). */
export const DAYS_PER_MONTH = 30.4375;
