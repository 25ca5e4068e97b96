import type { Detection } from '@/lib/sites/detection';
import type { Strategy } from '@/lib/sites/strategy';
import { type FixtureCase, type Host, hostRow } from './load-fixture';

/** A host's adapter run on a fixture, with the settings the fixture was saved under. */
export function detectFixture(host: Host, fixture: FixtureCase, document: Document): Detection {
  return hostRow(host).detect(fixture.url, document, { ownDomains: fixture.ownDomains });
}

/** The field that says who the lead is: the CRM id, else the LinkedIn slug, else the first email. */
export function keyOf(identity: Record<string, unknown> | null | undefined): unknown {
  if (!identity) return null;
  return identity.crm ?? identity.linkedinSlug ?? (identity.emails as string[] | undefined)?.[0] ?? null;
}

/** Runs `body` with one strategy taken out of its list, and puts it back whatever happens. */
export function without<T>(list: Strategy<never, unknown>[], index: number, body: () => T): T {
  const [removed] = list.splice(index, 1);
  try {
    return body();
  } finally {
    if (removed) list.splice(index, 0, removed);
  }
}
