// @vitest-environment happy-dom
import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { OwnDomainsForm } from '@/components/options/OwnDomainsForm';
import { QueueOwnerForm } from '@/components/options/QueueOwnerForm';
import { RemindersForm } from '@/components/options/RemindersForm';
import { renderSection, saveFails, saveOk, seed, seededSettings, stored, type } from './helpers';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

async function reset(section: HTMLElement) {
  fireEvent.click(within(section).getByRole('button', { name: /^Reset to defaults/ }));
  await waitFor(() =>
    expect(within(section).getByRole('status').textContent).toBe('Reset to defaults. Saved.'),
  );
}

describe('Reminders form', () => {
  const TITLE = 'Reminders';
  const HOURS = 'Remind me before the deadline (hours)';
  const MINUTES = 'Remind me before the deadline (minutes)';
  const LABEL = 'Remind me before the deadline';

  test('switches reminders off and changes the lead time', async () => {
    const before = await seed();
    const section = await renderSection(<RemindersForm />, TITLE);
    const toggle = within(section).getByLabelText(/^Remind me before first-attempt/) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    // 20 minutes reads as 0 h 20 min: a manager types hours and minutes, as on the SLA form.
    expect((within(section).getByLabelText(HOURS) as HTMLInputElement).value).toBe('0');
    expect((within(section).getByLabelText(MINUTES) as HTMLInputElement).value).toBe('20');
    fireEvent.click(toggle);
    type(section, HOURS, '1');
    type(section, MINUTES, '15');
    await saveOk(section);
    expect(await stored()).toEqual({ ...before, reminders: { enabled: false, minutesBefore: 75 } });
  });

  test.each([
    ['8', '1', `${LABEL}: must be at most 8 hours`],
    ['0', '-1', `${LABEL}: must not be negative`],
    ['0', '2.5', `${LABEL}: must be whole minutes`],
    ['', '', `${LABEL}: is required`],
  ])('%j h %j min is refused', async (hours, minutes, message) => {
    const before = await seed();
    const section = await renderSection(<RemindersForm />, TITLE);
    type(section, HOURS, hours);
    type(section, MINUTES, minutes);
    expect(await saveFails(section)).toContain(message);
    expect(within(section).getByLabelText(MINUTES).getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toEqual(before);
  });

  test('Reset to defaults: on, 30 minutes', async () => {
    const before = await seed({ ...seededSettings(), reminders: { enabled: false, minutesBefore: 5 } });
    const section = await renderSection(<RemindersForm />, TITLE);
    await reset(section);
    expect(await stored()).toEqual({ ...before, reminders: { enabled: true, minutesBefore: 30 } });
    expect(
      (within(section).getByLabelText(/^Remind me before first-attempt/) as HTMLInputElement).checked,
    ).toBe(true);
  });
});

describe('Queue owner form', () => {
  const TITLE = 'Queue owner';
  const EMAIL = /^Queue owner email/;

  test('saves an email, trimmed, and an empty owner', async () => {
    const before = await seed();
    const section = await renderSection(<QueueOwnerForm />, TITLE);
    expect((within(section).getByLabelText(EMAIL) as HTMLInputElement).value).toBe(
      'alex.rep@baton-demo.example',
    );
    type(section, EMAIL, '  jo.teammate@baton-demo.example ');
    await saveOk(section);
    expect(await stored()).toEqual({ ...before, owner: 'jo.teammate@baton-demo.example' });
    type(section, EMAIL, '');
    await saveOk(section);
    expect(await stored()).toEqual({ ...before, owner: '' });
  });

  test('something that is not an email is refused', async () => {
    const before = await seed();
    const section = await renderSection(<QueueOwnerForm />, TITLE);
    type(section, EMAIL, 'alex at acme');
    expect(await saveFails(section)).toContain('Queue owner email: must be an email address');
    expect(within(section).getByLabelText(EMAIL).getAttribute('aria-describedby')).toBe(
      within(section).getByTestId('options-error').id,
    );
    expect(await stored()).toEqual(before);
  });

  test('Reset to defaults empties it', async () => {
    const before = await seed();
    const section = await renderSection(<QueueOwnerForm />, TITLE);
    await reset(section);
    expect(await stored()).toEqual({ ...before, owner: '' });
  });
});

describe('Your email domains form', () => {
  const TITLE = 'Your email domains';
  const DOMAINS = /^Domains/;

  test('saves domains normalised, without duplicates', async () => {
    const before = await seed();
    const section = await renderSection(<OwnDomainsForm />, TITLE);
    expect((within(section).getByLabelText(DOMAINS) as HTMLInputElement).value).toBe('acme.example');
    type(section, DOMAINS, 'Acme.example, @example.org  acme.example');
    await saveOk(section);
    expect(await stored()).toEqual({ ...before, ownDomains: ['acme.example', 'example.org'] });
    expect((within(section).getByLabelText(DOMAINS) as HTMLInputElement).value).toBe(
      'acme.example, example.org',
    );
  });

  test('a word that is not a domain is refused, naming it', async () => {
    const before = await seed();
    const section = await renderSection(<OwnDomainsForm />, TITLE);
    type(section, DOMAINS, 'acme.example, acme');
    expect(await saveFails(section)).toContain('Domain 2 ("acme"): must be a domain such as example.com');
    expect(await stored()).toEqual(before);
  });

  test('Reset to defaults empties the list', async () => {
    const before = await seed();
    const section = await renderSection(<OwnDomainsForm />, TITLE);
    await reset(section);
    expect(await stored()).toEqual({ ...before, ownDomains: [] });
  });
});
