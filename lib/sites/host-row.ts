import type { Detection } from './detection';
import type { Strategy } from './strategy';

/** What a content script knows when it reads a page: the user's own mail domains (Gmail's). */
export type SiteSettings = { ownDomains?: string[] };

/**
 * Selector lists in the order tried, and when they were last checked against the real page
 * (YYYY-MM): markup drifts, so a stale date says which host to look at first.
 */
export type DatedSelectors = {
  readonly seen: string;
  readonly lists: Readonly<Record<string, string | readonly string[]>>;
};

/**
 * One host's row in the registry (`hosts.ts`), kept in the host's own folder so a content script
 * bundles its own adapter only. Pure data and pure functions: WXT evaluates the entrypoints'
 * options, and `wxt.config.ts` reads the registry, in Node at build time, where there is no
 * `browser`, `document` or `location`.
 */
export type SiteHost<Name extends string = string> = {
  readonly name: Name;
  /** Match patterns: the content script's `matches`, and the manifest's host permissions. */
  readonly matches: readonly string[];
  readonly detect: (url: string, doc: Document, settings?: SiteSettings) => Detection;
  readonly selectors: DatedSelectors;
  /**
   * Each list of strategies, and the key of `Detection.found` under which the detection records
   * which of them worked (none: the list only narrows where another list looks). The churn
   * tests take each strategy away in turn.
   */
  readonly strategies: Readonly<Record<string, { list: Strategy<never, unknown>[]; found?: string }>>;
  /** Where its saved pages and their `expected.json` are, from the project root (tests only). */
  readonly fixtures: string;
};

/** Declares a host's row, keeping its name as a literal type. */
export function defineHost<const Name extends string>(host: SiteHost<Name>): SiteHost<Name> {
  return host;
}
