// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SettingsForms } from '@/components/options/OptionsApp';
import { settingsItem } from '@/lib/settings/item';
import { saveFails, saveOk, seed, stored, type } from './helpers';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const SECTIONS = [
  'SLA policy',
  'Business calendar',
  'Score model',
  'Qualification fields',
  'Reminders',
  'Queue owner',
  'Your email domains',
];

async function renderAll() {
  render(<SettingsForms />);
  await waitFor(() => expect(screen.getAllByTestId('options-save')).toHaveLength(SECTIONS.length));
  return (title: string) => screen.getByRole('region', { name: title });
}

describe('the options forms together', () => {
  test('each section is a named region with one Save, one Reset, and labelled inputs', async () => {
    await seed();
    const section = await renderAll();
    for (const title of SECTIONS) {
      const region = section(title);
      expect(within(region).getAllByTestId('options-save')).toHaveLength(1);
      expect(within(region).getByRole('button', { name: `Save ${title}` })).toBeTruthy();
      expect(within(region).getAllByRole('button', { name: /^Reset to defaults/ })).toHaveLength(1);
      for (const input of region.querySelectorAll('input, select')) {
        const labelled = input.closest('label') !== null || input.hasAttribute('aria-label');
        expect(labelled, `${title}: ${input.outerHTML}`).toBe(true);
      }
    }
  });

  test('saving one form keeps what another form saved, and an error stays in its own section', async () => {
    const before = await seed();
    const section = await renderAll();
    type(section('SLA policy'), 'Attempts required', '3');
    await saveOk(section('SLA policy'));
    type(section('Reminders'), 'Remind me before the deadline (hours)', '0');
    type(section('Reminders'), 'Remind me before the deadline (minutes)', '10');
    await saveOk(section('Reminders'));
    type(section('Business calendar'), /^Time zone/, 'Nowhere/Special');
    await saveFails(section('Business calendar'));
    expect(screen.getAllByTestId('options-error')).toHaveLength(1);
    expect(await stored()).toEqual({
      ...before,
      slaPolicy: { ...before.slaPolicy, cadenceAttempts: 3 },
      reminders: { ...before.reminders, minutesBefore: 10 },
    });
  });

  test('a save is seen by a watcher of the settings item (the side panel)', async () => {
    await seed();
    const seen: number[] = [];
    const unwatch = settingsItem.watch((value) => seen.push(value.slaPolicy.firstAttemptBusinessMinutes));
    const section = await renderAll();
    type(section('SLA policy'), 'First attempt within (hours)', '0');
    type(section('SLA policy'), 'First attempt within (minutes)', '30');
    await saveOk(section('SLA policy'));
    await waitFor(() => expect(seen).toContain(30));
    unwatch();
  });
});
