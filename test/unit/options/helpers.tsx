import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { expect } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { settingsItem } from '@/lib/settings/item';
import { defaultSettings, type Settings } from '@/lib/settings/schema';

/** A stored value that differs from the defaults in every part, so "unchanged" means something. */
export function seededSettings(): Settings {
  return {
    ...defaultSettings,
    ownDomains: ['acme.example'],
    calendar: {
      timeZone: 'Europe/Berlin',
      hours: {
        mon: [{ start: '08:00', end: '16:00' }],
        tue: [{ start: '08:00', end: '16:00' }],
        wed: [{ start: '08:00', end: '16:00' }],
        thu: [{ start: '08:00', end: '16:00' }],
        fri: [{ start: '08:00', end: '12:00' }],
        sat: [],
        sun: [],
      },
      holidays: ['2026-12-25'],
    },
    slaPolicy: {
      firstAttemptBusinessMinutes: 180,
      cadenceAttempts: 4,
      cadenceCalendarDays: 10,
      tiers: [{ minScore: 80, firstAttemptBusinessMinutes: 45 }],
      completeOnConnect: true,
    },
    reminders: { enabled: true, minutesBefore: 20 },
    owner: 'alex.rep@baton-demo.example',
  };
}

export async function seed(settings: Settings = seededSettings()): Promise<Settings> {
  await settingsItem.setValue(settings);
  return settings;
}

/** What is in browser.storage.local, raw (not through readSettings' fallback). */
export async function stored(): Promise<unknown> {
  return (await fakeBrowser.storage.local.get('settings')).settings;
}

/** Renders a form and waits until its section has loaded the stored settings. */
export async function renderSection(ui: ReactElement, title: string): Promise<HTMLElement> {
  render(ui);
  // The loading placeholder is a different element from the loaded section: look the region up again.
  await waitFor(() => within(screen.getByRole('region', { name: title })).getByTestId('options-save'));
  return screen.getByRole('region', { name: title });
}

export function type(section: HTMLElement, label: string | RegExp, value: string): void {
  fireEvent.change(within(section).getByLabelText(label), { target: { value } });
}

export function click(section: HTMLElement, name: string | RegExp): void {
  fireEvent.click(within(section).getByRole('button', { name }));
}

/** Clicks the section's Save and waits for "Saved.". */
export async function saveOk(section: HTMLElement): Promise<void> {
  fireEvent.click(within(section).getByTestId('options-save'));
  await waitFor(() => expect(within(section).getByRole('status').textContent).toBe('Saved.'));
  expect(within(section).queryByTestId('options-error')).toBeNull();
}

/** Clicks the section's Save and returns the error text it shows. */
export async function saveFails(section: HTMLElement): Promise<string> {
  fireEvent.click(within(section).getByTestId('options-save'));
  const error = await within(section).findByTestId('options-error');
  expect(error.getAttribute('role')).toBe('alert');
  expect(within(section).getByRole('status').textContent).toBe('');
  return error.textContent ?? '';
}
