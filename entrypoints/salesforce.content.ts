import { runAdapter } from '@/lib/sites/run-adapter';
import { salesforceHost } from '@/lib/sites/salesforce-lightning/host';

export default defineContentScript({
  matches: [...salesforceHost.matches],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, salesforceHost.name, salesforceHost.detect);
  },
});
