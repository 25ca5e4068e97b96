import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Baton, extensionUrl, launchBaton, saveScreenshot } from './harness';

describe('the options page', () => {
  let baton: Baton;
  beforeAll(async () => {
    baton = await launchBaton();
  });
  afterAll(async () => baton?.close());

  test('has sections with a navigation, a URL each, and says what each changes for reps', async () => {
    const options = await baton.context.newPage();
    await options.setViewportSize({ width: 1000, height: 800 });
    await options.goto(extensionUrl(baton, 'options.html#calendar'));
    const nav = options.getByRole('navigation', { name: 'Options sections' });
    await nav.getByRole('link', { name: 'Business calendar' }).waitFor();
    // Opened at a section's URL: that section is in view, and marked in the navigation.
    await expect
      .poll(() =>
        options.getByTestId('options-section-calendar').evaluate((el) => el.getBoundingClientRect().top),
      )
      .toBeLessThan(100);
    expect(await nav.getByRole('link', { name: 'Business calendar' }).getAttribute('aria-current')).toBe(
      'location',
    );
    await nav.getByRole('link', { name: 'SLA and reminders' }).click();
    await expect.poll(() => options.evaluate(() => window.location.hash)).toBe('#sla');
    expect(await nav.getByRole('link', { name: 'SLA and reminders' }).getAttribute('aria-current')).toBe(
      'location',
    );
    // The navigation stays in view while the page scrolls.
    expect(await nav.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
    const sections = options.locator('.options-page-section');
    const count = await sections.count();
    expect(count).toBeGreaterThanOrEqual(6);
    for (let index = 0; index < count; index++)
      expect(await sections.nth(index).locator('.for-reps').textContent()).toMatch(/^For reps: .{20,}/);
    // The SLA window in hours and minutes.
    const policy = options.getByRole('region', { name: 'SLA policy' });
    expect(await policy.getByLabel('First attempt within (hours)').inputValue()).toBe('4');
    expect(await policy.getByLabel('First attempt within (minutes)').inputValue()).toBe('0');
    await options.goto(extensionUrl(baton, 'options.html#sla'));
    await options.reload();
    await options.getByRole('region', { name: 'Business calendar' }).getByTestId('options-save').waitFor();
    await options
      .getByRole('region', { name: 'SLA policy' })
      .getByLabel('First attempt within (hours)')
      .waitFor();
    await saveScreenshot(options, 'docs/screenshot-options.png', { width: 1000, height: 800 }, false);
  });
});
