import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium-path';

export default function setup(): void {
  if (!chromiumPath()) {
    throw new Error(
      'No Chromium found: set CHROME_PATH to a Chromium binary, or install it (Debian/Ubuntu: sudo apt-get install -y chromium).',
    );
  }
  if (!existsSync(`${process.env.BATON_EXTENSION_DIR ?? '.output/chrome-mv3'}/manifest.json`)) {
    throw new Error(
      'No built extension in .output/chrome-mv3: run `npm run build` first (npm run test:e2e does).',
    );
  }
}
