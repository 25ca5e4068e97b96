import { describe, expect, test } from 'vitest';
import { detectLinkedIn, linkedinPageFromUrl, slugOfHref } from '@/lib/sites/linkedin/detect';
import { loadFixture } from './load-fixture';

const PROFILE = 'https://www.linkedin.com/in/dana-whitfield-nw/';
const profile = (url = PROFILE) => loadFixture('linkedin', '2026-11-24-profile.html', url);

describe('linkedinPageFromUrl', () => {
  test.each([
    ['https://www.linkedin.com/in/dana-whitfield-nw/', { kind: 'profile', slug: 'dana-whitfield-nw' }],
    ['https://www.linkedin.com/in/Dana-Whitfield-NW', { kind: 'profile', slug: 'dana-whitfield-nw' }],
    [
      'https://www.linkedin.com/in/dana-whitfield-nw/overlay/contact-info/',
      { kind: 'profile', slug: 'dana-whitfield-nw' },
    ],
    [
      'https://www.linkedin.com/in/jos%C3%A9-garc%C3%ADa/?trk=x',
      { kind: 'profile', slug: 'jos%c3%a9-garc%c3%ada' },
    ],
    [
      'https://www.linkedin.com/sales/lead/ACwAAB4x9kQBm2c7ZqLrT0pVd,NAME_SEARCH,k3Jd',
      { kind: 'sales-lead', leadId: 'ACwAAB4x9kQBm2c7ZqLrT0pVd' },
    ],
    ['https://www.linkedin.com/sales/people/ACwAAB4x9kQ,name', { kind: 'sales-lead', leadId: 'ACwAAB4x9kQ' }],
    ['https://www.linkedin.com/feed/', undefined],
    ['https://www.linkedin.com/company/northwind-health/', undefined],
    ['https://www.linkedin.com/in/', undefined],
  ])('%s', (url, page) => expect(linkedinPageFromUrl(url)).toEqual(page));
});

test('slugOfHref reads absolute and relative profile links only', () => {
  expect(slugOfHref('https://www.linkedin.com/in/marco-bellini-4a2b')).toBe('marco-bellini-4a2b');
  expect(slugOfHref('/in/marco-bellini-4a2b/recent-activity/all/')).toBe('marco-bellini-4a2b');
  expect(slugOfHref('/sales/company/3309021')).toBeUndefined();
  expect(slugOfHref(null)).toBeUndefined();
});

describe('detectLinkedIn', () => {
  test('the feed and other pages are no lead, and no miss', () => {
    expect(detectLinkedIn('https://www.linkedin.com/feed/', profile())).toEqual({
      identity: null,
      found: {},
      expected: false,
    });
  });

  test('the name falls back to the title, without its notification count', () => {
    const url = 'https://www.linkedin.com/in/priya-raman-larkspur/';
    const document = loadFixture('linkedin', '2026-11-24-profile-notifications.html', url);
    for (const h1 of document.querySelectorAll('h1')) h1.remove();
    const detection = detectLinkedIn(url, document);
    expect(detection.identity?.name).toBe('Priya Raman');
    expect(detection.found.name).toBe('title');
  });

  test('the headline after the name skips pronouns and the connection degree', () => {
    const document = profile();
    document
      .querySelector('[data-generated-suggestion-target]')
      ?.removeAttribute('data-generated-suggestion-target');
    const detection = detectLinkedIn(PROFILE, document);
    expect(detection.found.headline).toBe('after-h1');
    expect(detection.headline).toBe('VP of Operations at Northwind Health | Clinical systems rollouts');
  });

  test('no current-company label: the company comes from the headline', () => {
    const document = profile();
    for (const element of document.querySelectorAll('[aria-label^="Current company"]')) element.remove();
    const detection = detectLinkedIn(PROFILE, document);
    expect(detection.found.company).toBe('headline-at');
    expect(detection.identity?.company).toBe('Northwind Health');
  });

  test('the "People also viewed" column never lends its names', () => {
    const document = profile();
    document.querySelector('main')?.remove();
    const detection = detectLinkedIn(PROFILE, document);
    // Only the URL and the title remain: the right person, nothing borrowed from the aside.
    expect(detection.identity).toMatchObject({ linkedinSlug: 'dana-whitfield-nw', name: 'Dana Whitfield' });
    expect(detection.identity?.company).toBeUndefined();
  });

  test('a Sales Navigator lead without a public profile link keeps its Sales Navigator id', () => {
    const url = 'https://www.linkedin.com/sales/lead/ACwAAB4x9kQBm2c7ZqLrT0pVd,NAME_SEARCH,k3Jd';
    const document = loadFixture('linkedin', '2026-11-24-sales-navigator-lead.html', url);
    for (const a of document.querySelectorAll('a[href*="/in/"]')) a.remove();
    const detection = detectLinkedIn(url, document);
    expect(detection.identity).toMatchObject({
      linkedinSlug: 'ACwAAB4x9kQBm2c7ZqLrT0pVd',
      name: 'Marco Bellini',
    });
    expect(detection.found.slug).toBe('sales-id');
  });
});
