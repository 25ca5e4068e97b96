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

const GROUP_ORDER = ['first-due', 'cadence-due', 'breached', 'no-handoff', 'not-started', 'complete'];

describe('the queue and the badge', () => {
  let baton: Baton;
  beforeAll(async () => {
    baton = await launchBaton();
    await loadSampleWorkspace(baton);
  });
  afterAll(async () => baton?.close());

  test('groups the sample MQLs by what can still be saved, filters with counts, searches, and opens a card', async () => {
    const panel = await baton.context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(extensionUrl(baton, 'sidepanel.html'));
    await panel.getByTestId('open-queue').click();
    const items = panel.getByTestId('queue-item');
    await expect.poll(() => items.count()).toBeGreaterThan(50);
    // Groups in the order of the day, the first one not a backlog of breaches.
    const groups = await panel
      .locator('h2[data-group]')
      .evaluateAll((headings) => headings.map((h) => h.getAttribute('data-group') ?? ''));
    expect(groups.length).toBeGreaterThan(1);
    expect(groups).toEqual(GROUP_ORDER.filter((key) => groups.includes(key)));
    expect(groups[0]).not.toBe('breached');
    const firstState = await items.first().locator('[data-state]').getAttribute('data-state');
    expect(firstState).not.toMatch(/breached/);
    // Each filter says how many it holds.
    const all = Number(await panel.getByTestId('queue-filter-all').getAttribute('data-count'));
    expect(await panel.getByTestId('queue-filter-all').textContent()).toBe(`All ${all}`);
    // The search box shows its whole placeholder.
    const fits = await panel.getByTestId('queue-search').evaluate((input) => {
      const field = input as HTMLInputElement;
      const style = getComputedStyle(field);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) return false;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const text = context.measureText(field.placeholder).width;
      const room =
        field.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      return text <= room;
    });
    expect(fits).toBe(true);
    await saveScreenshot(panel, 'docs/screenshot-queue.png', { width: 400, height: 900 }, false);

    // "Due today": only what falls due today in the team calendar.
    await panel.getByTestId('queue-filter-due-today').click();
    const dueToday = await items
      .locator('[data-state]')
      .evaluateAll((chips) => chips.map((c) => c.textContent));
    for (const text of dueToday) expect(text).toMatch(/today|due in|due now/);

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
    const policy = options.getByRole('region', { name: 'SLA policy' });
    await policy.getByLabel('First attempt within (hours)').fill('10');
    await policy.getByLabel('First attempt within (minutes)').fill('0');
    await policy.getByTestId('options-save').click();
    await policy.getByText('Saved.').waitFor();

    await expect.poll(() => panel.getByTestId('sla-status').textContent()).not.toBe(before);
    // A ten-hour first-attempt window: handed over 25 minutes ago, it cannot be breached yet.
    expect(await panel.getByTestId('sla-status').getAttribute('data-state')).toBe('first_attempt_due');

    await policy.getByLabel('First attempt within (hours)').fill('0');
    await policy.getByTestId('options-save').click();
    expect(await policy.getByTestId('options-error').textContent()).toMatch(/First attempt/);
  });
});
