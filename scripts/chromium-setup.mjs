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
