/**
 * Several ways to read each field, tried in order (docs/architecture.md "Host pages": markup drifts). Each adapter keeps
 * its strategy lists together with its selectors, so a test can take any one away and check the
 * others still find the lead, and the detection records which one worked.
 */
export type Strategy<In, Out> = { readonly name: string; read(input: In): Out | null | undefined };

export type Hit<Out> = { value: Out; by: string };

/** Thrown by `queryOrFail`: a strategy's cue is missing, so the caller moves on to the next one. */
export class CueMissing extends Error {
  override name = 'CueMissing';
}

export function queryOrFail(root: ParentNode, selector: string): Element {
  const element = root.querySelector(selector);
  if (!element) throw new CueMissing(selector);
  return element;
}

/**
 * The first strategy that yields a value (not empty), and its name. A strategy that throws
 * (a missing cue, or a selector this browser cannot parse) counts as a miss, never as a crash.
 */
export function firstHit<In, Out>(strategies: readonly Strategy<In, Out>[], input: In): Hit<Out> | undefined {
  for (const strategy of strategies) {
    let value: Out | null | undefined;
    try {
      value = strategy.read(input);
    } catch {
      continue;
    }
    if (value != null && value !== '' && !(Array.isArray(value) && value.length === 0)) {
      return { value, by: strategy.name };
    }
  }
  return undefined;
}

/**
 * Reads fields of `input` by their strategies and notes in `found` which strategy found each
 * (the miss log and the fixture tests read it).
 */
export function fieldReader<In>(input: In, found: Record<string, string> = {}) {
  const take = (field: string, strategies: readonly Strategy<In, string>[]) => {
    const hit = firstHit(strategies, input);
    if (hit) found[field] = hit.by;
    return hit?.value;
  };
  return { found, take };
}

export function cleanText(text: string | null | undefined): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? clean.slice(0, 300) : undefined;
}

export const EMAIL = /^[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}$/i;

/** The address of a `mailto:` link (without `?subject=…`), lower-cased, if it is one. */
export function emailOfHref(href: string | null | undefined): string | undefined {
  if (!href?.toLowerCase().startsWith('mailto:')) return undefined;
  const address = decodeURIComponent(href.slice(7).split('?')[0] ?? '')
    .trim()
    .toLowerCase();
  return EMAIL.test(address) ? address : undefined;
}

/** The page title's leading part, without a notification count: "(12) Dana Whitfield | LinkedIn". */
export function titleHead(title: string, suffix: RegExp): string | undefined {
  const parts = title.replace(/^\(\d+\+?\)\s*/, '').split(' | ');
  const last = parts.at(-1) ?? '';
  if (parts.length < 2 || !suffix.test(last.trim())) return undefined;
  return cleanText(parts[0]);
}

/**
 * The `mailto:` link nearest to an element (its own card, at most `levels` ancestors up): the
 * email shown with a record's name, never one further away in a timeline or a sidebar of
 * related people, which may be the rep's own or a colleague's.
 */
export function mailtoNear(element: Element | null | undefined, levels = 2): string | undefined {
  let scope = element?.parentElement;
  for (let level = 0; scope && level < levels; level++, scope = scope.parentElement) {
    const email = emailOfHref(scope.querySelector('a[href^="mailto:"]')?.getAttribute('href'));
    if (email) return email;
  }
  return undefined;
}
