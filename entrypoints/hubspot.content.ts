import { hubspotHost } from '@/lib/sites/hubspot/host';
import { runAdapter } from '@/lib/sites/run';

export default defineContentScript({
  matches: [...hubspotHost.matches],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, hubspotHost.name, hubspotHost.detect);
  },
});
