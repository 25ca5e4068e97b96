// Panel figures in a real Chromium with the built extension (run by `npm run bench`, after a build):
// first render with data (navigation start → the card has its lead context), and click "log call"
// → the attempt visible in the panel (next frame after the click). Prints a table; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  chromiumAndBuild,
  extensionIdOf,
  measureLeadSwitches,
  quantile,
  serveDemoGmail,
} from '../../scripts/chromium-setup.mjs';

const { executablePath, extension } = chromiumAndBuild('panel bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CLICKS = Number(process.env.BENCH_CLICKS ?? 40);
const SWITCHES = Number(process.env.BENCH_SWITCHES ?? 40);
const row = (name, values) => ({
  name,
  n: values.length,
  p50_ms: +quantile(values, 0.5).toFixed(1),
  p95_ms: +quantile(values, 0.95).toFixed(1),
  max_ms: +Math.max(...values).toFixed(1),
});

const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
const context = await chromium.launchPersistentContext(dir, {
  headless: true,
  executablePath,
  args: [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
  ],
});
try {
  await serveDemoGmail(context);
  const id = await extensionIdOf(context);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByTestId('load-sample').click();
  await options.getByTestId('workspace-counts').filter({ hasText: '(300 sample)' }).waitFor();
  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL');
  const tabId = await options.evaluate(
    async () => (await chrome.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id,
  );

  const firstRender = [];
  for (let run = 0; run < RUNS; run++) {
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html?tab=${tabId}`);
    await panel.waitForFunction(() => performance.getEntriesByName('baton:card-with-data').length > 0);
    firstRender.push(
      await panel.evaluate(() => performance.getEntriesByName('baton:card-with-data')[0].startTime),
    );
    await panel.close();
  }

  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html?tab=${tabId}`);
  await panel.getByTestId('log-attempt-call').waitFor();

  // Sample leads for Gmail threads to show in turn (each differs from the one before).
  const others = await options.evaluate(async () => {
    const reply = await chrome.runtime.sendMessage({
      id: 1,
      type: 'listQueue',
      data: { limit: 60 },
      timestamp: Date.now(),
    });
    return reply.res.map((lead) => ({ email: lead.emails[0], name: lead.name }));
  });
  const withEmail = others.filter((lead) => lead.email && lead.name !== 'Dana Whitfield');
  const visits = Array.from({ length: SWITCHES }, (_, i) => withEmail[i % withEmail.length]).filter(
    (lead, i, all) => i === 0 || all[i - 1].name !== lead.name,
  );
  const leadSwitch = await measureLeadSwitches(gmail, panel, visits);
  const clickToVisible = [];
  for (let i = 0; i < CLICKS; i++) {
    clickToVisible.push(
      await panel.evaluate(
        () =>
          new Promise((done) => {
            // The card lists the newest attempts first: a new one changes the first item.
            const first = () => document.querySelector('[data-testid="attempt-item"]')?.dataset.attemptId;
            const before = first();
            const observer = new MutationObserver(() => {
              if (first() === before) return;
              observer.disconnect();
              // Visible = the frame after the DOM change is painted.
              requestAnimationFrame(() => done(performance.now() - start));
            });
            observer.observe(document.body, { childList: true, subtree: true });
            const start = performance.now();
            document.querySelector('[data-testid="log-attempt-call"]').click();
          }),
      ),
    );
  }
  console.log('\nPanel in Chromium (sample workspace, 300 leads)');
  console.table([
    row('first render with data (nav start → card has data)', firstRender),
    row('click "log call" → attempt visible (next frame)', clickToVisible),
    row('lead on screen → panel shows its score and SLA (thread switch)', leadSwitch),
  ]);
} finally {
  await context.close();
  rmSync(dir, { recursive: true, force: true });
}
