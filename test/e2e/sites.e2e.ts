import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HOST_PERMISSIONS, HOSTS } from '../../lib/sites/hosts';
import {
  type Baton,
  EXTENSION_DIR,
  extensionUrl,
  launchBaton,
  loadSampleWorkspace,
  openPanel,
  tabIdOf,
} from './harness';
import { SITE_PAGES } from './host-pages';

/** Runs `fn` in an extension page (chrome.* APIs), opened for the call and closed after. */
async function inExtension<T, A extends string | number>(
  baton: Baton,
  fn: (arg: A) => Promise<T>,
  arg: A,
): Promise<T> {
  const page = await baton.context.newPage();
  try {
    await page.goto(extensionUrl(baton, 'options.html'));
    return await page.evaluate(fn as (value: string | number) => Promise<T>, arg as string | number);
  } finally {
    await page.close();
  }
}

/** The page (tab or window) the browser opened at `prefix`, once it is there. */
async function pageAt(baton: Baton, prefix: string, timeoutMs = 10_000): Promise<Page> {
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    const found = baton.context.pages().find((page) => page.url().startsWith(prefix));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`No page opened at ${prefix}`);
}

test('the built manifest: host permissions and one content script per host, from the registry', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
    host_permissions?: string[];
    content_scripts?: Array<{ matches: string[]; js?: string[] }>;
  };
  expect(manifest.host_permissions).toEqual(HOST_PERMISSIONS);
  // WXT may reorder a script's patterns; which patterns, and which script, is what counts.
  const byScript = (scripts: Array<{ matches: readonly string[]; js?: string[] }>) =>
    scripts
      .map((script) => ({ js: script.js ?? [], matches: [...script.matches].sort() }))
      .sort((a, b) => String(a.js).localeCompare(String(b.js)));
  expect(byScript(manifest.content_scripts ?? [])).toEqual(
    byScript(HOSTS.map((host) => ({ js: [`content-scripts/${host.name}.js`], matches: host.matches }))),
  );
});

describe('Baton on every host a rep works on', () => {
  let baton: Baton;

  beforeAll(async () => {
    baton = await launchBaton();
    await loadSampleWorkspace(baton);
  });
  afterAll(async () => baton?.close());

  test.each(SITE_PAGES)('$host: the panel shows $lead', async ({ url, lead }) => {
    const page = await baton.context.newPage();
    await page.goto(url);
    const panel = await openPanel(baton, await tabIdOf(baton, page));
    await expect.poll(() => panel.getByTestId('lead-name').textContent(), { timeout: 10_000 }).toBe(lead);
    await panel.close();
    await page.close();
  });

  test('a LinkedIn page that is not a person (the feed): no lead, and search is offered', async () => {
    const page = await baton.context.newPage();
    // The feed has no fixture of its own: a minimal page at its URL.
    await baton.context.route('https://www.linkedin.com/feed/**', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>Feed | LinkedIn</title><main><h1>Feed</h1></main>',
      }),
    );
    await page.goto('https://www.linkedin.com/feed/');
    const panel = await openPanel(baton, await tabIdOf(baton, page));
    await panel.getByTestId('no-lead').waitFor();
    await panel.getByTestId('lead-search').waitFor();
    await panel.close();
    await page.close();
  });

  test('Gmail compose: the focused compose window decides the lead', async () => {
    const page = await baton.context.newPage();
    await page.goto('https://mail.google.com/mail/u/2/#inbox?compose=CllgCJZbQmNwXnKpLrTsVdHgFjBcDwQk');
    const panel = await openPanel(baton, await tabIdOf(baton, page));
    // Nothing focused: the newest compose (to Priya).
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Priya Raman');
    await page.locator('[id=":r7"]').click();
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Dana Whitfield');
    await page.locator('[id=":rf"]').click();
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Priya Raman');
    await panel.close();
    await page.close();
  });

  test('LinkedIn in-page navigation to another profile: the panel follows', async () => {
    const page = await baton.context.newPage();
    await page.goto('https://www.linkedin.com/in/dana-whitfield-nw/');
    const panel = await openPanel(baton, await tabIdOf(baton, page));
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Dana Whitfield');
    // LinkedIn swaps the page without loading one: history.pushState, then the new top card.
    await page.evaluate(() => {
      history.pushState({}, '', '/in/marco-bellini-4a2b/');
      const h1 = document.querySelector('main h1');
      if (h1) h1.textContent = 'Marco Bellini';
    });
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Marco Bellini');
    await panel.close();
    await page.close();
  });

  describe('a panel that follows a window (?window=<id>)', () => {
    let gmail: Page;
    let linkedin: Page;
    let panel: Page;

    beforeAll(async () => {
      gmail = await baton.context.newPage();
      await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL');
      const gmailTab = await tabIdOf(baton, gmail);
      // LinkedIn opens as a second tab of Gmail's window, as a rep would open it.
      const windowId = await inExtension(
        baton,
        async (tabId: number) => (await chrome.tabs.get(tabId)).windowId,
        gmailTab,
      );
      await inExtension(
        baton,
        async (windowId: number) => {
          await chrome.tabs.create({ windowId, url: 'https://www.linkedin.com/in/priya-raman-larkspur/' });
        },
        windowId,
      );
      linkedin = await pageAt(baton, 'https://www.linkedin.com/in/priya-raman-larkspur/');
      await linkedin.waitForLoadState();
      // The panel in a window of its own (the pop-out), following the rep's window.
      const panelUrl = extensionUrl(baton, `sidepanel.html?window=${windowId}`);
      await inExtension(
        baton,
        async (url: string) => {
          await chrome.windows.create({ url, type: 'popup', width: 380, height: 700 });
        },
        panelUrl,
      );
      panel = await pageAt(baton, panelUrl);
    });
    afterAll(async () => {
      await panel?.close();
      await linkedin?.close();
      await gmail?.close();
    });

    test('switching tabs between Gmail and LinkedIn switches the lead', async () => {
      await linkedin.bringToFront();
      await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Priya Raman');
      await gmail.bringToFront();
      await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Dana Whitfield');
      await linkedin.bringToFront();
      await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Priya Raman');
    });
  });
});
