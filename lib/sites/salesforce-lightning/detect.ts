import { type Detection, nothing, toDetection } from '../detection';
import { cleanText, emailOfHref, fieldReader, type Strategy, titleHead } from '../strategy';
import { salesforceSelectors as S } from './selectors';

export type SalesforceRecord = { object: 'Lead' | 'Contact'; id: string };

const ID = '[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?';
/** Key prefixes of Salesforce ids: 00Q is a Lead, 003 a Contact. */
const PREFIX: Record<string, SalesforceRecord['object']> = { '00Q': 'Lead', '003': 'Contact' };

/**
 * `https://<org>.lightning.force.com/lightning/r/Lead/<id>/view` (also `Contact`, any action
 * after the id) or the short `/lightning/r/<id>/view`, told apart by the id's prefix.
 */
export function salesforceRecordFromUrl(url: string): SalesforceRecord | undefined {
  const { hostname, pathname } = new URL(url);
  if (!hostname.endsWith('.lightning.force.com')) return undefined;
  const long = new RegExp(`^/lightning/r/(Lead|Contact)/(${ID})(?:/|$)`).exec(pathname);
  if (long) return { object: long[1] as SalesforceRecord['object'], id: long[2] as string };
  const short = new RegExp(`^/lightning/r/(${ID})(?:/|$)`).exec(pathname)?.[1];
  const object = short ? PREFIX[short.slice(0, 3)] : undefined;
  return short && object ? { object, id: short } : undefined;
}

function scope(doc: Document): ParentNode {
  return S.activeTab.map((selector) => doc.querySelector(selector)).find(Boolean) ?? doc;
}

const texts = (selectors: readonly string[]): Strategy<Document, string>[] =>
  selectors.map((selector) => ({
    name: selector,
    read: (doc) => cleanText(scope(doc).querySelector(selector)?.textContent),
  }));

export const nameStrategies: Strategy<Document, string>[] = [
  ...texts(S.name),
  // "Marco Bellini | Lead | Salesforce"
  { name: 'title', read: (doc) => titleHead(doc.title, /^Salesforce$/) },
];

export const emailStrategies: Strategy<Document, string>[] = [
  ...S.email.map((selector) => ({
    name: selector,
    read: (doc: Document) => emailOfHref(scope(doc).querySelector(selector)?.getAttribute('href')),
  })),
  // The layout item labelled Email, whatever renders its value.
  {
    name: 'field-label=Email',
    read: (doc) =>
      emailOfHref(scope(doc).querySelector('[field-label="Email"] a[href^="mailto:"]')?.getAttribute('href')),
  },
];

/** A value of the highlights panel, found by its label: `<p title="Company">` then the value. */
const highlight = (...labels: string[]): Strategy<Document, string> => ({
  name: `highlights:${labels.join('|')}`,
  read: (doc) => {
    for (const item of scope(doc).querySelectorAll(S.highlightDetail)) {
      const label = item.querySelector('[title]')?.getAttribute('title') ?? '';
      if (labels.includes(label)) return cleanText(item.querySelector('[title] + *')?.textContent);
    }
    return undefined;
  },
});

export const titleStrategies = [...texts(S.title), highlight('Title')];
export const companyStrategies = [...texts(S.company), highlight('Company', 'Account Name')];

/** Reads the Lead or Contact of a Lightning record page: the id from the URL, the rest from the page. */
export function detectSalesforce(
  url: string,
  doc: Document,
): Detection & { object?: SalesforceRecord['object'] } {
  const record = salesforceRecordFromUrl(url);
  if (!record) return nothing(false);
  const { found, take } = fieldReader(doc, { crm: 'url' });
  const email = take('email', emailStrategies);
  const detection = toDetection(
    'salesforce',
    {
      crm: { system: 'salesforce', id: record.id },
      emails: email ? [email] : [],
      name: take('name', nameStrategies),
      title: take('title', titleStrategies),
      company: take('company', companyStrategies),
    },
    found,
  );
  return { ...detection, object: record.object };
}
