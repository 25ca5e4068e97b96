import { describe, expect, test } from 'vitest';
import { detectHubSpot, hubspotRecordFromUrl } from '@/lib/sites/hubspot-app/detect';
import { detectSalesforce, salesforceRecordFromUrl } from '@/lib/sites/salesforce-lightning/detect';
import { loadFixture } from './load-fixture';

describe('hubspotRecordFromUrl', () => {
  test.each([
    [
      'https://app.hubspot.com/contacts/4411823/record/0-1/51001',
      { portalId: '4411823', contactId: '51001' },
    ],
    [
      'https://app.hubspot.com/contacts/4411823/record/0-1/51001/view/1',
      { portalId: '4411823', contactId: '51001' },
    ],
    [
      'https://app-eu1.hubspot.com/contacts/26004417/contact/51002',
      { portalId: '26004417', contactId: '51002' },
    ],
    [
      'https://app-eu1.hubspot.com/contacts/26004417/contact/51002/',
      { portalId: '26004417', contactId: '51002' },
    ],
    // A company (0-2) or a deal (0-3) is not a contact.
    ['https://app.hubspot.com/contacts/4411823/record/0-2/88123', undefined],
    ['https://app.hubspot.com/contacts/4411823/objects/0-1/views/all/list', undefined],
    ['https://app.hubspot.com/contacts/4411823/record/0-1/51001abc', undefined],
    ['https://evil.example/contacts/4411823/record/0-1/51001', undefined],
  ])('%s', (url, record) => expect(hubspotRecordFromUrl(url)).toEqual(record));
});

describe('salesforceRecordFromUrl', () => {
  test.each([
    [
      'https://baton-demo.lightning.force.com/lightning/r/Lead/00Q8d00000MbLlIEAV/view',
      { object: 'Lead', id: '00Q8d00000MbLlIEAV' },
    ],
    [
      'https://baton-demo.lightning.force.com/lightning/r/Contact/0038d00000PrRmNAAV/related/Cases/view',
      { object: 'Contact', id: '0038d00000PrRmNAAV' },
    ],
    [
      'https://na1.lightning.force.com/lightning/r/Lead/00Q8d00000MbLlI/view',
      { object: 'Lead', id: '00Q8d00000MbLlI' },
    ],
    [
      'https://baton-demo.lightning.force.com/lightning/r/0038d00000PrRmNAAV/view',
      { object: 'Contact', id: '0038d00000PrRmNAAV' },
    ],
    // An Account (001…) or an Opportunity is not a lead.
    ['https://baton-demo.lightning.force.com/lightning/r/0018d00000LkSpUAAV/view', undefined],
    ['https://baton-demo.lightning.force.com/lightning/r/Opportunity/0068d00000AbCdEAAV/view', undefined],
    ['https://baton-demo.lightning.force.com/lightning/o/Lead/list', undefined],
    ['https://baton-demo.my.salesforce.com/lightning/r/Lead/00Q8d00000MbLlIEAV/view', undefined],
  ])('%s', (url, record) => expect(salesforceRecordFromUrl(url)).toEqual(record));
});

describe('CRM pages', () => {
  test('a HubSpot list page is no lead and no miss', () => {
    const url = 'https://app.hubspot.com/contacts/4411823/objects/0-1/views/all/list';
    const document = loadFixture('hubspot', '2026-11-24-contact-record.html', url);
    expect(detectHubSpot(url, document)).toMatchObject({ identity: null, expected: false });
  });

  test('a HubSpot record still identifies by its id when the page shows nothing yet', () => {
    const url = 'https://app.hubspot.com/contacts/4411823/record/0-1/51001';
    const document = loadFixture('hubspot', '2026-11-24-contact-record.html', url);
    document.body.replaceChildren();
    document.title = 'HubSpot';
    expect(detectHubSpot(url, document).identity).toEqual({
      emails: [],
      crm: { system: 'hubspot', id: '51001' },
      source: 'hubspot:crm=url',
    });
  });

  test('the HubSpot email is the contact’s, never the rep’s in the timeline or a colleague’s in the sidebar', () => {
    const url = 'https://app.hubspot.com/contacts/4411823/record/0-1/51001';
    const document = loadFixture('hubspot', '2026-11-24-contact-record.html', url);
    document.querySelector('[data-selenium-test="property-input-email"]')?.remove();
    let detection = detectHubSpot(url, document);
    expect(detection.identity?.emails).toEqual(['dana.whitfield@northwindhealth.example']);
    // Markers gone too: the mailto link in the name's own card.
    for (const element of document.querySelectorAll('[data-selenium-test]')) {
      element.removeAttribute('data-selenium-test');
    }
    detection = detectHubSpot(url, document);
    expect(detection.found.email).toBe('mailto-near-name');
    expect(detection.identity?.emails).toEqual(['dana.whitfield@northwindhealth.example']);
    // And with no email in that card, none at all rather than someone else's.
    document.querySelector('a[href="mailto:dana.whitfield@northwindhealth.example"]')?.remove();
    detection = detectHubSpot(url, document);
    expect(detection.identity?.emails).toEqual([]);
    expect(detection.identity?.crm).toEqual({ system: 'hubspot', id: '51001' });
  });

  test('Salesforce reads the active tab, never an earlier record Lightning keeps hidden', () => {
    const url = 'https://baton-demo.lightning.force.com/lightning/r/Lead/00Q8d00000MbLlIEAV/view';
    const document = loadFixture('salesforce', '2026-11-24-lead-record.html', url);
    const hidden = document.querySelector('.oneContent:not(.active)');
    expect(hidden?.textContent).toContain('Priya Raman');
    const detection = detectSalesforce(url, document);
    expect(detection.identity).toMatchObject({
      name: 'Marco Bellini',
      emails: ['m.bellini@fioreretail.example'],
    });
    expect(detection.object).toBe('Lead');
  });
});
