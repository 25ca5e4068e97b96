// What every script that drives Chromium with Baton needs (npm start, the browser benchmarks):
// Chromium from CHROME_PATH or Debian's /usr/bin/chromium — never a downloaded browser — and the
// built extension. Exits with one line saying what is missing.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function chromiumAndBuild(who) {
  const executablePath = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p));
  const extension = resolve(process.env.BATON_EXTENSION_DIR ?? '.output/chrome-mv3');
  if (!executablePath || !existsSync(`${extension}/manifest.json`)) {
    console.error(
      `${who}: needs Chromium (CHROME_PATH, or Debian/Ubuntu: sudo apt-get install -y chromium) and a build (npm run build).`,
    );
    process.exit(1);
  }
  return { executablePath, extension };
}

/** The flags that load the extension (and only it). */
export const loadExtensionArgs = (extension) => [
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
];

/** The q-quantile of a list of numbers (nearest rank). */
export const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];

/** Serves the saved Gmail thread under Gmail's real URL, so the content script runs as on the real site. */
export async function serveDemoGmail(context) {
  const html = readFileSync('test/fixtures/gmail/gmail-2026-11-20.html', 'utf8');
  await context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
}

/** The loaded extension's id, from its service worker. */
export async function extensionIdOf(context) {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return new URL(worker.url()).host;
}

/** The saved Gmail page's thread with Dana Whitfield, and her address in it. */
export const DEMO_THREAD = {
  id: 'FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL',
  email: 'dana.whitfield@northwindhealth.example',
};

/**
 * In the saved Gmail page, adds a thread like `base` ({ id, email } of one of its threads) with
 * `email` as the participant, and opens it as the rep would: a click and the thread id in the URL,
 * which the page renders on `hashchange` as Gmail does. Returns when the URL changed (wall clock).
 */
export function openGmailThreadWith(gmail, { base = DEMO_THREAD, email, thread }) {
  return gmail.evaluate(
    ({ base, to, thread }) => {
      const template = document.querySelector(`template[data-thread="${base.id}"]`).cloneNode(true);
      template.setAttribute('data-thread', thread);
      for (const attribute of ['email', 'data-hovercard-id'])
        for (const element of template.content.querySelectorAll(`[${attribute}="${base.email}"]`))
          element.setAttribute(attribute, to);
      document.body.append(template);
      document.body.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      const at = performance.timeOrigin + performance.now();
      location.hash = `#inbox/${thread}`;
      return at;
    },
    { base, to: email, thread },
  );
}

/**
 * Lead on screen → panel shows it (docs/architecture.md "Budgets"). For each of `leads` ({ email, name }) the saved
 * Gmail page gets a thread like Dana's with that lead as the participant, and the rep opens it
 * (`openGmailThreadWith`).
 * The time runs from the URL change until the panel, open on the tab, shows the new lead's name
 * with its score and SLA, on the frame after. Both ends read the same wall clock
 * (`timeOrigin + now()`), so the figure covers Gmail's render, detection in the content script,
 * the background's lookup and the panel's render. Returns one duration (ms) per switch.
 */
export async function measureLeadSwitches(gmail, panel, leads, { timeoutMs = 10_000 } = {}) {
  const durations = [];
  for (const [index, lead] of leads.entries()) {
    // The panel is watched for the name: the same name twice in a row would time a stale card.
    if (index > 0 && leads[index - 1].name === lead.name)
      throw new Error(`measureLeadSwitches: two leads in a row are both named ${lead.name}`);
    await panel.evaluate(
      ({ name, timeoutMs }) => {
        window.__batonShown = new Promise((resolve, reject) => {
          const shown = () => {
            const heading = document.querySelector('[data-testid="lead-name"]');
            return (
              heading?.textContent === name &&
              document.querySelector('[data-testid="lead-score"]') &&
              document.querySelector('[data-testid="sla-status"]')
            );
          };
          const timer = setTimeout(() => reject(new Error(`the panel never showed ${name}`)), timeoutMs);
          const observer = new MutationObserver(() => {
            if (!shown()) return;
            observer.disconnect();
            clearTimeout(timer);
            requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()));
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
      },
      { name: lead.name, timeoutMs },
    );
    const openedAt = await openGmailThreadWith(gmail, {
      email: lead.email,
      thread: `FMfcgzQbench${String(index).padStart(20, '0')}`,
    });
    const shownAt = await panel.evaluate(() => window.__batonShown);
    durations.push(shownAt - openedAt);
  }
  return durations;
}
