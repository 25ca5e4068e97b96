import { describe, expect, test } from 'vitest';
import { looksLikeFormula } from '@/lib/data/import/cells';
import {
  cleanId,
  idColumnShape,
  isScientific,
  salesforceObject,
  unusableIdReason,
} from '@/lib/data/import/ids';
import { samePerson } from '@/lib/data/import/match';
import { proposeStatusStage, stageOfStatus } from '@/lib/data/import/status-values';

describe('CRM ids', () => {
  test('scientific notation, as Excel writes long numbers, is never an id', () => {
    expect(['1.11015E+11', '1,11015E+11', '2E+10', '1.1e11'].map(isScientific)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(unusableIdReason('hubspot', '1.11015E+11')).toMatch(/scientific notation/);
    expect(unusableIdReason('salesforce', '1.11015E+11')).toMatch(/scientific notation/);
    expect(unusableIdReason('hubspot', '111015000123')).toBeUndefined();
    expect(unusableIdReason('hubspot', '12345.0')).toBeUndefined();
    expect(cleanId('hubspot', '12345.0')).toBe('12345');
    expect(unusableIdReason('hubspot', 'abc-1')).toMatch(/whole number/);
    expect(unusableIdReason('salesforce', '00Q8d00000XyZa1')).toBeUndefined();
    expect(unusableIdReason('salesforce', '00Q8d00000XyZa1EAF')).toBeUndefined();
    expect(unusableIdReason('salesforce', '00Q8d00000XyZ')).toMatch(/15 or 18/);
  });

  test('id shapes: Leads 00Q, Contacts 003, users 005, HubSpot numbers (mangled or not)', () => {
    expect(salesforceObject('00Q8d00000XyZa1EAF')).toBe('Lead');
    expect(salesforceObject('0038d00000PqRs1AAB')).toBe('Contact');
    expect(salesforceObject('123456789012345')).toBeUndefined();
    expect(idColumnShape(['00Q8d00000XyZa1EAF', '0038d00000PqRs1AAB', ''])).toBe('salesforce');
    expect(idColumnShape(['0058d000001AbCdAAK', '0058d000001AbCeAAK'])).toBe('salesforce-user');
    expect(idColumnShape(['1.11015E+11', '404040404'])).toBe('hubspot');
    expect(idColumnShape(['lead-1', 'lead-2'])).toBe('unknown');
    expect(idColumnShape([])).toBe('unknown');
  });
});

describe('the same person?', () => {
  test('clearly different names differ; initials, order, middle names and accents do not', () => {
    expect(samePerson('Alice Smith', 'Bob Jones')).toBe(false);
    expect(samePerson('Carla Diaz', 'Dev Patel')).toBe(false);
    expect(samePerson('Alice Smith', 'Alice Smyth')).toBe(false);
    expect(samePerson('Alice Smith', 'Smith, Alice')).toBe(true);
    expect(samePerson('Alice Smith', 'A. Smith')).toBe(true);
    expect(samePerson('Dana Whitfield', 'Dana J. Whitfield')).toBe(true);
    expect(samePerson('Dana', 'Dana Whitfield')).toBe(true);
    expect(samePerson('Inès Ferreira', 'ines ferreira')).toBe(true);
    expect(samePerson('Dr. Mia Ng', 'Mia Ng')).toBe(true);
    // A name Baton made up from the email, or none, says nothing.
    expect(samePerson('a@a.com', 'Bob Jones')).toBe(true);
    expect(samePerson(undefined, 'Bob Jones')).toBe(true);
  });
});

describe('status values', () => {
  test("Salesforce's defaults and common custom statuses", () => {
    expect(
      [
        'Open - Not Contacted',
        'Working - Contacted',
        'Closed - Converted',
        'Closed - Not Converted',
        'New',
        'Working',
        'Nurturing',
        'Qualified',
        'Unqualified',
        'Open – Not Contacted', // an en dash, as some orgs write it
        'Awaiting Budget',
      ].map(proposeStatusStage),
    ).toEqual([
      'mql',
      'mql',
      'sql',
      'disqualified',
      'mql',
      'mql',
      'recycled',
      'sql',
      'disqualified',
      'mql',
      undefined,
    ]);
    expect(stageOfStatus('Nurturing', undefined)).toEqual({ stage: 'recycled', closed: true });
    expect(stageOfStatus('New', undefined)).toEqual({ stage: 'mql', closed: false });
    expect(stageOfStatus('Nurturing', { Nurturing: null })).toBeUndefined();
    expect(stageOfStatus(' Awaiting Budget ', { 'Awaiting Budget': 'mql' })).toEqual({
      stage: 'mql',
      closed: false,
    });
  });
});

describe('formulas', () => {
  test('phones with extensions are phones', () => {
    for (const phone of [
      '+19495989920 ext 1148',
      '+1-555-0100x752',
      '+1 (555) 010-0199 x 12',
      '+44 20 7946 0958 ext. 3',
    ])
      expect(looksLikeFormula(phone)).toBe(false);
    for (const formula of ['+cmd|" /C calc"!A0', '=1+1', '-2+3*cmd', '@SUM(A1)', '+1 x 2 & x'])
      expect(looksLikeFormula(formula)).toBe(true);
  });
});
