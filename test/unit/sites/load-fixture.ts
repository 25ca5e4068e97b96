import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { type HostName, HOSTS as SITE_HOSTS } from '@/lib/sites/hosts';

export type Host = HostName;

/** A fixture paired with what it must yield (test/fixtures/<host>/expected.json). */
export type FixtureCase = {
  file: string;
  url: string;
  identity: Record<string, unknown> | null;
  /** CSS selector of the element that has focus when the page was saved (a compose body…). */
  focus?: string;
  ownDomains?: string[];
  view?: string;
  participants?: string[];
  headline?: string;
  /** A person deliberately not in the sample workspace. */
  unknown?: boolean;
};

/** Every host of the registry, in its order. */
export const HOSTS: Host[] = SITE_HOSTS.map((host) => host.name);

export function hostRow(name: Host): (typeof SITE_HOSTS)[number] {
  const row = SITE_HOSTS.find((host) => host.name === name);
  if (!row) throw new Error(`no host ${name} in lib/sites/hosts.ts`);
  return row;
}

/** The host's fixture folder, as its registry row names it. */
export function fixturesOf(host: Host): string {
  return resolve(hostRow(host).fixtures);
}

export function casesOf(host: Host): FixtureCase[] {
  return JSON.parse(readFileSync(resolve(fixturesOf(host), 'expected.json'), 'utf8')) as FixtureCase[];
}

/**
 * A saved host page as a Document, at its real URL, scripts off. The older Gmail fixture renders
 * a view per hash with an inline script (as the real client does); here the same view is
 * rendered without scripts. `focus` focuses what had focus when the page was saved.
 */
export function loadFixture(host: Host, file: string, url: string, focus?: string): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true } });
  const document = window.document as unknown as Document;
  document.write(readFileSync(resolve(fixturesOf(host), file), 'utf8'));
  if (document.querySelector('template[data-view]')) {
    const id = new URL(url).hash.split('/').pop();
    const view =
      document.querySelector<HTMLTemplateElement>(`template[data-thread="${id}"]`) ??
      document.querySelector<HTMLTemplateElement>('template[data-view="inbox"]');
    const main = document.querySelector('[role="main"]');
    if (!view || !main) throw new Error(`fixture ${file} has no view for ${url}`);
    main.replaceChildren(view.content.cloneNode(true));
    document.title = view.getAttribute('data-title') ?? '';
  }
  if (focus) {
    const element = document.querySelector<HTMLElement>(focus);
    if (!element) throw new Error(`fixture ${file} has no ${focus} to focus`);
    element.focus();
    if (document.activeElement !== element) throw new Error(`could not focus ${focus} in ${file}`);
  }
  return document;
}

export function loadGmailFixture(file: string, url: string): Document {
  return loadFixture('gmail', file, url);
}

/**
 * The churn a host's next release brings: every class token replaced by a random-looking one
 * (the same token maps to the same replacement, as a CSS-module rebuild does). Returns how many
 * class attributes were rewritten, so a test can check the fixture had classes to lose.
 */
export function scrambleClasses(document: Document, seed = 1): number {
  const renamed = new Map<string, string>();
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state.toString(36);
  };
  let count = 0;
  for (const element of document.querySelectorAll('[class]')) {
    const tokens = [...element.classList].map((token) => {
      let replacement = renamed.get(token);
      if (!replacement) {
        replacement = `c${next()}`;
        renamed.set(token, replacement);
      }
      return replacement;
    });
    element.setAttribute('class', tokens.join(' '));
    count++;
  }
  return count;
}

/** The identity without its debugging `source`, for comparing with what a fixture must yield. */
export function withoutSource(identity: Record<string, unknown> | null): Record<string, unknown> | null {
  if (!identity) return null;
  const { source: _source, ...rest } = identity;
  return rest;
}
