import { detectHubSpot } from '@/lib/sites/hubspot/detect';
import { runAdapter } from '@/lib/sites/run';

export default defineContentScript({
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, 'hubspot', detectHubSpot);
  },
});
