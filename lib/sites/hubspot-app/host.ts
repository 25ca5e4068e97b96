import { defineHost } from '../host-row';
import * as hubspot from './detect';
import { hubspotSeen, hubspotSelectors } from './selectors';

export const hubspotHost = defineHost({
  name: 'hubspot',
  // The EU data centre's portals live on app-eu1.
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  detect: hubspot.detectHubSpot,
  selectors: { seen: hubspotSeen, lists: hubspotSelectors },
  strategies: {
    name: { list: hubspot.nameStrategies, found: 'name' },
    email: { list: hubspot.emailStrategies, found: 'email' },
    title: { list: hubspot.titleStrategies, found: 'title' },
    company: { list: hubspot.companyStrategies, found: 'company' },
  },
  fixtures: 'test/fixtures/hubspot',
});
