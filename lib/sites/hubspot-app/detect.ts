import { type Detection, nothing, toDetection } from '../detection';
import {
  cleanText,
  EMAIL,
  emailOfHref,
  fieldReader,
  mailtoNear,
  type Strategy,
  titleHead,
} from '../strategy';
import { hubspotSelectors as S } from './selectors';

export type HubSpotRecord = { portalId: string; contactId: string };

const HOSTS = /^app(?:-eu1)?\.hubspot\.com$/;

/**
 * A contact record: `/contacts/<portal>/record/0-1/<id>` (0-1 is HubSpot's object type for
 * contacts) or the older `/contacts/<portal>/contact/<id>`, on app.hubspot.com or the EU data
 * centre's app-eu1.hubspot.com, with any sub-path (`/view/1`, `/activity`…).
 */
export function hubspotRecordFromUrl(url: string): HubSpotRecord | undefined {
  const { hostname, pathname } = new URL(url);
  if (!HOSTS.test(hostname)) return undefined;
  const match = /^\/contacts\/(\d+)\/(?:record\/0-1|contact)\/(\d+)(?:\/|$)/.exec(pathname);
  return match ? { portalId: match[1] as string, contactId: match[2] as string } : undefined;
}

function scope(doc: Document): ParentNode {
  return S.main.map((selector) => doc.querySelector(selector)).find(Boolean) ?? doc;
}

/** A property field's value: its input's value, a mailto link, or its text after the label. */
function propertyValue(field: Element | null): string | undefined {
  if (!field) return undefined;
  const input = field.querySelector('input, textarea');
  const value = input?.getAttribute('value') ?? (input as HTMLInputElement | null)?.value;
  if (value) return cleanText(value);
  const label = field.querySelector('label')?.textContent ?? '';
  return cleanText(field.textContent?.replace(label, ''));
}

function nameElement(doc: Document): Element | undefined {
  return S.name.map((selector) => scope(doc).querySelector(selector)).find(Boolean) ?? undefined;
}

export const nameStrategies: Strategy<Document, string>[] = [
  ...S.name.map((selector) => ({
    name: selector,
    read: (doc: Document) => cleanText(scope(doc).querySelector(selector)?.textContent),
  })),
  { name: 'title', read: (doc) => titleHead(doc.title, /HubSpot$/) },
];

export const emailStrategies: Strategy<Document, string>[] = [
  ...S.email.map((selector) => ({
    name: selector,
    read: (doc: Document) => {
      const element = scope(doc).querySelector(selector);
      const email = emailOfHref(element?.getAttribute('href')) ?? propertyValue(element)?.toLowerCase();
      return email && EMAIL.test(email) ? email : undefined;
    },
  })),
  // No marker left: the mailto link in the name's own card.
  { name: 'mailto-near-name', read: (doc) => mailtoNear(nameElement(doc)) },
];

const property = (selectors: readonly string[]): Strategy<Document, string>[] =>
  selectors.map((selector) => ({
    name: selector,
    read: (doc) => propertyValue(scope(doc).querySelector(selector)),
  }));

/** One side of the highlight's "<job title> at <company>" line. */
const subtitle = (side: 0 | 1): Strategy<Document, string> => ({
  name: `${S.subtitle}:${side === 0 ? 'role' : 'company'}`,
  read: (doc) => {
    const parts = cleanText(scope(doc).querySelector(S.subtitle)?.querySelector('span')?.textContent)?.split(
      ' at ',
    );
    return parts?.length === 2 ? cleanText(parts[side]) : undefined;
  },
});

export const titleStrategies = [...property(S.jobTitle), subtitle(0)];
export const companyStrategies = [...property(S.company), subtitle(1)];

/** Reads the contact of a HubSpot record page: the record id from the URL, the rest from the page. */
export function detectHubSpot(url: string, doc: Document): Detection {
  const record = hubspotRecordFromUrl(url);
  if (!record) return nothing(false);
  const { found, take } = fieldReader(doc, { crm: 'url' });
  const email = take('email', emailStrategies);
  return toDetection(
    'hubspot',
    {
      crm: { system: 'hubspot', id: record.contactId },
      emails: email ? [email] : [],
      name: take('name', nameStrategies),
      title: take('title', titleStrategies),
      company: take('company', companyStrategies),
    },
    found,
  );
}
