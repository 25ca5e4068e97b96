import { listenForAssetInserts } from '@/lib/compose/listen-insert';
import { readOwnDomains } from '@/lib/settings/own-domains';
import { detectGmail } from '@/lib/sites/gmail/detect';
import { identityReporter } from '@/lib/sites/report';
import { watchPage } from '@/lib/sites/watch';

export default defineContentScript({
  matches: ['https://mail.google.com/*'],
  runAt: 'document_idle',
  async main(ctx) {
    listenForAssetInserts(ctx);
    const ownDomains = await readOwnDomains();
    const report = identityReporter('gmail');
    watchPage(ctx, () => report(detectGmail(location.href, document, { ownDomains }).identity));
  },
});
