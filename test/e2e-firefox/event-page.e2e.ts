import type { Frame } from 'puppeteer-core';
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
const FIRST_TAB_ID = 2;
/** Firefox unloads an idle event page after this (default 30 s): here, soon enough to watch. */
const IDLE_MS = 1500;
/** `BACKGROUND_STARTS_KEY` of lib/background/test-start-count.ts (this suite runs without the app's aliases). */
const BACKGROUND_STARTS_KEY = 'testBackgroundStarts';

/** How many times the event page has started (the Firefox test build counts them in storage.local). */
const backgroundStarts = (frame: Frame) =>
  frame.evaluate(async (key) => {
    const storage = (globalThis as unknown as { browser: { storage: typeof chrome.storage } }).browser
      .storage;
    return Number((await storage.local.get(key))[key] ?? 0);
  }, BACKGROUND_STARTS_KEY);

describe('Baton in Firefox ESR: the event page unloads and comes back', () => {
  let baton: FirefoxBaton;
  beforeAll(async () => {
    baton = await launchFirefox({ 'extensions.background.idle.timeout': IDLE_MS });
    const gmail = await newHostPage(baton);
    await gmail.goto(THREAD_DANA);
  });
  afterAll(async () => baton?.close());

  test('a call logged before the event page is unloaded is there when it is woken again', async () => {
    const options = await openFramed(baton, 'options.html');
    await poll(
      () => textOf(options.frame, 'load-sample'),
      (t) => t !== undefined,
    );
    await clickTestId(options.frame, 'load-sample');
    await poll(
      () => textOf(options.frame, 'workspace-counts'),
      (text) => /\(\d+ sample\)/.test(text ?? ''),
    );

    const path = `sidepanel.html?tab=${FIRST_TAB_ID}`;
    const panel = await openFramed(baton, path);
    await poll(
      () => textOf(panel.frame, 'lead-name'),
      (t) => t === 'Dana Whitfield',
    );
    await clickTestId(panel.frame, 'log-attempt-call');
    await poll(
      () => panel.frame.evaluate(() => document.querySelectorAll('[data-testid="attempt-item"]').length),
      (n) => n === 1,
    );
    const startsBefore = await backgroundStarts(panel.frame);
    expect(startsBefore).toBeGreaterThan(0);
    await panel.page.close();
    await options.page.close();

    // Idle: Firefox unloads the event page (its memory, timers and open database go with it).
    await new Promise((r) => setTimeout(r, IDLE_MS * 4));

    // The panel opened again wakes it: the tab's lead (storage.session) and the call (IndexedDB) are back.
    const reopened = await openFramed(baton, path);
    await poll(
      () => textOf(reopened.frame, 'lead-name'),
      (t) => t === 'Dana Whitfield',
    );
    await poll(
      () => reopened.frame.evaluate(() => document.querySelectorAll('[data-testid="attempt-item"]').length),
      (n) => n === 1,
    );
    expect(await textOf(reopened.frame, 'attempt-item')).toContain('Call');
    // It was started again since the call was logged: these came from a fresh event page.
    expect(await backgroundStarts(reopened.frame)).toBeGreaterThan(startsBefore);
    await reopened.page.close();
  });
});
