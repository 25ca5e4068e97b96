import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import type { SiteHost } from '@/lib/sites/host-row';
import { HOST_PERMISSIONS, HOSTS } from '@/lib/sites/hosts';
import config from '@/wxt.config';
import { ROUTES, SITE_PAGES } from '../../e2e/host-pages';

/**
 * A test of the house itself: every host of the registry brings what a host needs (dated saved
 * pages, each paired with what it must yield in `expected.json`, dated selectors, a page the
 * end-to-end sites test opens), and the manifest's host permissions and content scripts come
 * from the registry alone.
 */

const DATED_PAGE = /^(\d{4}-\d{2}-\d{2})-[a-z0-9-]+\.html$/;
/** The date in a saved page's name, wherever it is (the oldest Gmail page is `gmail-2026-11-20.html`). */
const DATE_IN_NAME = /\d{4}-\d{2}-\d{2}/;

/** Whether a manifest match pattern (`https://*.example.com/*`) covers a URL. */
function covers(pattern: string, url: string): boolean {
  const match = /^(https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!match) return false;
  const [, scheme, host = '', path = ''] = match;
  const literal = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  const hostPart =
    host === '*' ? '[^/]+' : host.startsWith('*.') ? `(?:[^/]+\\.)?${literal(host.slice(2))}` : literal(host);
  const pathPart = path.split('*').map(literal).join('.*');
  return new RegExp(`^${scheme}://${hostPart}${pathPart}$`).test(url);
}

/** What a host's row lacks; empty when it has everything a host needs. */
function problemsOf(host: SiteHost): string[] {
  const problems: string[] = [];
  const folder = resolve(host.fixtures);
  if (!existsSync(folder)) return [`${host.name}: no fixture folder ${host.fixtures}`];
  const pages = readdirSync(folder).filter((file) => file.endsWith('.html'));
  const dated = pages.filter((file) => DATED_PAGE.test(file));
  if (dated.length === 0) problems.push(`${host.name}: no saved page named YYYY-MM-DD-*.html`);
  for (const page of pages) {
    if (!DATE_IN_NAME.test(page)) problems.push(`${host.name}: ${page} carries no date in its name`);
  }
  const expectedPath = join(folder, 'expected.json');
  if (!existsSync(expectedPath)) {
    problems.push(`${host.name}: no expected.json`);
  } else {
    const cases = JSON.parse(readFileSync(expectedPath, 'utf8')) as Array<{ file?: unknown; url?: unknown }>;
    if (!Array.isArray(cases) || cases.length === 0)
      problems.push(`${host.name}: expected.json pairs nothing`);
    const paired = new Set((Array.isArray(cases) ? cases : []).map((c) => c.file));
    for (const page of pages) {
      if (!paired.has(page)) problems.push(`${host.name}: ${page} is not paired in expected.json`);
    }
    for (const file of paired) {
      if (typeof file !== 'string' || !pages.includes(file))
        problems.push(`${host.name}: expected.json names ${String(file)}, which is not there`);
    }
  }
  if (!/^\d{4}-\d{2}$/.test(host.selectors.seen)) {
    problems.push(`${host.name}: selectors dated "${host.selectors.seen}", not YYYY-MM`);
  } else if (!dated.some((file) => file.slice(0, 7) >= host.selectors.seen)) {
    problems.push(
      `${host.name}: no saved page from ${host.selectors.seen} or later, when its selectors were seen`,
    );
  }
  if (Object.keys(host.selectors.lists).length === 0) problems.push(`${host.name}: no selectors`);
  if (host.matches.length === 0) problems.push(`${host.name}: no match patterns`);
  const ownPage = (url: string) => host.matches.some((pattern) => covers(pattern, url));
  if (!SITE_PAGES.some((page) => ownPage(page.url)))
    problems.push(`${host.name}: no page in the end-to-end sites test (test/e2e/host-pages.ts)`);
  if (!ROUTES.some((route) => route.fixture.startsWith(`${host.name}/`)))
    problems.push(`${host.name}: no saved page served end to end (ROUTES)`);
  return problems;
}

