// @vitest-environment happy-dom
import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { CalendarForm, normalizeClock } from '@/components/options/CalendarForm';
import { defaultCalendar } from '@/lib/core/calendar';
import { click, renderSection, saveFails, saveOk, seed, stored, type } from './helpers';

const TITLE = 'Business calendar';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const value = (section: HTMLElement, label: string | RegExp) =>
  (within(section).getByLabelText(label) as HTMLInputElement).value;

describe('Business calendar form', () => {
  test('shows the stored zone, ranges and holidays, and offers the runtime zone list', async () => {
    await seed();
    const section = await renderSection(<CalendarForm />, TITLE);
    const zone = within(section).getByLabelText(/^Time zone/) as HTMLInputElement;
    expect(zone.value).toBe('Europe/Berlin');
    const list = section.querySelector(`datalist#${CSS.escape(zone.getAttribute('list') ?? '')}`);
    const options = [...(list?.querySelectorAll('option') ?? [])].map((o) => o.getAttribute('value'));
    expect(options).toContain('America/New_York');
    expect(options.length).toBeGreaterThan(100);
    expect(value(section, 'Monday range 1 start')).toBe('08:00');
    expect(value(section, 'Friday range 1 end')).toBe('12:00');
    expect(within(section).queryByLabelText('Saturday range 1 start')).toBeNull();
    expect(
      within(within(section).getByRole('group', { name: 'Saturday hours' })).getByText('Day off'),
    ).toBeTruthy();
    expect(value(section, 'Holiday 1')).toBe('2026-12-25');
  });

  test('saves a zone, a split shift, a weekend range and holidays (sorted, without duplicates)', async () => {
    const before = await seed();
    const section = await renderSection(<CalendarForm />, TITLE);
    type(section, /^Time zone/, ' America/New_York ');
    type(section, 'Monday range 1 end', '12:00');
    click(section, 'Add range on Monday');
    type(section, 'Monday range 2 start', '13:00');
    type(section, 'Monday range 2 end', '17:30');
    click(section, 'Add range on Saturday'); // an empty day gets 09:00–17:00 to edit
    type(section, 'Saturday range 1 end', '12:00');
    click(section, 'Add holiday');
    type(section, 'Holiday 2', '2026-01-01');
    click(section, 'Add holiday');
    type(section, 'Holiday 3', '2026-12-25');
    await saveOk(section);
    expect(await stored()).toEqual({
      ...before,
      calendar: {
        timeZone: 'America/New_York',
        hours: {
          ...before.calendar.hours,
          mon: [
            { start: '08:00', end: '12:00' },
            { start: '13:00', end: '17:30' },
          ],
          sat: [{ start: '09:00', end: '12:00' }],
        },
        holidays: ['2026-01-01', '2026-12-25'],
      },
    });
  });

  test('removes ranges and holidays', async () => {
    await seed();
    const section = await renderSection(<CalendarForm />, TITLE);
    click(section, 'Remove Friday range 1');
    click(section, 'Remove holiday 1');
    await saveOk(section);
    expect(await stored()).toMatchObject({ calendar: { holidays: [], hours: { fri: [] } } });
  });

  test('overlapping ranges: names the day and both ranges, keeps what was saved', async () => {
    const before = await seed();
    const section = await renderSection(<CalendarForm />, TITLE);
    type(section, 'Monday range 1 end', '12:00');
    click(section, 'Add range on Monday');
    type(section, 'Monday range 2 start', '11:00');
    type(section, 'Monday range 2 end', '17:00');
    expect(await saveFails(section)).toContain('Monday hours: ranges 08:00–12:00 and 11:00–17:00 overlap');
    expect(await stored()).toEqual(before);
    expect(within(section).getByLabelText('Monday range 2 start').getAttribute('aria-invalid')).toBe('true');
    expect(within(section).getByLabelText('Tuesday range 1 start').getAttribute('aria-invalid')).toBeNull();
  });

  test('an inverted range: names the day and the range, keeps what was saved', async () => {
    const before = await seed();
    const section = await renderSection(<CalendarForm />, TITLE);
    type(section, 'Tuesday range 1 start', '17:00');
    type(section, 'Tuesday range 1 end', '09:00');
    expect(await saveFails(section)).toContain(
      'Tuesday range 1: range 17:00–09:00 is inverted or empty (start must be before end)',
    );
    expect(await stored()).toEqual(before);
  });

  test('an unknown time zone: names the field and the zone, keeps what was saved', async () => {
    const before = await seed();
    const section = await renderSection(<CalendarForm />, TITLE);
    type(section, /^Time zone/, 'Mars/Olympus_Mons');
    expect(await saveFails(section)).toContain('Time zone: unknown time zone "Mars/Olympus_Mons"');
    expect(
      within(section)
        .getByLabelText(/^Time zone/)
        .getAttribute('aria-invalid'),
    ).toBe('true');
    expect(await stored()).toEqual(before);
  });

  test('a time that is not HH:MM, a blank holiday and a week without hours are refused', async () => {
    const before = await seed();
    const section = await renderSection(<CalendarForm />, TITLE);
    type(section, 'Monday range 1 start', '25:00');
    click(section, 'Add holiday');
    let text = await saveFails(section);
    expect(text).toContain('Monday range 1 start: must be a time HH:MM between 00:00 and 24:00');
    expect(text).toContain('Holiday 2: "" is not a calendar date YYYY-MM-DD');
    expect(await stored()).toEqual(before);

    click(section, 'Remove holiday 2');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      click(section, `Remove ${day} range 1`);
    text = await saveFails(section);
    expect(text).toContain('Working hours: no working hours on any day');
    expect(await stored()).toEqual(before);
  });

  test('accepts 9:00 for 09:00', async () => {
    expect(normalizeClock('9:00')).toBe('09:00');
    expect(normalizeClock(' 0930 ')).toBe('09:30');
    expect(normalizeClock('24:00')).toBe('24:00');
    expect(normalizeClock('9')).toBe('9');
    await seed();
    const section = await renderSection(<CalendarForm />, TITLE);
    type(section, 'Monday range 1 start', '7:30');
    await saveOk(section);
    expect(await stored()).toMatchObject({
      calendar: { hours: { mon: [{ start: '07:30', end: '16:00' }] } },
    });
  });

  test('Reset to defaults restores Monday–Friday 9–5 in the browser zone, and saves it', async () => {
    const before = await seed();
    const section = await renderSection(<CalendarForm />, TITLE);
    fireEvent.click(within(section).getByRole('button', { name: /^Reset to defaults/ }));
    await waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe('Reset to defaults. Saved.'),
    );
    expect(await stored()).toEqual({ ...before, calendar: defaultCalendar() });
    expect(value(section, 'Monday range 1 start')).toBe('09:00');
    expect(within(section).queryByLabelText('Holiday 1')).toBeNull();
  });
});
