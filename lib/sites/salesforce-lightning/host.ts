import { defineHost } from '../host-row';
import * as salesforce from './detect';
import { salesforceSeen, salesforceSelectors } from './selectors';

export const salesforceHost = defineHost({
  name: 'salesforce',
  matches: ['https://*.lightning.force.com/*'],
  detect: salesforce.detectSalesforce,
  selectors: { seen: salesforceSeen, lists: salesforceSelectors },
  strategies: {
    name: { list: salesforce.nameStrategies, found: 'name' },
    email: { list: salesforce.emailStrategies, found: 'email' },
    title: { list: salesforce.titleStrategies, found: 'title' },
    company: { list: salesforce.companyStrategies, found: 'company' },
  },
  fixtures: 'test/fixtures/salesforce',
});
