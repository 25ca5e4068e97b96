import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './chromium-path';

const EXTENSION_DIR = resolve('.output/chrome-mv3');
const FIXTURES = resolve('test/fixtures');

/** Host pages served under their real URLs, so content scripts run under their real match patterns. */
const ROUTES: Array<{ pattern: string; fixture: string }> = [
  { pattern: 'https://mail.google.com/**', fixture: 'gmail/gmail-2026-11-20.html' },
];

export type Baton = {
  context: BrowserContext;
  extensionId: string;
  worker: () => Promise<Worker>;
  close: () => Promise<void>;
};

/** Launches Chromium headless with the built extension in a fresh persistent profile. */
export async function launchBaton(): Promise<Baton> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'baton-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    headless: true,
    executablePath: chromiumPath(),
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  for (const route of ROUTES) {
    const body = readFileSync(join(FIXTURES, route.fixture), 'utf8');
    await context.route(route.pattern, (r) =>
      r.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
  }
  const worker = async () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await worker()).url()).host;
  return {
    context,
    extensionId,
    worker,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

export function extensionUrl(baton: Baton, path: string): string {
  return `chrome-extension://${baton.extensionId}/${path}`;
}

/** Loads the sample workspace through the options page, as a user would. */
export async function loadSampleWorkspace(baton: Baton): Promise<void> {
  const options = await baton.context.newPage();
  await options.goto(extensionUrl(baton, 'options.html'));
  await options.getByTestId('load-sample').click();
  await options
    .getByTestId('workspace-counts')
    .filter({ hasText: /\(3\d\d sample\)|\(\d+ sample\)/ })
    .waitFor();
  await options.waitForFunction(
    () => !document.querySelector('[data-testid="load-sample"]')?.hasAttribute('disabled'),
  );
  await options.close();
}

/** The browser's tab id of a page, asked from an extension page (Playwright does not expose it). */
export async function tabIdOf(baton: Baton, page: Page): Promise<number> {
  const probe = await baton.context.newPage();
  await probe.goto(extensionUrl(baton, 'options.html'));
  const url = page.url();
  const tabId = await probe.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((tab) => tab.url === pageUrl)?.id;
  }, url);
  await probe.close();
  if (tabId === undefined) throw new Error(`No tab found for ${url}`);
  return tabId;
}

/** Opens the side panel's page as a tab pinned to `tabId` (the way tests and the pop-out use it). */
export async function openPanel(baton: Baton, tabId: number): Promise<Page> {
  const panel = await baton.context.newPage();
  await panel.goto(extensionUrl(baton, `sidepanel.html?tab=${tabId}`));
  return panel;
}

/** Stops every service worker through the DevTools protocol, as the browser does when idle. */
export async function stopServiceWorkers(baton: Baton, page: Page): Promise<void> {
  const cdp = await baton.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
