import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  clickTestId,
  type FirefoxBaton,
  launchFirefox,
  newHostPage,
  openFramed,
  poll,
  textOf,
} from './harness';

const THREAD_DANA = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL';
/** Firefox numbers tabs from 1 (the start page): the first tab a test opens after launch is 2. */
const FIRST_TAB_ID = 2;

describe('Baton in Firefox ESR', () => {
  let baton: FirefoxBaton;
  let gmail: Page;
  beforeAll(async () => {
    baton = await launchFirefox();
    // Opened first, so its tab id is known (a framed extension page has no browser.tabs to ask).
    gmail = await newHostPage(baton);
    await gmail.goto(THREAD_DANA);
  });
  afterAll(async () => baton?.close());

  test('options: the sample workspace loads into IndexedDB', async () => {
    const { page, frame } = await openFramed(baton, 'options.html');
    await poll(
      () => textOf(frame, 'load-sample'),
      (t) => t !== undefined,
    );
    await clickTestId(frame, 'load-sample');
    const counts = await poll(
      () => textOf(frame, 'workspace-counts'),
      (text) => /\(\d+ sample\)/.test(text ?? ''),
    );
    expect(counts).toMatch(/^\d+ leads/);
    await page.close();
  });

  test('a saved Gmail thread under its real URL (content script): the sidebar page shows the lead, its score and SLA', async () => {
    const { page, frame } = await openFramed(baton, `sidepanel.html?tab=${FIRST_TAB_ID}`);
    const name = await poll(
      () => textOf(frame, 'lead-name'),
      (t) => t === 'Dana Whitfield',
    );
    expect(name).toBe('Dana Whitfield');
    expect(await textOf(frame, 'lead-stage')).toBe('MQL');
    expect(Number(await textOf(frame, 'lead-score'))).toBeGreaterThan(0);
    expect(await textOf(frame, 'sla-status')).toMatch(/due|breached|attempt/i);
    await page.close();
  });

  test('log a call: it shows and moves the SLA on; after a reload of the page it is still there', async () => {
    const path = `sidepanel.html?tab=${FIRST_TAB_ID}`;
    const { page, frame } = await openFramed(baton, path);
    await poll(
      () => textOf(frame, 'lead-name'),
      (t) => t === 'Dana Whitfield',
    );
    const attempts = () =>
      frame.evaluate(() => document.querySelectorAll('[data-testid="attempt-item"]').length);
    expect(await attempts()).toBe(0);
    await clickTestId(frame, 'log-attempt-call');
    await poll(attempts, (n) => n === 1);
    const state = () =>
      frame.evaluate(() => document.querySelector('[data-testid="sla-status"]')?.getAttribute('data-state'));
    expect(await state()).toMatch(/^cadence_/);
    await page.close();

    const reopened = await openFramed(baton, path);
    const count = () =>
      reopened.frame.evaluate(() => document.querySelectorAll('[data-testid="attempt-item"]').length);
    await poll(count, (n) => n === 1);
    expect(await textOf(reopened.frame, 'attempt-item')).toContain('Call');
    await reopened.page.close();
  });

  test('the queue orders the sample MQLs by what can still be saved, breaches not first', async () => {
    const { page, frame } = await openFramed(baton, `sidepanel.html?tab=${FIRST_TAB_ID}`);
    await poll(
      () => textOf(frame, 'open-queue'),
      (t) => t !== undefined,
    );
    await clickTestId(frame, 'open-queue');
    const items = () => frame.evaluate(() => document.querySelectorAll('[data-testid="queue-item"]').length);
    expect(await poll(items, (n) => n > 50)).toBeGreaterThan(50);
    const groups = await frame.evaluate(() =>
      [...document.querySelectorAll('h2[data-group]')].map((h) => h.getAttribute('data-group') ?? ''),
    );
    const order = ['first-due', 'cadence-due', 'breached', 'no-handoff', 'not-started', 'complete'];
    expect(groups.length).toBeGreaterThan(1);
    expect(groups).toEqual(order.filter((key) => groups.includes(key)));
    expect(groups[0]).not.toBe('breached');
    await page.close();
  });

  test('options: a CSV import runs in the worker, with progress and a report of the rejected row', async () => {
    const header = 'Record ID,First Name,Last Name,Email,Job Title,Company Name,Lifecycle Stage';
    const rows = [
      '880002,Bad,Row,not-an-email,CTO,Nowhere,Lead',
      ...Array.from(
        // Four chunks of ~2,500 rows: progress shows between them even on a fast machine.
        { length: 10_000 },
        (_, i) => `${910000 + i},Fox,Person ${i},fox${i}@bulk.example,Analyst,Bulk Co,Lead`,
      ),
    ];
    const csv = `${header}\r\n${rows.join('\r\n')}\r\n`;
    const { page, frame } = await openFramed(baton, 'options.html');
    await poll(
      () => textOf(frame, 'workspace-counts'),
      (t) => t !== undefined,
    );
    await frame.evaluate((text) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]');
      if (!input) throw new Error('no import-file');
      const files = new DataTransfer();
      files.items.add(new File([text], 'firefox-contacts.csv', { type: 'text/csv' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, csv);
    await poll(
      () => textOf(frame, 'import-start'),
      (t) => t !== undefined,
    );
    await frame.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const node = document.querySelector('[data-testid="import-progress"]');
        if (node?.textContent) seen.push(node.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await clickTestId(frame, 'import-start');
    const result = await poll(
      () => textOf(frame, 'import-result'),
      (t) => t !== undefined,
      30_000,
    );
    expect(result).toMatch(/Imported 10,001 rows: 10,000 leads new, 0 updated; 1 row skipped/);
    const progressSeen = await frame.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(progressSeen.some((text) => /rows imported · \d+ rejected/.test(text))).toBe(true);
    expect(await textOf(frame, 'import-report')).toMatch(/EmailSkipped: must be an email address/);
    await page.close();
  });
});
