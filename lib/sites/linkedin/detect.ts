import { readSlug, SLUG_PATTERN } from '../../model/linkedin-slug';
import { type Detection, nothing, toDetection } from '../detection';
import { cleanText, firstHit, type Strategy, titleHead } from '../strategy';
import { linkedinSelectors as S } from './selectors';

export type LinkedInPage = { kind: 'profile'; slug: string } | { kind: 'sales-lead'; leadId: string };

export type LinkedInDetection = Detection & { page?: LinkedInPage['kind']; headline?: string };

/** `/in/<slug>/…` (any sub-page of a profile) or Sales Navigator's `/sales/lead/<id>,<type>,<token>`. */
export function linkedinPageFromUrl(url: string): LinkedInPage | undefined {
  const { pathname } = new URL(url);
  const profile = /^\/in\/([^/]+)/.exec(pathname)?.[1];
  if (profile && readSlug(profile)) return { kind: 'profile', slug: profile.toLowerCase() };
  const lead = /^\/sales\/(?:lead|people)\/([^/,]+)/.exec(pathname)?.[1];
  if (lead && SLUG_PATTERN.test(lead)) return { kind: 'sales-lead', leadId: lead };
  return undefined;
}

/** The slug of a profile link (`https://www.linkedin.com/in/dana-whitfield-nw/`), if it is one. */
export function slugOfHref(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const page = linkedinPageFromUrl(new URL(href, 'https://www.linkedin.com/').href);
    return page?.kind === 'profile' ? page.slug : undefined;
  } catch {
    return undefined;
  }
}

type Input = { doc: Document; page: LinkedInPage };

const PRONOUNS = /^\(.*\)$/;
const BADGE = /^(?:·|•)|^(?:1st|2nd|3rd\+?)$|degree connection$/i;

function mainOf(doc: Document): ParentNode {
  for (const selector of S.main) {
    const main = doc.querySelector(selector);
    if (main) return main;
  }
  return doc;
}

function nameHeading(doc: Document): Element | null {
  for (const selector of S.name) {
    const h1 = doc.querySelector(selector);
    if (h1?.textContent?.trim()) return h1;
  }
  return null;
}

/**
 * The first line of text after the name heading in its card, skipping pronouns and connection
 * degree: the headline, read from the layout rather than from any class.
 */
function textAfter(heading: Element): string | undefined {
  const card = heading.closest('section') ?? heading.parentElement?.parentElement?.parentElement ?? heading;
  const walker = heading.ownerDocument.createTreeWalker(card, 4 /* NodeFilter.SHOW_TEXT */);
  walker.currentNode = heading;
  for (let node = walker.nextNode(), steps = 0; node && steps < 60; node = walker.nextNode(), steps++) {
    if (heading.contains(node)) continue;
    const parent = node.parentElement;
    if (!parent || parent.closest('[aria-hidden="true"], button, script, style')) continue;
    const text = cleanText(node.textContent);
    if (!text || text.length < 3 || PRONOUNS.test(text) || BADGE.test(text)) continue;
    return text;
  }
  return undefined;
}

const salesText = (selectors: readonly string[]) =>
  selectors.map((selector) => ({
    name: selector,
    read: ({ doc, page }: Input) =>
      page.kind === 'sales-lead' ? cleanText(doc.querySelector(selector)?.textContent) : undefined,
  }));

export const slugStrategies: Strategy<Input, string>[] = [
  { name: 'url', read: ({ page }) => (page.kind === 'profile' ? page.slug : undefined) },
  // The name heading links to the profile's own "about this profile" overlay.
  {
    name: 'heading-link',
    read: ({ doc }) => slugOfHref(nameHeading(doc)?.closest('a[href]')?.getAttribute('href')),
  },
  ...S.profileLink.map((selector) => ({
    name: selector,
    read: ({ doc, page }: Input) =>
      page.kind === 'sales-lead'
        ? [...mainOf(doc).querySelectorAll(selector)]
            .map((a) => slugOfHref(a.getAttribute('href')))
            .find(Boolean)
        : undefined,
  })),
  // No public profile link: Sales Navigator's own id, which linkedin.com/in/<id> also opens.
  { name: 'sales-id', read: ({ page }) => (page.kind === 'sales-lead' ? page.leadId : undefined) },
];

export const nameStrategies: Strategy<Input, string>[] = [
  ...salesText(S.salesName),
  ...S.name.map((selector) => ({
    name: selector,
    read: ({ doc }: Input) => cleanText(doc.querySelector(selector)?.textContent),
  })),
  { name: 'title', read: ({ doc }) => titleHead(doc.title, /^(LinkedIn|Sales Navigator)$/) },
];

export const headlineStrategies: Strategy<Input, string>[] = [
  ...salesText(S.salesHeadline),
  ...S.headline.map((selector) => ({
    name: selector,
    read: ({ doc }: Input) => cleanText(mainOf(doc).querySelector(selector)?.textContent),
  })),
  {
    name: 'after-h1',
    read: ({ doc }) => {
      const heading = nameHeading(doc);
      return heading ? textAfter(heading) : undefined;
    },
  },
];

const AT = /\s+(?:at|@)\s+/i;

export const companyStrategies: Strategy<Input & { headline?: string }, string>[] = [
  ...salesText(S.salesCompany),
  ...S.currentCompany.map((selector) => ({
    name: selector,
    read: ({ doc }: Input) => {
      const label = mainOf(doc).querySelector(selector)?.getAttribute('aria-label') ?? '';
      return cleanText(/Current company:\s*(.+?)(?:\.\s+Click\b.*)?$/i.exec(label)?.[1]);
    },
  })),
  // "VP of Operations at Northwind Health | Healthcare operations" → "Northwind Health".
  { name: 'headline-at', read: ({ headline }) => cleanText(headline?.split(' | ')[0]?.split(AT)[1]) },
];

/**
 * Reads the person on a LinkedIn profile or Sales Navigator lead page: slug from the URL (or the
 * lead page's profile link), name from the main heading (or the page title, without its
 * notification count), headline and current company from the top card's text and aria-labels.
 */
export function detectLinkedIn(url: string, doc: Document): LinkedInDetection {
  const page = linkedinPageFromUrl(url);
  if (!page) return nothing(false);
  const input = { doc, page };
  const found: Record<string, string> = {};
  const take = <T>(field: string, hit: { value: T; by: string } | undefined) => {
    if (hit) found[field] = hit.by;
    return hit?.value;
  };
  const linkedinSlug = take('slug', firstHit(slugStrategies, input));
  const name = take('name', firstHit(nameStrategies, input));
  const headline = take('headline', firstHit(headlineStrategies, input));
  const company = take('company', firstHit(companyStrategies, { ...input, headline }));
  // The headline's role part is the closest thing to a job title the page shows.
  const title = cleanText(headline?.split(' | ')[0]?.split(AT)[0]);
  const detection = toDetection('linkedin', { linkedinSlug, name, company, title }, found);
  return { ...detection, page: page.kind, headline };
}
