import { existsSync } from 'node:fs';

/** Chromium from CHROME_PATH, else Debian's /usr/bin/chromium. Never a downloaded browser. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter((p): p is string => Boolean(p));
  return candidates.find((path) => existsSync(path));
}
