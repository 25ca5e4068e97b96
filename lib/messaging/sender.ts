import type { SenderKind } from './protocol';

/** The parts of `runtime.MessageSender` the background looks at. */
export type SenderInfo = { id?: string; url?: string; tab?: { id?: number }; origin?: string };

/**
 * Who sent a message, or null when it must be refused: anything not from this extension, and
 * extension pages are told apart from content scripts by their URL (a content script's sender
 * URL is the host page's; an extension page's is chrome-extension://<id>/…).
 */
export function classifySender(
  sender: SenderInfo,
  extensionId: string,
  extensionOrigin: string,
): SenderKind | null {
  if (sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  if (url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab?.id !== undefined && /^https:\/\//.test(url)) return 'content-script';
  return null;
}
