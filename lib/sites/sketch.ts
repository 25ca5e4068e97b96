/**
 * A privacy-censored sketch of a page, logged when an adapter finds nobody where a lead was
 * expected, so the selectors can be fixed from a user's report. It keeps structure only: tag
 * names, class tokens and the values of allow-listed attributes; every other attribute appears
 * by name alone (`[email]`, `[aria-label]`, `[href]`), and no text, value or URL is ever copied.
 */
const KEEP_VALUES = new Set(
  'role type tabindex contenteditable hidden slot aria-hidden aria-level aria-selected aria-checked aria-expanded data-anonymize data-test-id data-testid data-selenium-test'.split(
    ' ',
  ),
);
/** Subtrees with nothing to learn from (and, for `template`/`noscript`, no live structure). */
const SKIP = new Set('script style noscript template svg link meta iframe'.split(' '));
/** A kept value must look like a token, never like prose someone typed. */
const TOKEN = /^[A-Za-z0-9_:.-]{1,40}$/;

export type SketchOptions = { maxNodes?: number; maxDepth?: number };

function describe(element: Element): string {
  let line = element.tagName.toLowerCase();
  for (const token of element.classList) if (TOKEN.test(token)) line += `.${token}`;
  for (const { name } of element.attributes) {
    if (name === 'class' || name === 'style') continue;
    const value = element.getAttribute(name) ?? '';
    line += KEEP_VALUES.has(name) && TOKEN.test(value) ? `[${name}=${value}]` : `[${name}]`;
  }
  return line;
}

export function sketchPage(root: Element, { maxNodes = 600, maxDepth = 30 }: SketchOptions = {}): string {
  const lines: string[] = [];
  let budget = maxNodes;
  const walk = (element: Element, depth: number) => {
    if (budget <= 0) return;
    budget--;
    const hasText = [...element.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
    lines.push(`${'  '.repeat(depth)}${describe(element)}${hasText ? ' …' : ''}`);
    if (depth >= maxDepth) return;
    // Runs of siblings with the same shape (inbox rows, feed items) are folded into one line.
    let previous = '';
    let repeats = 0;
    const flush = () => {
      if (repeats > 0) lines.push(`${'  '.repeat(depth + 1)}(×${repeats} more like it)`);
      repeats = 0;
    };
    for (const child of element.children) {
      if (SKIP.has(child.tagName.toLowerCase())) continue;
      const shape = describe(child);
      if (shape === previous) {
        repeats++;
        continue;
      }
      flush();
      previous = shape;
      walk(child, depth + 1);
    }
    flush();
  };
  walk(root, 0);
  if (budget <= 0) lines.push(`(cut at ${maxNodes} elements)`);
  return lines.join('\n');
}

/**
 * The URL with every path segment and hash segment that is not a known route word replaced by
 * `:x` and the query dropped: `/in/dana-whitfield-nw/` → `/in/:x/`.
 */
const ROUTE_WORDS = new Set(
  'mail u inbox sent starred drafts all label search in sales lead people contacts contact record lightning r Lead Contact view feed overlay details'.split(
    ' ',
  ),
);

export function censorUrl(url: string): string {
  const parsed = new URL(url);
  const censor = (part: string) =>
    part
      .split('/')
      .map((segment) => (segment === '' || ROUTE_WORDS.has(segment) ? segment : ':x'))
      .join('/');
  const hash = parsed.hash ? `#${censor(parsed.hash.slice(1).split('?')[0] ?? '')}` : '';
  return `${parsed.origin}${censor(parsed.pathname)}${hash}`;
}
