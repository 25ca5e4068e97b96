import type { Detection } from '@/lib/sites/detection';
import * as gmail from '@/lib/sites/gmail/detect';
import * as hubspot from '@/lib/sites/hubspot/detect';
import * as linkedin from '@/lib/sites/linkedin/detect';
import * as salesforce from '@/lib/sites/salesforce/detect';
import type { Strategy } from '@/lib/sites/strategy';
import type { FixtureCase, Host } from './load-fixture';

// biome-ignore lint/suspicious/noExplicitAny: a registry of strategy lists of every input type
type AnyStrategies = Strategy<any, unknown>[];

/**
 * Each host's adapter as the tests drive it, with its strategy lists and the `found` key under
 * which the detection records which strategy of that list worked.
 */
export const ADAPTERS: Record<
  Host,
  {
    detect: (fixture: FixtureCase, document: Document) => Detection;
    lists: Record<string, { strategies: AnyStrategies; found?: string }>;
  }
> = {
  gmail: {
    detect: (fixture, document) =>
      gmail.detectGmail(fixture.url, document, { ownDomains: fixture.ownDomains }),
    lists: {
      user: { strategies: gmail.userStrategies, found: 'user' },
      thread: { strategies: gmail.threadStrategies, found: 'thread' },
      participants: { strategies: gmail.participantStrategies, found: 'participants' },
      composeRoot: { strategies: gmail.composeRootStrategies },
      compose: { strategies: gmail.composeStrategies, found: 'compose' },
      recipients: { strategies: gmail.recipientStrategies, found: 'recipients' },
      row: { strategies: gmail.rowStrategies, found: 'row' },
      rowSender: { strategies: gmail.rowSenderStrategies, found: 'sender' },
    },
  },
  linkedin: {
    detect: (fixture, document) => linkedin.detectLinkedIn(fixture.url, document),
    lists: {
      slug: { strategies: linkedin.slugStrategies, found: 'slug' },
      name: { strategies: linkedin.nameStrategies, found: 'name' },
      headline: { strategies: linkedin.headlineStrategies, found: 'headline' },
      company: { strategies: linkedin.companyStrategies, found: 'company' },
    },
  },
  hubspot: {
    detect: (fixture, document) => hubspot.detectHubSpot(fixture.url, document),
    lists: {
      name: { strategies: hubspot.nameStrategies, found: 'name' },
      email: { strategies: hubspot.emailStrategies, found: 'email' },
      title: { strategies: hubspot.titleStrategies, found: 'title' },
      company: { strategies: hubspot.companyStrategies, found: 'company' },
    },
  },
  salesforce: {
    detect: (fixture, document) => salesforce.detectSalesforce(fixture.url, document),
    lists: {
      name: { strategies: salesforce.nameStrategies, found: 'name' },
      email: { strategies: salesforce.emailStrategies, found: 'email' },
      title: { strategies: salesforce.titleStrategies, found: 'title' },
      company: { strategies: salesforce.companyStrategies, found: 'company' },
    },
  },
};

/** The field that says who the lead is: the CRM id, else the LinkedIn slug, else the first email. */
export function keyOf(identity: Record<string, unknown> | null | undefined): unknown {
  if (!identity) return null;
  return identity.crm ?? identity.linkedinSlug ?? (identity.emails as string[] | undefined)?.[0] ?? null;
}

/** Runs `body` with one strategy taken out of its list, and puts it back whatever happens. */
export function without<T>(list: AnyStrategies, index: number, body: () => T): T {
  const [removed] = list.splice(index, 1);
  try {
    return body();
  } finally {
    if (removed) list.splice(index, 0, removed);
  }
}
