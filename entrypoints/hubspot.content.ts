import { hubspotHost } from '@/lib/sites/hubspot-app/host';
import { runAdapter } from '@/lib/sites/run-adapter';

export default defineContentScript({
  matches: [...hubspotHost.matches],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, hubspotHost.name, hubspotHost.detect);
  },
});
