/**
 * HubSpot contact record pages. The record id in the URL identifies the contact; the page adds
 * name, email, job title and company when shown. HubSpot marks its UI with `data-selenium-test`
 * and `data-test-id` attributes (steadier than its generated classes); each field also has a
 * structural fallback (the main heading, a `mailto:` link, the page title).
 */
export const hubspotSelectors = {
  main: ['[data-test-id="record-layout"]', 'main', '[role="main"]'],
  name: ['[data-selenium-test="highlightTitle"]', '[data-test-id="record-highlight-title"]', 'main h1', 'h1'],
  email: [
    '[data-selenium-test="property-input-email"]',
    '[data-selenium-test="highlightSubtitle"] a[href^="mailto:"]',
  ],
  /** "VP of Operations at Northwind Health" under the name. */
  subtitle: '[data-selenium-test="highlightSubtitle"]',
  jobTitle: ['[data-selenium-test="property-input-jobtitle"]'],
  company: ['[data-selenium-test="property-input-company"]'],
} as const;

/** When these selectors were last checked against the real page (a fixture of that month). */
export const hubspotSeen = '2026-11';
