import { runAdapter } from '@/lib/sites/run';
import { salesforceHost } from '@/lib/sites/salesforce/host';

export default defineContentScript({
  matches: [...salesforceHost.matches],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, salesforceHost.name, salesforceHost.detect);
  },
});
