// @vitest-environment happy-dom
import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { SlaPolicyForm } from '@/components/options/SlaPolicyForm';
import { defaultSlaPolicy } from '@/lib/core/sla';
import { click, renderSection, saveFails, saveOk, seed, stored, type } from './helpers';

const TITLE = 'SLA policy';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('SLA policy form', () => {
  test('shows the stored policy', async () => {
    await seed();
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    const value = (label: string | RegExp) =>
      (within(section).getByLabelText(label) as HTMLInputElement).value;
    expect(value('First attempt within (hours)')).toBe('3');
    expect(value('First attempt within (minutes)')).toBe('0');
    expect(value('Attempts required')).toBe('4');
    expect(value('Cadence window (calendar days)')).toBe('10');
    expect(value('Score at least (tier 1)')).toBe('80');
    expect(value('first attempt within (tier 1) (hours)')).toBe('0');
    expect(value('first attempt within (tier 1) (minutes)')).toBe('45');
  });

  test('saves edited values, tiers sorted by score, and keeps the other parts of the settings', async () => {
    const before = await seed();
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    type(section, 'First attempt within (hours)', '2');
    type(section, 'First attempt within (minutes)', '15');
    type(section, 'Attempts required', '6');
    type(section, 'Cadence window (calendar days)', '21');
    fireEvent.click(within(section).getByLabelText(/Complete on connect/));
    click(section, 'Add tier');
    type(section, 'Score at least (tier 2)', '90');
    type(section, 'first attempt within (tier 2) (hours)', '0');
    type(section, 'first attempt within (tier 2) (minutes)', '30');
    await saveOk(section);
    expect(await stored()).toEqual({
      ...before,
      slaPolicy: {
        firstAttemptBusinessMinutes: 135,
        cadenceAttempts: 6,
        cadenceCalendarDays: 21,
        completeOnConnect: false,
        tiers: [
          { minScore: 90, firstAttemptBusinessMinutes: 30 },
          { minScore: 80, firstAttemptBusinessMinutes: 45 },
        ],
      },
    });
  });

  test('removes a tier', async () => {
    await seed();
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    click(section, 'Remove tier 1');
    expect(within(section).queryByLabelText('Score at least (tier 1)')).toBeNull();
    await saveOk(section);
    expect((await stored()) as { slaPolicy: { tiers: unknown[] } }).toMatchObject({
      slaPolicy: { tiers: [] },
    });
  });

  test('0 attempts: names the field, keeps what was saved', async () => {
    const before = await seed();
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    type(section, 'Attempts required', '0');
    expect(await saveFails(section)).toContain('Attempts required: must be at least 1');
    expect(await stored()).toEqual(before);
    const input = within(section).getByLabelText('Attempts required');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe(within(section).getByTestId('options-error').id);
    // The typed value stays, so it can be corrected.
    expect((input as HTMLInputElement).value).toBe('0');
  });

  test('negative minutes: names the field, keeps what was saved', async () => {
    const before = await seed();
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    type(section, 'First attempt within (hours)', '');
    type(section, 'First attempt within (minutes)', '-30');
    type(section, 'first attempt within (tier 1) (minutes)', '-5');
    const text = await saveFails(section);
    expect(text).toContain('First attempt within (business hours and minutes): must be greater than 0');
    expect(text).toContain('Tier 1 first attempt within: must be greater than 0');
    expect(await stored()).toEqual(before);
  });

  test('a tier without a minimum score is refused', async () => {
    const before = await seed();
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    click(section, 'Add tier');
    const text = await saveFails(section);
    expect(text).toContain('Tier 2 score at least: is required');
    expect(text).not.toContain('Tier 1');
    expect(within(section).getByLabelText('Score at least (tier 2)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(within(section).getByLabelText('Score at least (tier 1)').getAttribute('aria-invalid')).toBeNull();
    expect(await stored()).toEqual(before);
  });

  test('fractional minutes, a blank window and scores above 100 are refused', async () => {
    const before = await seed();
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    type(section, 'First attempt within (hours)', '1');
    type(section, 'First attempt within (minutes)', '30.5');
    type(section, 'Cadence window (calendar days)', '');
    click(section, 'Add tier');
    type(section, 'Score at least (tier 2)', '101');
    const text = await saveFails(section);
    expect(text).toContain('First attempt within (business hours and minutes): must be a whole number');
    // Blank is an error, not the schema's default of 14.
    expect(text).toContain('Cadence window (calendar days): is required');
    expect(text).toContain('Tier 2 score at least: must be at most 100');
    expect(await stored()).toEqual(before);
  });

  test('two tiers at one score are refused', async () => {
    const before = await seed();
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    click(section, 'Add tier');
    type(section, 'Score at least (tier 2)', '80');
    expect(await saveFails(section)).toContain('Tier 2 score at least: two tiers start at score 80');
    expect(await stored()).toEqual(before);
  });

  test('a corrected form saves, and the error goes away', async () => {
    await seed();
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    type(section, 'Attempts required', '0');
    await saveFails(section);
    type(section, 'Attempts required', '3');
    await saveOk(section);
    expect(await stored()).toMatchObject({ slaPolicy: { cadenceAttempts: 3 } });
  });

  test('Reset to defaults restores and saves the default policy', async () => {
    const before = await seed();
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    type(section, 'Attempts required', '0');
    fireEvent.click(within(section).getByRole('button', { name: /^Reset to defaults/ }));
    await waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe('Reset to defaults. Saved.'),
    );
    expect(await stored()).toEqual({ ...before, slaPolicy: defaultSlaPolicy });
    expect((within(section).getByLabelText('Attempts required') as HTMLInputElement).value).toBe(
      String(defaultSlaPolicy.cadenceAttempts),
    );
    expect(within(section).queryByTestId('options-error')).toBeNull();
  });

  test('with nothing stored yet, shows the defaults and saves a complete settings value', async () => {
    const section = await renderSection(<SlaPolicyForm />, TITLE);
    expect((within(section).getByLabelText('Attempts required') as HTMLInputElement).value).toBe('5');
    type(section, 'Attempts required', '7');
    await saveOk(section);
    expect(await stored()).toMatchObject({ slaPolicy: { cadenceAttempts: 7 }, ownDomains: [] });
  });
});
