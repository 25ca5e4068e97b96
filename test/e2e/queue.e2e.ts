import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Baton,
  extensionUrl,
  launchBaton,
  loadSampleWorkspace,
  openPanel,
  saveScreenshot,
  tabIdOf,
} from './harness';

const URGENCY = [
  ['first_attempt_breached', 'cadence_breached'],
  ['cadence_behind'],
  ['first_attempt_due', 'cadence_on_track'],
  ['not_started'],
  ['cadence_complete'],
  ['closed'],
];
const rank = (state: string | null) => URGENCY.findIndex((states) => states.includes(state ?? ''));

describe('the queue and the badge', () => {
  let baton: Baton;
  beforeAll(async () => {
    baton = await launchBaton();
    await loadSampleWorkspace(baton);
  });
  afterAll(async () => baton?.close());

  test('orders the sample MQLs by SLA urgency, filters and searches, and opens a card', async () => {
    const panel = await baton.context.newPage();
    await panel.goto(extensionUrl(baton, 'sidepanel.html'));
    await panel.getByTestId('open-queue').click();
    const items = panel.getByTestId('queue-item');
    await expect.poll(() => items.count()).toBeGreaterThan(50);
    const states = await items
      .locator('[data-state]')
      .evaluateAll((chips) => chips.map((c) => c.getAttribute('data-state')));
    const ranks = states.map(rank);
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(states[0]).toMatch(/breached/);
    await saveScreenshot(panel, 'docs/screenshot-queue.png', { width: 380, height: 900 }, false);

    await panel.getByTestId('queue-filter-breached').click();
    const breached = await items
      .locator('[data-state]')
      .evaluateAll((chips) => chips.map((c) => c.getAttribute('data-state')));
    expect(breached.length).toBeGreaterThan(0);
    expect(breached.every((state) => state?.endsWith('breached'))).toBe(true);
    await panel.getByTestId('queue-filter-all').click();

    await panel.getByTestId('queue-search').fill('northwind');
    await expect.poll(() => items.count()).toBe(1);
    await items.first().getByRole('button').click();
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Dana Whitfield');
  });

  test('the badge counts breached + due-within-the-hour leads, as the queue marks them', async () => {
    const panel = await baton.context.newPage();
    await panel.goto(extensionUrl(baton, 'sidepanel.html'));
    await panel.getByTestId('open-queue').click();
    await expect.poll(() => panel.getByTestId('queue-item').count()).toBeGreaterThan(50);
    const marked = await panel.locator('[data-testid="queue-item"][data-attention="yes"]').count();
    expect(marked).toBeGreaterThan(0);
    const worker = await baton.worker();
    await expect.poll(() => worker.evaluate(() => chrome.action.getBadgeText({}))).toBe(String(marked));
  });

  test('changing the SLA policy in options changes the card’s deadline', async () => {
    const gmail = await baton.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL');
    const panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await panel.getByTestId('lead-name').filter({ hasText: 'Dana Whitfield' }).waitFor();
    const before = await panel.getByTestId('sla-status').textContent();
    expect(before).toMatch(/First attempt/);

    const options = await baton.context.newPage();
    await options.goto(extensionUrl(baton, 'options.html'));
    await saveScreenshot(options, 'docs/screenshot-options.png', { width: 900, height: 1200 }, false);
    const policy = options.getByRole('region', { name: 'SLA policy' });
    await policy.getByLabel('First attempt within (business minutes)').fill('600');
    await policy.getByTestId('options-save').click();
    await policy.getByText('Saved.').waitFor();

    await expect.poll(() => panel.getByTestId('sla-status').textContent()).not.toBe(before);
    // A ten-hour first-attempt window: handed over 25 minutes ago, it cannot be breached yet.
    expect(await panel.getByTestId('sla-status').getAttribute('data-state')).toBe('first_attempt_due');

    await policy.getByLabel('First attempt within (business minutes)').fill('0');
    await policy.getByTestId('options-save').click();
    expect(await policy.getByTestId('options-error').textContent()).toMatch(/First attempt/);
  });
});
