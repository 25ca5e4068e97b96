import { useId, useMemo, useState } from 'react';
import { BusinessCalendar, defaultCalendar, WEEKDAYS, type Weekday } from '@/lib/core/calendar';
import { type IssuePath, LoadingSection, PartFormFrame, rowId, usePartForm, useStoredPart } from './form-kit';

const TITLE = 'Business calendar';

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

interface RangeDraft {
  id: string;
  start: string;
  end: string;
}
interface HolidayDraft {
  id: string;
  date: string;
}
interface Draft {
  timeZone: string;
  hours: Record<Weekday, RangeDraft[]>;
  holidays: HolidayDraft[];
}

function toDraft(calendar: BusinessCalendar): Draft {
  const hours = {} as Record<Weekday, RangeDraft[]>;
  for (const day of WEEKDAYS) {
    hours[day] = calendar.hours[day].map((range) => ({ id: rowId(), start: range.start, end: range.end }));
  }
  return {
    timeZone: calendar.timeZone,
    hours,
    holidays: calendar.holidays.map((date) => ({ id: rowId(), date })),
  };
}

/** "9:00" → "09:00", "0930" → "09:30"; anything else is left for the schema to reject. */
export function normalizeClock(text: string): string {
  const trimmed = text.trim();
  const match = /^(\d{1,2})[:.h]?(\d{2})$/.exec(trimmed);
  if (!match) return trimmed;
  return `${(match[1] ?? '').padStart(2, '0')}:${match[2]}`;
}

function fromDraft(draft: Draft) {
  const hours: Record<string, Array<{ start: string; end: string }>> = {};
  for (const day of WEEKDAYS) {
    hours[day] = draft.hours[day].map((r) => ({
      start: normalizeClock(r.start),
      end: normalizeClock(r.end),
    }));
  }
  return { timeZone: draft.timeZone.trim(), hours, holidays: draft.holidays.map((h) => h.date.trim()) };
}

function isWeekday(value: PropertyKey | undefined): value is Weekday {
  return typeof value === 'string' && (WEEKDAYS as readonly string[]).includes(value);
}

export function calendarLabelFor(path: IssuePath): string {
  const [head, second, third, fourth] = path;
  if (head === 'timeZone') return 'Time zone';
  if (head === 'holidays') return typeof second === 'number' ? `Holiday ${second + 1}` : 'Holidays';
  if (head === 'hours') {
    if (!isWeekday(second)) return 'Working hours';
    const day = WEEKDAY_NAMES[second];
    if (typeof third !== 'number') return `${day} hours`;
    const range = `${day} range ${third + 1}`;
    if (fourth === 'start') return `${range} start`;
    if (fourth === 'end') return `${range} end`;
    return range;
  }
  return TITLE;
}

/** The schema's day messages start with "mon: "; the label already names the day. */
function tidyMessage(message: string): string {
  return message.replace(/^(mon|tue|wed|thu|fri|sat|sun): /, '');
}

function timeZoneNames(current: string): string[] {
  let names: string[] = [];
  try {
    names = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  } catch {
    names = [];
  }
  const all = new Set(names);
  all.add('UTC');
  if (current) all.add(current);
  return [...all].sort();
}

/** Time zone, working hours per weekday (split shifts allowed) and holidays: the SLA clock's time. */
export function CalendarForm() {
  const stored = useStoredPart('calendar');
  if (!stored) return <LoadingSection title={TITLE} />;
  return <CalendarEditor initial={stored} />;
}

