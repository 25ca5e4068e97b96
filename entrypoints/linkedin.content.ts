import { linkedinHost } from '@/lib/sites/linkedin/host';
import { runAdapter } from '@/lib/sites/run-adapter';

export default defineContentScript({
  matches: [...linkedinHost.matches],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, linkedinHost.name, linkedinHost.detect);
  },
});
