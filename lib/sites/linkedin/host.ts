import { defineHost } from '../host-row';
import * as linkedin from './detect';
import { linkedinSeen, linkedinSelectors } from './selectors';

export const linkedinHost = defineHost({
  name: 'linkedin',
  // The whole site, not only /in/*: LinkedIn navigates from the feed to a profile without a page load.
  matches: ['https://www.linkedin.com/*'],
  detect: linkedin.detectLinkedIn,
  selectors: { seen: linkedinSeen, lists: linkedinSelectors },
  strategies: {
    slug: { list: linkedin.slugStrategies, found: 'slug' },
    name: { list: linkedin.nameStrategies, found: 'name' },
    headline: { list: linkedin.headlineStrategies, found: 'headline' },
    company: { list: linkedin.companyStrategies, found: 'company' },
  },
  fixtures: 'test/fixtures/linkedin',
});
