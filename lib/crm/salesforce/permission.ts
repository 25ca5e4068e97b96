/**
 * The Salesforce hosts Baton may be granted, pure (the manifest in wxt.config.ts reads these): the
 * optional host permissions asked for at connect time, never at install.
 */
export const SALESFORCE_API_HOSTS = [
  'https://login.salesforce.com/*',
  'https://test.salesforce.com/*',
  'https://*.my.salesforce.com/*',
];
