import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Baton,
  launchBaton,
  loadSampleWorkspace,
  openPanel,
  saveSideBySide,
  stopServiceWorkers,
  tabIdOf,
} from './harness';

const THREAD_DANA = 'FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL';
const THREAD_PRIYA = 'FMfcgzQbfMpYtHvRwSxUzAbCdEfGhJkL';
const THREAD_UNKNOWN = 'FMfcgzQbfNqZuJwTyVaBcDeFgHiJkLmN';
const gmailThread = (id: string, account = 0) => `https://mail.google.com/mail/u/${account}/#inbox/${id}`;

describe('Baton beside Gmail', () => {
  let baton: Baton;
  let gmail: Page;
  let panel: Page;

  beforeAll(async () => {
    baton = await launchBaton();
    await loadSampleWorkspace(baton);
    gmail = await baton.context.newPage();
    await gmail.goto(gmailThread(THREAD_DANA));
    panel = await openPanel(baton, await tabIdOf(baton, gmail));
  });
  afterAll(async () => baton?.close());

  test('a thread shows its lead, not the signed-in user who wrote first', async () => {
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Dana Whitfield');
    expect(await panel.getByTestId('lead-stage').textContent()).toBe('MQL');
    expect(Number(await panel.getByTestId('lead-score').textContent())).toBeGreaterThan(0);
    expect(await panel.getByTestId('sla-status').textContent()).toMatch(/due|breached|attempt/i);
    await saveSideBySide(baton, gmail, panel, 'docs/screenshot-gmail.png');
  });

  test('navigating to another thread: the panel follows without reopening', async () => {
    await gmail.evaluate((id) => {
      location.hash = `#inbox/${id}`;
    }, THREAD_PRIYA);
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Priya Raman');
  });

  test('an unknown sender: "not in your leads" with the identity, and it can be added', async () => {
    await gmail.evaluate((id) => {
      location.hash = `#inbox/${id}`;
    }, THREAD_UNKNOWN);
    const identity = panel.getByTestId('detected-identity');
    await expect.poll(() => identity.textContent()).toContain('sam@unlisted-corp.example');
    expect(await identity.textContent()).toContain('Sam Unlisted');
    await panel.getByTestId('add-lead').click();
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Sam Unlisted');
  });

  test('the inbox list with no thread open: no lead, and a search that finds one', async () => {
    await gmail.evaluate(() => {
      location.hash = '#inbox';
    });
    await panel.getByTestId('no-lead').waitFor();
    await panel.getByTestId('lead-search').fill('priya');
    await panel.getByRole('button', { name: 'Priya Raman' }).click();
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Priya Raman');
  });

  test('state survives a stopped service worker: the reopened panel shows the new thread', async () => {
    await gmail.evaluate((id) => {
      location.hash = `#inbox/${id}`;
    }, THREAD_DANA);
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Dana Whitfield');
    await panel.close();
    await stopServiceWorkers(baton, gmail);
    await gmail.evaluate((id) => {
      location.hash = `#inbox/${id}`;
    }, THREAD_PRIYA);
    panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Priya Raman');
  });
});
