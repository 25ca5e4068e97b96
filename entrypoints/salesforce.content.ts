import { runAdapter } from '@/lib/sites/run';
import { detectSalesforce } from '@/lib/sites/salesforce/detect';

export default defineContentScript({
  matches: ['https://*.lightning.force.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, 'salesforce', detectSalesforce);
  },
});
