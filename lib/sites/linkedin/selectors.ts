/**
 * LinkedIn's class names are hashed and change between releases, so Baton reads no class at all
 * here: the URL, headings, the page title, `aria-label`s, and Sales Navigator's
 * `data-anonymize` attributes (which mark what its own screenshot mode blurs).
 */
export const linkedinSelectors = {
  /** The main column, where the profile's top card is. */
  main: ['main', '[role="main"]'],
  /** The profile's name: the first heading of the main column. */
  name: ['main h1', '[role="main"] h1', 'h1'],
  /** Sales Navigator's marked fields. */
  salesName: ['[data-anonymize="person-name"]'],
  salesHeadline: ['[data-anonymize="headline"]', '[data-anonymize="job-title"]'],
  salesCompany: ['[data-anonymize="company-name"]'],
  /** The headline under the name, as LinkedIn tags it for its writing suggestions. */
  headline: ['[data-generated-suggestion-target]'],
  /** The top card's "Current company: Northwind Health. Click to skip to experience card". */
  currentCompany: ['[aria-label^="Current company:"]', '[aria-label*="Current company:"]'],
  /** A link to the public profile (Sales Navigator's "View LinkedIn profile"). */
  profileLink: ['a[href*="linkedin.com/in/"]', 'a[href^="/in/"]'],
} as const;

/** When these selectors were last checked against the real page (a fixture of that month). */
export const linkedinSeen = '2026-11';
