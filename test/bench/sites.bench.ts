/**
 * Host adapters on saved-page-sized pages (2–4 MB), in happy-dom: a regression figure for the pure
 * functions. The budget (identify ≤ 20 ms) is measured in a real Chromium by
 * `node test/bench/sites.browser.mjs`, with the content scripts' sizes, long tasks and CPU cost;
 * happy-dom's selector engine is several times slower than Chromium's, so read these as upper bounds.
 */
import { Window } from 'happy-dom';
import { bench, describe } from 'vitest';
import type { Detection } from '../../lib/sites/detection';
import { detectGmail } from '../../lib/sites/gmail/detect';
import { detectHubSpot } from '../../lib/sites/hubspot-app/detect';
import { detectLinkedIn } from '../../lib/sites/linkedin/detect';
import { detectSalesforce } from '../../lib/sites/salesforce-lightning/detect';
import { bigPages, keyOfIdentity } from './sites.pages';

const DETECT: Record<string, (url: string, doc: Document) => Detection> = {
  gmail: (url, doc) => detectGmail(url, doc),
  linkedin: detectLinkedIn,
  hubspot: detectHubSpot,
  salesforce: detectSalesforce,
};

describe('identify the lead on a saved-page-sized page (happy-dom)', () => {
  for (const page of bigPages()) {
    const window = new Window({ url: page.url, settings: { disableJavaScriptEvaluation: true } });
    const document = window.document as unknown as Document;
    document.write(page.html);
    const detect = DETECT[page.host] as (url: string, doc: Document) => Detection;
    const found = keyOfIdentity(detect(page.url, document).identity);
    if (found !== page.expectedKey)
      throw new Error(`${page.host}: found ${found}, expected ${page.expectedKey}`);
    const mb = (page.html.length / 1024 / 1024).toFixed(1);
    bench(`${page.host} (${mb} MB, ${document.querySelectorAll('*').length} elements)`, () => {
      detect(page.url, document);
    });
  }
});
