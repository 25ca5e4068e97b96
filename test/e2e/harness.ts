import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { chromiumPath } from './chromium-path';
import { ROUTES } from './host-pages';

export const EXTENSION_DIR = resolve(process.env.BATON_EXTENSION_DIR ?? '.output/chrome-mv3');
const FIXTURES = resolve('test/fixtures');

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
  // Playwright runs the most recently registered matching route first: register in reverse.
  for (const route of [...ROUTES].reverse()) {
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

/**
 * Writes a screenshot of a host page with the panel beside it, as a rep sees them, when
 * UPDATE_SCREENSHOTS=1. A normal run never rewrites committed images.
 */
export async function saveSideBySide(
  baton: Baton,
  host: Page,
  panel: Page,
  outFile: string,
): Promise<boolean> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return false;
  await host.setViewportSize({ width: 900, height: 720 });
  await panel.setViewportSize({ width: 380, height: 720 });
  const left = (await host.screenshot()).toString('base64');
  const right = (await panel.screenshot()).toString('base64');
  const canvas = await baton.context.newPage();
  await canvas.setViewportSize({ width: 1281, height: 720 });
  await canvas.setContent(
    `<body style="margin:0;display:flex;background:#888;gap:1px"><img src="data:image/png;base64,${left}"><img src="data:image/png;base64,${right}"></body>`,
  );
  await canvas.screenshot({ path: outFile });
  await canvas.close();
  return true;
}

/**
 * The visible text of another target (e.g. the real side panel, which Playwright does not list
 * as a page), read over CDP from a page's session with the target-messaging protocol.
 */
export async function textOfTarget(viaPage: Page, urlPart: string): Promise<string | undefined> {
  const cdp = await viaPage.context().newCDPSession(viaPage);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: Array<{ targetId: string; url: string; type: string }>;
    };
    const target = targetInfos.find((info) => info.url.includes(urlPart));
    if (!target) return undefined;
    const { sessionId } = (await cdp.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    })) as {
      sessionId: string;
    };
    const reply = new Promise<string | undefined>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
        if (event.sessionId !== sessionId) return;
        const message = JSON.parse(event.message) as {
          id?: number;
          result?: { result?: { value?: string } };
        };
        if (message.id === 1) resolve(message.result?.result?.value);
      });
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: 1,
        method: 'Runtime.evaluate',
        params: { expression: 'document.body.innerText' },
      }),
    });
    return await reply;
  } finally {
    await cdp.detach();
  }
}

/** A screenshot of one page for the README, only when UPDATE_SCREENSHOTS=1. */
export async function saveScreenshot(
  page: Page,
  outFile: string,
  size: { width: number; height: number },
  fullPage = true,
): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await page.setViewportSize(size);
  const clip = { x: 0, y: 0, width: size.width, height: size.height };
  await page.screenshot(fullPage ? { path: outFile, fullPage } : { path: outFile, clip });
}
