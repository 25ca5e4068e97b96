import { listenForAssetInserts } from '@/lib/compose/listen-insert';
import { readOwnDomains } from '@/lib/settings/own-domains';
import { detectGmail } from '@/lib/sites/gmail/detect';
import { runAdapter } from '@/lib/sites/run';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    listenForAssetInserts(ctx);
    const ownDomains = await readOwnDomains();
    runAdapter(ctx, 'gmail', (url, doc) => detectGmail(url, doc, { ownDomains }));
  },
});
