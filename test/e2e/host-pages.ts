/**
 * The host pages the end-to-end tests open, in one module that launches nothing, so the house
 * test (test/unit/house/hosts.test.ts) can check every host of the registry has its case here.
 */

/**
 * Host pages served under their real URLs, so content scripts run under their real match
 * patterns. The first pattern that matches a URL serves it (Gmail's hash never reaches the
 * server, so other Gmail pages are told apart by their account number).
 */
export const ROUTES: Array<{ pattern: string; fixture: string }> = [
  { pattern: 'https://mail.google.com/mail/u/1/**', fixture: 'gmail/2026-11-24-thread-second-account.html' },
  { pattern: 'https://mail.google.com/mail/u/2/**', fixture: 'gmail/2026-11-24-compose.html' },
  { pattern: 'https://mail.google.com/mail/u/3/**', fixture: 'gmail/2026-12-04-thread-three-outside.html' },
  { pattern: 'https://mail.google.com/**', fixture: 'gmail/gmail-2026-11-20.html' },
  {
    pattern: 'https://www.linkedin.com/in/dana-whitfield-nw/**',
    fixture: 'linkedin/2026-11-24-profile.html',
  },
  {
    pattern: 'https://www.linkedin.com/in/priya-raman-larkspur/**',
    fixture: 'linkedin/2026-11-24-profile-notifications.html',
  },
  {
    pattern: 'https://www.linkedin.com/sales/lead/**',
    fixture: 'linkedin/2026-11-24-sales-navigator-lead.html',
  },
  { pattern: 'https://app.hubspot.com/contacts/**', fixture: 'hubspot/2026-11-24-contact-record.html' },
  {
    pattern: 'https://app-eu1.hubspot.com/contacts/**',
    fixture: 'hubspot/2026-11-24-contact-legacy-eu.html',
  },
  {
    pattern: 'https://*.lightning.force.com/lightning/r/Lead/**',
    fixture: 'salesforce/2026-11-24-lead-record.html',
  },
  {
    pattern: 'https://*.lightning.force.com/lightning/r/003*/**',
    fixture: 'salesforce/2026-11-24-contact-record.html',
  },
];

/** Each host's saved page under its real URL, and the sample lead the panel must show for it. */
export const SITE_PAGES = [
  { host: 'LinkedIn profile', url: 'https://www.linkedin.com/in/dana-whitfield-nw/', lead: 'Dana Whitfield' },
  {
    host: 'LinkedIn profile, notifications in the title',
    url: 'https://www.linkedin.com/in/priya-raman-larkspur/',
    lead: 'Priya Raman',
  },
  {
    host: 'Sales Navigator lead',
    url: 'https://www.linkedin.com/sales/lead/ACwAAB4x9kQBm2c7ZqLrT0pVd,NAME_SEARCH,k3Jd',
    lead: 'Marco Bellini',
  },
  {
    host: 'HubSpot contact',
    url: 'https://app.hubspot.com/contacts/4411823/record/0-1/51001',
    lead: 'Dana Whitfield',
  },
  {
    host: 'HubSpot contact, older URL, EU',
    url: 'https://app-eu1.hubspot.com/contacts/26004417/contact/51002',
    lead: 'Priya Raman',
  },
  {
    host: 'Salesforce Lead',
    url: 'https://baton-demo.lightning.force.com/lightning/r/Lead/00Q8d00000MbLlIEAV/view',
    lead: 'Marco Bellini',
  },
  {
    host: 'Salesforce Contact',
    url: 'https://baton-demo.lightning.force.com/lightning/r/0038d00000PrRmNAAV/view',
    lead: 'Priya Raman',
  },
  {
    host: 'Gmail, second account (/mail/u/1/)',
    url: 'https://mail.google.com/mail/u/1/#inbox/FMfcgzQcqZtLmVbWxKpRsNdHgJfTyQwJ',
    lead: 'Marco Bellini',
  },
];
