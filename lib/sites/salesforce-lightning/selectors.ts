/**
 * Salesforce Lightning record pages. The 15/18-character record id in the URL identifies the
 * Lead or Contact; name and email come from the highlights panel and the record layout, which
 * Lightning renders as custom elements (`records-…`, `lightning-formatted-…`) whose tag names
 * and `field-label` attributes are steadier than its CSS classes. Lightning keeps earlier
 * records' tabs in the page, hidden; the active one is `.oneContent.active`.
 */
export const salesforceSelectors = {
  activeTab: ['.oneContent.active', '[role="main"]'],
  name: [
    'records-highlights2 h1 lightning-formatted-name',
    'h1 [slot="primaryField"]',
    'h1 lightning-formatted-name',
  ],
  email: [
    'records-record-layout-item[field-label="Email"] a[href^="mailto:"]',
    'lightning-formatted-email a[href^="mailto:"]',
  ],
  title: ['records-record-layout-item[field-label="Title"] lightning-formatted-text'],
  company: [
    'records-record-layout-item[field-label="Company"] lightning-formatted-text',
    'records-record-layout-item[field-label="Account Name"] a',
  ],
  /** The highlights panel's detail blocks, labelled by a `title` attribute ("Title", "Company"…). */
  highlightDetail: 'records-highlights-details-item',
} as const;

/** When these selectors were last checked against the real page (a fixture of that month). */
export const salesforceSeen = '2026-11';
