import { listenForAssetInserts } from '@/lib/compose/listen-insert';
import { readOwnDomains, watchOwnDomains } from '@/lib/settings/own-domains';
import { detectGmail } from '@/lib/sites/gmail/detect';
import { runAdapter } from '@/lib/sites/run';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    listenForAssetInserts(ctx);
    let ownDomains = await readOwnDomains();
    const adapter = runAdapter(ctx, 'gmail', (url, doc) => detectGmail(url, doc, { ownDomains }));
    // Own domains changed in options: open Gmail tabs apply them without a reload.
    const stop = watchOwnDomains((domains) => {
      ownDomains = domains;
      adapter.recheck();
    });
    ctx.onInvalidated(stop);
  },
});
