import { describe, expect, test } from 'vitest';
import {
  checkMapping,
  columnLetter,
  normaliseHeader,
  proposeMapping,
  rememberMapping,
} from '@/lib/data/import/fields';

const HUBSPOT = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Job Title',
  'Company Name',
  'Phone Number',
  'Lifecycle Stage',
  'Lead Status',
  'Industry',
  'Number of Employees',
  'Became a Marketing Qualified Lead Date',
  'Contact owner',
  'Create Date',
];
const SALESFORCE = [
  'Lead ID',
  'First Name',
  'Last Name',
  'Email',
  'Title',
  'Company',
  'Phone',
  'Lead Status',
  'Industry',
  'No. of Employees',
  'Lead Source',
  'Lead Owner',
];

describe('proposed mapping', () => {
  test("HubSpot's contact export headers", () => {
    expect(proposeMapping('leads', HUBSPOT)).toEqual([
      'hubspotId',
      'firstName',
      'lastName',
      'emails',
      'title',
      'company',
      'phone',
      'lifecycleStage',
      'leadStatus',
      'industry',
      'companySize',
      'mqlAt',
      'owner',
      null,
    ]);
  });

  test("Salesforce's lead report headers", () => {
    expect(proposeMapping('leads', SALESFORCE)).toEqual([
      'salesforceId',
      'firstName',
      'lastName',
      'emails',
      'title',
      'company',
      'phone',
      'leadStatus',
      'industry',
      'companySize',
      null,
      'owner',
    ]);
  });

  test('headers compare without case, punctuation or a BOM; a second email column is still an email', () => {
    expect(normaliseHeader('\uFEFFNo. of  Employees')).toBe('no of employees');
    expect(normaliseHeader('E-mail')).toBe('e mail');
    expect(proposeMapping('leads', ['EMAIL', 'Email (2)', 'Job title', 'Title'])).toEqual([
      'emails',
      'emails',
      'title',
      null,
    ]);
  });

  test('touches and assets have their own vocabulary', () => {
    expect(proposeMapping('touches', ['Email', 'Date', 'Type', 'Title', 'URL', 'Asset ID'])).toEqual([
      'leadEmail',
      'at',
      'kind',
      'title',
      'url',
      'assetId',
    ]);
    expect(
      proposeMapping('assets', [
        'ID',
        'Title',
        'URL',
        'Type',
        'Industries',
        'Tags',
        'Persona',
        'Description',
      ]),
    ).toEqual(['id', 'title', 'url', 'kind', 'industries', 'needs', 'personas', 'summary']);
  });

  test('a remembered choice wins over the guess, including "ignore", in any column order', () => {
    const remembered = rememberMapping({}, ['Email', 'Score', 'Job Title'], ['emails', null, 'need']);
    expect(proposeMapping('leads', ['Job Title', 'Email', 'Score'], remembered)).toEqual([
      'need',
      'emails',
      null,
    ]);
    // A remembered target of another kind is not applied.
    expect(proposeMapping('assets', ['Job Title'], remembered)).toEqual([null]);
  });
});

describe('mapping problems', () => {
  test('one column per field, except list fields', () => {
    expect(
      checkMapping(
        'leads',
        ['Title', 'Job Title', 'Email', 'Email 2'],
        ['title', 'title', 'emails', 'emails'],
      ),
    ).toEqual(['Job title is chosen for 2 columns (Title, Job Title); choose one.']);
  });

  test('each kind names what it cannot do without', () => {
    expect(checkMapping('leads', ['Industry'], ['industry'])).toEqual([
      expect.stringMatching(/email or name/),
    ]);
    expect(checkMapping('touches', ['Title'], ['title'])).toHaveLength(3);
    expect(checkMapping('assets', ['Title', 'URL', 'Type'], ['title', 'url', 'kind'])).toEqual([]);
    expect(checkMapping('leads', ['X'], ['nonsense'])[0]).toMatch(/unknown field/);
  });

  test('column letters as a spreadsheet writes them', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
