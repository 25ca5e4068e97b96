import type { ContentScriptContext } from '#imports';
import type { Detection } from './detection';
import { identityReporter } from './identity-reporter';
import { censorUrl, sketchPage } from './sketch';
import { watchPage } from './watch';

/** How long a miss must last before it is logged: single-page apps render after the URL changes. */
const MISS_GRACE_MS = 4000;

/**
 * The whole life of a host's content script: detect on load and on every change, report the
 * identity to the background when it changed, and when a page that should show a lead still
 * shows none after a grace period, log a censored sketch of it once (no text, no values).
 */
export function runAdapter(
  ctx: ContentScriptContext,
  host: string,
  detect: (url: string, doc: Document) => Detection,
): { recheck: () => void } {
  const report = identityReporter(host);
  // URLs whose miss was already looked at (once each: a page that stays empty logs once).
  const looked = new Set<string>();
  const checkMiss = (url: string) => {
    if (location.href !== url) return;
    const again = detect(url, document);
    if (again.identity || !again.expected) return;
    console.info(
      `[baton] ${host}: no lead found on ${censorUrl(url)} (strategies that did find something: ${JSON.stringify(again.found)}). Page structure, without text:\n${sketchPage(document.body)}`,
    );
  };
  const check = () => {
    const url = location.href;
    const detection = detect(url, document);
    report(detection.identity, detection.candidates);
    if (!detection.identity && detection.expected && !looked.has(url)) {
      looked.add(url);
      ctx.setTimeout(() => checkMiss(url), MISS_GRACE_MS);
    }
  };
  watchPage(ctx, check);
  // A setting that changes what counts as a lead (own domains) re-reads the page at once.
  return { recheck: check };
}
