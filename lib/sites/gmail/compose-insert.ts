import { gmailSelectors as S } from './selectors';

function composeBodyOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  for (const selector of S.composeBody) {
    const body = element?.closest<HTMLElement>(selector);
    if (body) return body;
  }
  return null;
}

export type ComposeCursor = {
  /** Inserts at the remembered cursor, else at the end of the only/last open compose body. */
  insert(text: string): { inserted: boolean; reason?: string };
  stop(): void;
};

/**
 * Puts text at the rep's cursor in a Gmail compose or reply body, found with the detection's own
 * dated `composeBody` list. The panel takes focus when clicked, which drops the page's selection,
 * so the cursor is remembered on every `selectionchange` inside a compose body and restored
 * before inserting. `execCommand('insertText')` is used on purpose: it goes through the editor's
 * own input handling (undo stack, Gmail's model) where setting the DOM directly would be lost or
 * break the draft.
 */
export function trackComposeCursor(doc: Document): ComposeCursor {
  let lastRange: Range | undefined;
  const remember = () => {
    const selection = doc.getSelection();
    if (!selection || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (composeBodyOf(range.startContainer)) lastRange = range.cloneRange();
  };
  doc.addEventListener('selectionchange', remember);

  return {
    insert(text) {
      const rememberedBody = lastRange?.startContainer.isConnected
        ? composeBodyOf(lastRange.startContainer)
        : null;
      const bodies = S.composeBody.flatMap((s) => [...doc.querySelectorAll<HTMLElement>(s)]);
      const body = rememberedBody ?? bodies.at(-1);
      if (!body) return { inserted: false, reason: 'No Gmail reply or compose is open' };
      body.focus();
      const selection = doc.getSelection();
      if (selection) {
        let range = rememberedBody && lastRange ? lastRange : undefined;
        if (!range) {
          range = doc.createRange();
          range.selectNodeContents(body);
          range.collapse(false);
        }
        selection.removeAllRanges();
        selection.addRange(range);
      }
      const before = body.textContent ?? '';
      const ok = doc.execCommand('insertText', false, text);
      const inserted = ok && (body.textContent ?? '') !== before;
      if (inserted) remember();
      return inserted ? { inserted } : { inserted: false, reason: 'Gmail did not accept the text' };
    },
    stop() {
      doc.removeEventListener('selectionchange', remember);
    },
  };
}

/**
 * Anything in a title that Gmail would turn into a link of its own: a URL with a scheme, a
 * `www.` address, or a host followed by a path. The asset's one link is its own URL.
 */
const LINK_IN_TITLE =
  /\b[a-z][a-z0-9+.-]*:\/\/\S*|\b(?:mailto|javascript|data|tel):\S+|\bwww\.\S+|\b[\w-]+(?:\.[\w-]+)+\/\S*/gi;

/** The title as one line of plain text with no link of its own. */
export function plainTitle(title: string): string {
  return title.replace(LINK_IN_TITLE, ' ').replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** "Title\nhttps://…" as plain text: Gmail turns the URL into a link itself. */
export function assetText(title: string, url: string): string {
  const name = plainTitle(title);
  return name ? `${name}\n${url}\n` : `${url}\n`;
}
