import { browser } from 'wxt/browser';
import type { ContentScriptContext } from '#imports';
import { safeHttpUrl } from '../../format/safe-url';
import { messenger } from '../../messaging/transport';
import { assetText, trackComposeCursor } from './compose-insert';

/**
 * Answers the panel's "insert this asset" in a Gmail tab. Only this extension's own pages may
 * ask, and only an http(s) link with a short title is ever written into the page.
 */
export function listenForAssetInserts(ctx: ContentScriptContext): void {
  const cursor = trackComposeCursor(document);
  const extensionOrigin = browser.runtime.getURL('/');
  const stop = messenger.onMessage('insertAsset', ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || !sender.url?.startsWith(extensionOrigin)) {
      return { inserted: false, reason: 'Refused: not from Baton' };
    }
    const url = safeHttpUrl(typeof data?.url === 'string' ? data.url : undefined);
    const title = typeof data?.title === 'string' ? data.title.slice(0, 300) : '';
    if (!url) return { inserted: false, reason: 'Only http(s) links can be inserted' };
    return cursor.insert(assetText(title, url));
  });
  ctx.onInvalidated(() => {
    stop();
    cursor.stop();
  });
}
