// `npm start`: launches Chromium with the freshly built extension, the sample workspace loaded,
// and a Gmail-like demo thread open beside the panel. Chromium comes from CHROME_PATH or
// /usr/bin/chromium (branded Chrome 137+ ignores --load-extension; load it unpacked instead).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumAndBuild, extensionIdOf, loadExtensionArgs, serveDemoGmail } from './chromium-setup.mjs';

const { executablePath, extension } = chromiumAndBuild('npm start');
const headless = process.env.HEADLESS === '1' || !process.env.DISPLAY;
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'baton-start-')), {
  headless,
  executablePath,
  viewport: null,
  args: [...loadExtensionArgs(extension), '--no-first-run'],
});
// Serve the demo Gmail page: without a network or an account you can still see Baton work.
await serveDemoGmail(context);

const id = await extensionIdOf(context);
const options = await context.newPage();
await options.goto(`chrome-extension://${id}/options.html`);
await options.getByTestId('load-sample').click();
await options.getByTestId('workspace-counts').filter({ hasText: 'sample)' }).waitFor();
const gmail = await context.newPage();
await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL');
const tabId = await options.evaluate(
  async () => (await chrome.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id,
);
const panel = await context.newPage();
await panel.goto(`chrome-extension://${id}/sidepanel.html?tab=${tabId}`);
console.log(
  `Baton is running (${headless ? 'headless: set DISPLAY to see it' : 'close the browser to stop'}).`,
);
console.log('Click the Baton toolbar button beside a Gmail tab to open the real side panel.');
if (headless) await context.close();
else await new Promise((done) => context.on('close', done));
