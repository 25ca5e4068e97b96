import { describe, expect, test } from 'vitest';
import { HUBSPOT_API_HOSTS } from '@/lib/crm/hubspot/permission';
import { crmPermissions, FIREFOX_CRM_DATA_COLLECTION } from '@/lib/crm/permission';

describe('crmPermissions', () => {
  test('Chrome: the host only (Chrome rejects an unknown data_collection key)', () => {
    expect(crmPermissions('https://api.hubapi.com/*', false)).toEqual({
      origins: ['https://api.hubapi.com/*'],
    });
  });

  test('Firefox: the host and, in the same prompt, what the connection sends out', () => {
    expect(crmPermissions('https://api.hubapi.com/*', true)).toEqual({
      origins: ['https://api.hubapi.com/*'],
      data_collection: ['personallyIdentifyingInfo', 'personalCommunications'],
    });
  });

  test('the lists the manifest declares', () => {
    expect(HUBSPOT_API_HOSTS).toEqual(['https://api.hubapi.com/*']);
    expect(FIREFOX_CRM_DATA_COLLECTION).toEqual(['personallyIdentifyingInfo', 'personalCommunications']);
  });
});
