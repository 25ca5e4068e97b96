// Outbox figures in a real Chromium with the built extension, connected to the local HubSpot test
// server (run by `npm run bench`, after a build). Prints tables; asserts nothing.
//   1. Click "log call" in the panel → the attempt and its outbox entry committed to IndexedDB
//      (the background answers the panel's message only after the transaction completes), p50/p95
//      over BENCH_DURABLE_CLICKS clicks (default 1,000). Budget (docs/architecture.md "Budgets"): ≤ 50 ms p95.
//   2. Flush throughput: from the first click until HubSpot holds every attempt, with the test
//      server's rate limit (HubSpot's 100 requests per 10 s) and the 5 s undo window.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  chromiumAndBuild,
  extensionIdOf,
  loadExtensionArgs,
  quantile,
  serveDemoGmail,
} from '../../scripts/chromium-setup.mjs';
import { startFakeHubSpot } from '../hubspot-server/server.mjs';

const { executablePath, extension } = chromiumAndBuild('outbox bench');
const CLICKS = Number(process.env.BENCH_DURABLE_CLICKS ?? 1_000);

const hubspot = await startFakeHubSpot({ port: 0, controlPort: 0 });
const dir = mkdtempSync(join(tmpdir(), 'baton-outbox-bench-'));
const context = await chromium.launchPersistentContext(dir, {
  headless: true,
  executablePath,
  args: [
    ...loadExtensionArgs(extension),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
  ],
});
/** Engagements Baton wrote (tagged) in the test portal. */
const tagged = async () => {
  const state = await (await fetch(`${hubspot.controlUrl}/state`)).json();
  return (state.engagements?.calls ?? []).filter((call) =>
    /\[baton:/.test(call.properties.hs_call_title ?? ''),
  ).length;
};
try {
  await serveDemoGmail(context);
  const id = await extensionIdOf(context);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByText('Advanced').click();
  await options.getByTestId('crm-base-url').fill(hubspot.url);
  await options.getByTestId('crm-owner').fill('90001');
  await options.getByTestId('crm-token').fill(hubspot.token);
  await options.getByTestId('crm-connect').click();
  await options.getByTestId('crm-connected').waitFor();

  const gmail = await context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL');
  const tabId = await options.evaluate(
    async () => (await chrome.tabs.query({ url: 'https://mail.google.com/*' }))[0]?.id,
  );
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html?tab=${tabId}`);
  await panel.getByTestId('log-attempt-call').waitFor({ timeout: 20_000 });
  const before = await tagged();

  const durable = [];
  const started = Date.now();
  for (let i = 0; i < CLICKS; i++) {
    durable.push(
      await panel.evaluate(
        () =>
          new Promise((done, fail) => {
            // The panel marks each answer to its logAttempt message (sent after the commit).
            const marks = () => performance.getEntriesByName('baton:attempt-durable');
            const answered = marks().length;
            const start = performance.now();
            document.querySelector('[data-testid="log-attempt-call"]').click();
            const wait = () => {
              if (marks().length > answered) done(marks()[answered].startTime - start);
              else if (performance.now() - start > 10_000) fail(new Error('no answer to logAttempt in 10 s'));
              else setTimeout(wait, 0);
            };
            wait();
          }),
      ),
    );
  }
  const clicked = Date.now();
  while ((await tagged()) - before < CLICKS && Date.now() - clicked < 30 * 60_000)
    await new Promise((r) => setTimeout(r, 250));
  const arrived = (await tagged()) - before;
  const drainedAt = Date.now();

  // Which requests spent the rate limit: the flusher's writes and the card's reads share it.
  const { requests } = await (await fetch(`${hubspot.controlUrl}/requests`)).json();
  const byKind = {};
  for (const r of requests) {
    const path = String(r.path)
      .split('?')[0]
      .replace(/\/\d{4}-\d{2}\//, '/v/')
      .replace(/\d+/g, 'N');
    const key = `${r.method} ${path} → ${r.status ?? r.fault}`;
    byKind[key] = (byKind[key] ?? 0) + 1;
  }
  // And when: requests per 10 s window from the first click, against the limit of 100.
  const perWindow = {};
  for (const r of requests) {
    const window = Math.floor((Date.parse(r.at) - started) / 10_000);
    if (window >= 0)
      perWindow[`${window * 10}-${window * 10 + 10} s`] =
        (perWindow[`${window * 10}-${window * 10 + 10} s`] ?? 0) + 1;
  }
  if (process.env.BENCH_VERBOSE) console.table(perWindow);
  console.log('\nRequests HubSpot received, by kind');
  console.table(
    Object.entries(byKind)
      .sort((a, b) => b[1] - a[1])
      .map(([kind, count]) => ({ kind, count })),
  );

  console.log(
    `\nOutbox in Chromium, HubSpot connected (local test server, ${CLICKS} calls logged on one contact)`,
  );
  console.table([
    {
      name: 'click "log call" → durable in IndexedDB',
      n: durable.length,
      p50_ms: +quantile(durable, 0.5).toFixed(1),
      p95_ms: +quantile(durable, 0.95).toFixed(1),
      max_ms: +Math.max(...durable).toFixed(1),
      budget: '≤ 50 ms p95',
    },
  ]);
  console.table([
    {
      name: 'flush to HubSpot (rate limit 100 requests / 10 s, 5 s undo window)',
      arrived: `${arrived} of ${CLICKS}`,
      clicking_s: +((clicked - started) / 1000).toFixed(1),
      first_click_to_all_in_hubspot_s: +((drainedAt - started) / 1000).toFixed(1),
      per_second: +(arrived / ((drainedAt - started) / 1000)).toFixed(1),
    },
  ]);
} finally {
  await context.close();
  await hubspot.close();
  rmSync(dir, { recursive: true, force: true });
}