describe('every host in the registry', () => {
  test.each(HOSTS.map((host) => ({ name: host.name, host })))(
    '$name: dated saved pages, each in expected.json, dated selectors and an end-to-end page',
    ({ host }) => {
      expect(problemsOf(host)).toEqual([]);
    },
  );

  test('names are unique and every match pattern is one a manifest accepts', () => {
    const names = HOSTS.map((host) => host.name);
    expect(new Set(names).size).toBe(names.length);
    for (const pattern of HOST_PERMISSIONS) expect(pattern).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  });

  test('a row with nothing behind it is caught', () => {
    const [first] = HOSTS;
    const bare: SiteHost = {
      ...first,
      name: 'nowhere',
      matches: ['https://nowhere.example/*'],
      fixtures: 'test/fixtures/nowhere',
    };
    expect(problemsOf(bare)).toEqual(['nowhere: no fixture folder test/fixtures/nowhere']);
    const noEndToEnd: SiteHost = { ...first, name: 'elsewhere', matches: ['https://elsewhere.example/*'] };
    expect(problemsOf(noEndToEnd)).toEqual([
      'elsewhere: no page in the end-to-end sites test (test/e2e/host-pages.ts)',
      'elsewhere: no saved page served end to end (ROUTES)',
    ]);
    const undated: SiteHost = { ...first, selectors: { ...first.selectors, seen: '2099-01' } };
    expect(problemsOf(undated)).toEqual([
      `${first.name}: no saved page from 2099-01 or later, when its selectors were seen`,
    ]);
  });

  test('a match pattern covers what it says, and no more', () => {
    expect(
      covers('https://*.lightning.force.com/*', 'https://baton-demo.lightning.force.com/lightning/r/x'),
    ).toBe(true);
    expect(covers('https://*.lightning.force.com/*', 'https://lightning.force.com/')).toBe(true);
    expect(covers('https://*.lightning.force.com/*', 'https://evil.example/lightning.force.com/')).toBe(
      false,
    );
    expect(covers('https://mail.google.com/*', 'https://mail.google.com.evil.example/')).toBe(false);
  });
});

describe('the manifest takes its hosts from the registry', () => {
  const manifestFor = async (browser: 'chrome' | 'firefox'): Promise<UserManifest> => {
    const env: ConfigEnv = {
      browser,
      manifestVersion: browser === 'firefox' ? 2 : 3,
      mode: 'production',
      command: 'build',
    };
    const manifest = config.manifest;
    return typeof manifest === 'function' ? await manifest(env) : ((await manifest) ?? {});
  };

  test.each(['chrome', 'firefox'] as const)(
    '%s: host permissions are the registry hosts’ matches',
    async (browser) => {
      const manifest = await manifestFor(browser);
      expect(manifest.host_permissions).toEqual(HOSTS.flatMap((host) => host.matches));
      // Nothing broader: the only other hosts are the CRM API's, asked for when it is connected.
      expect(manifest.permissions?.some((p) => p.includes('://') || p === '<all_urls>')).toBe(false);
    },
  );

  test.each(['chrome', 'firefox'] as const)(
    '%s: the CRMs’ hosts are optional, in the form each browser reads; identity for Salesforce’s sign-in',
    async (browser) => {
      const manifest = (await manifestFor(browser)) as UserManifest & Record<string, unknown>;
      const crmHosts = [
        'https://api.hubapi.com/*',
        'https://login.salesforce.com/*',
        'https://test.salesforce.com/*',
        'https://*.my.salesforce.com/*',
      ];
      if (browser === 'firefox') {
        expect(manifest.optional_permissions).toEqual(crmHosts);
        expect(manifest.optional_host_permissions).toBeUndefined();
      } else {
        expect(manifest.optional_host_permissions).toEqual(crmHosts);
        expect(manifest.optional_permissions).toBeUndefined();
      }
      expect(manifest.permissions).toContain('identity');
    },
  );

  test('one content script per host, named after it, matching its row’s patterns', async () => {
    const files = readdirSync(resolve('entrypoints')).filter((file) => file.endsWith('.content.ts'));
    expect(files.map((file) => file.replace(/\.content\.ts$/, '')).sort()).toEqual(
      HOSTS.map((host) => host.name).sort(),
    );
    for (const host of HOSTS) {
      const entrypoint = (await import(resolve('entrypoints', `${host.name}.content.ts`))) as {
        default: { matches?: string[] };
      };
      expect(entrypoint.default.matches, host.name).toEqual([...host.matches]);
    }
  });
});
