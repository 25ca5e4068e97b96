import { readOwnDomains, watchOwnDomains } from '@/lib/settings/own-domains';
import { gmailHost } from '@/lib/sites/gmail/host';
import { listenForAssetInserts } from '@/lib/sites/gmail/insert-listener';
import { runAdapter } from '@/lib/sites/run-adapter';

export default defineContentScript({
  matches: [...gmailHost.matches],
  runAt: 'document_idle',
  async main(ctx) {
    listenForAssetInserts(ctx);
    let ownDomains = await readOwnDomains();
    const adapter = runAdapter(ctx, gmailHost.name, (url, doc) => gmailHost.detect(url, doc, { ownDomains }));
    // Own domains changed in options: open Gmail tabs apply them without a reload.
    const stop = watchOwnDomains((domains) => {
      ownDomains = domains;
      adapter.recheck();
    });
    ctx.onInvalidated(stop);
  },
});
