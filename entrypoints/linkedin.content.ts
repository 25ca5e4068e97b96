import { detectLinkedIn } from '@/lib/sites/linkedin/detect';
import { runAdapter } from '@/lib/sites/run';

export default defineContentScript({
  // The whole site, not only /in/*: LinkedIn navigates from the feed to a profile without a page load.
  matches: ['https://www.linkedin.com/*'],
  runAt: 'document_idle',
  main(ctx) {
    runAdapter(ctx, 'linkedin', detectLinkedIn);
  },
});