function CalendarEditor({ initial }: { initial: BusinessCalendar }) {
  const [draft, setDraft] = useState(() => toDraft(initial));
  const listId = useId();
  const zones = useMemo(() => timeZoneNames(initial.timeZone), [initial.timeZone]);
  const form = usePartForm({
    settingsKey: 'calendar',
    schema: BusinessCalendar,
    labelFor: calendarLabelFor,
    tidyMessage,
    defaults: () => defaultCalendar(),
    load: (calendar) => setDraft(toDraft(calendar)),
  });
  const setRanges = (day: Weekday, update: (ranges: RangeDraft[]) => RangeDraft[]) =>
    setDraft((d) => ({ ...d, hours: { ...d.hours, [day]: update(d.hours[day]) } }));
  const setRange = (day: Weekday, id: string, patch: Partial<RangeDraft>) =>
    setRanges(day, (ranges) => ranges.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const setHoliday = (id: string, date: string) =>
    setDraft((d) => ({ ...d, holidays: d.holidays.map((h) => (h.id === id ? { ...h, date } : h)) }));

  return (
    <PartFormFrame
      title={TITLE}
      intro="Deadlines count only working time in this zone; holidays count as days off."
      form={form}
      onSubmit={() =>
        void form.submit(fromDraft(draft), (calendar) => ({
          ...calendar,
          hours: Object.fromEntries(
            WEEKDAYS.map((day) => [
              day,
              [...calendar.hours[day]].sort((a, b) => a.start.localeCompare(b.start)),
            ]),
          ) as BusinessCalendar['hours'],
          holidays: [...new Set(calendar.holidays)].sort(),
        }))
      }
    >
      <div className="options-grid">
        <label>
          Time zone (IANA name, e.g. Europe/Berlin)
          <input
            list={listId}
            autoComplete="off"
            spellCheck={false}
            value={draft.timeZone}
            onChange={(e) => setDraft((d) => ({ ...d, timeZone: e.target.value }))}
            {...form.field('timeZone')}
          />
        </label>
        <datalist id={listId}>
          {zones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
      </div>

      <fieldset className="options-group">
        <legend>Working hours (HH:MM, 24-hour)</legend>
        {WEEKDAYS.map((day) => {
          const name = WEEKDAY_NAMES[day];
          const ranges = draft.hours[day];
          return (
            <fieldset key={day} className="options-day">
              <legend className="options-day-name">
                {name}
                <span className="sr-only"> hours</span>
              </legend>
              <div className="stack options-ranges">
                {ranges.length === 0 && <span className="muted small">Day off</span>}
                {ranges.map((range, index) => (
                  <div key={range.id} className="row">
                    <label>
                      <span className="sr-only">
                        {name} range {index + 1} start
                      </span>
                      <input
                        className="clock"
                        inputMode="numeric"
                        placeholder="09:00"
                        value={range.start}
                        onChange={(e) => setRange(day, range.id, { start: e.target.value })}
                        {...form.field(`hours.${day}.${index}.start`)}
                      />
                    </label>
                    <span aria-hidden="true">–</span>
                    <label>
                      <span className="sr-only">
                        {name} range {index + 1} end
                      </span>
                      <input
                        className="clock"
                        inputMode="numeric"
                        placeholder="17:00"
                        value={range.end}
                        onChange={(e) => setRange(day, range.id, { end: e.target.value })}
                        {...form.field(`hours.${day}.${index}.end`)}
                      />
                    </label>
                    <button
                      type="button"
                      onClick={() => setRanges(day, (rs) => rs.filter((r) => r.id !== range.id))}
                    >
                      Remove
                      <span className="sr-only">
                        {' '}
                        {name} range {index + 1}
                      </span>
                    </button>
                  </div>
                ))}
                <div>
                  <button
                    type="button"
                    onClick={() =>
                      setRanges(day, (rs) => [
                        ...rs,
                        rs.length === 0
                          ? { id: rowId(), start: '09:00', end: '17:00' }
                          : { id: rowId(), start: '', end: '' },
                      ])
                    }
                  >
                    Add range<span className="sr-only"> on {name}</span>
                  </button>
                </div>
              </div>
            </fieldset>
          );
        })}
      </fieldset>

      <fieldset className="options-group">
        <legend>Holidays</legend>
        {draft.holidays.length === 0 && <p className="muted small">No holidays.</p>}
        <ul className="plain">
          {draft.holidays.map((holiday, index) => (
            <li key={holiday.id} className="row">
              <label>
                Holiday {index + 1}{' '}
                <input
                  type="date"
                  value={holiday.date}
                  onChange={(e) => setHoliday(holiday.id, e.target.value)}
                  {...form.field(`holidays.${index}`)}
                />
              </label>
              <button
                type="button"
                onClick={() =>
                  setDraft((d) => ({ ...d, holidays: d.holidays.filter((h) => h.id !== holiday.id) }))
                }
              >
                Remove<span className="sr-only"> holiday {index + 1}</span>
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() => setDraft((d) => ({ ...d, holidays: [...d.holidays, { id: rowId(), date: '' }] }))}
        >
          Add holiday
        </button>
      </fieldset>
    </PartFormFrame>
  );
}
