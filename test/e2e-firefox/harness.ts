import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { ROUTES } from '../e2e/host-pages';

const EXTENSION_DIR = resolve(process.env.BATON_FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv2');
const FIXTURES = resolve('test/fixtures');
const GECKO_ID = 'baton@baton.example';
/** A fixed moz-extension:// origin (pref extensions.webextensions.uuids). */
export const UUID = '7a3c1e52-9b1d-4e0f-8c2a-5d6e7f809a1b';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;
/** A routed https page that frames an extension page (BiDi will not open moz-extension:// in a tab). */
const FRAME_HOST = 'https://baton-test.example/';

export type FirefoxBaton = { browser: Browser; close: () => Promise<void> };

/** A glob of ROUTES (`**` any, `*` no slash) as a RegExp. */
function globToRegExp(glob: string): RegExp {
  const part = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*');
  return new RegExp(`^${glob.split('**').map(part).join('.*')}`);
}
const routes = ROUTES.map((route) => ({
  pattern: globToRegExp(route.pattern),
  body: readFileSync(join(FIXTURES, route.fixture), 'utf8'),
}));

/** Firefox with the test build installed; `prefs` adds to the profile's preferences. */
export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<FirefoxBaton> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      ...prefs,
    },
  });
  await browser.installExtension(EXTENSION_DIR);
  return { browser, close: () => browser.close() };
}

/** A new tab whose https requests are answered with the saved host pages (and the framing page). */
export async function newHostPage(baton: FirefoxBaton): Promise<Page> {
  const page = await baton.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(FRAME_HOST)) {
      const src = new URL(url).searchParams.get('src') ?? '';
      return void request.respond({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><body style="margin:0"><iframe src="${EXTENSION_ORIGIN}/${src}" style="width:100vw;height:100vh;border:0"></iframe></body>`,
      });
    }
    const route = routes.find((r) => r.pattern.test(url));
    if (route)
      return void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: route.body });
    return void request.continue();
  });
  return page;
}

/** An extension page (`options.html`, `sidepanel.html?tab=2`) framed in a test page; its frame drives it. */
export async function openFramed(baton: FirefoxBaton, path: string): Promise<{ page: Page; frame: Frame }> {
  const page = await newHostPage(baton);
  await page.goto(`${FRAME_HOST}?src=${encodeURIComponent(path)}`);
  // Puppeteer may still list the frame as about:blank: ask the frame itself where it is.
  for (const started = Date.now(); Date.now() - started < 15_000; ) {
    const frame = page.frames()[1];
    const href = await frame?.evaluate(() => (document.body ? location.href : '')).catch(() => '');
    if (frame && href?.startsWith(EXTENSION_ORIGIN)) return { page, frame };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`The framed ${path} did not load`);
}

/** The text of the first element with that test id, or undefined. */
export const textOf = (frame: Frame, testId: string) =>
  frame.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.textContent ?? undefined, testId);

export async function poll<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  let last: T | undefined;
  for (const started = Date.now(); Date.now() - started < timeoutMs; ) {
    last = await read().catch(() => undefined as T);
    if (last !== undefined && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`Timed out; last value: ${JSON.stringify(last)}`);
}

/** Clicks the element with that test id inside the frame (puppeteer's own click needs the frame element, which BiDi cannot locate here). */
export const clickTestId = (frame: Frame, testId: string) =>
  frame.evaluate((id) => {
    const node = document.querySelector<HTMLElement>(`[data-testid="${id}"]`);
    if (!node) throw new Error(`no ${id}`);
    node.click();
  }, testId);
