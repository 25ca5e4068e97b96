import { describe, expect, it } from 'vitest';
import {
  defaultQualificationFields,
  QualificationField,
  QualificationFields,
  qualify,
} from '../../../lib/core/qualification';

describe('default qualification fields', () => {
  it('uses Lead field names as keys (the <key> of missing-field-<key>)', () => {
    expect(defaultQualificationFields.map((f) => `missing-field-${f.key}`)).toEqual([
      'missing-field-need',
      'missing-field-budget',
      'missing-field-timeframe',
      'missing-field-title',
      'missing-field-phone',
      'missing-field-territory',
      'missing-field-industry',
      'missing-field-companySize',
      'missing-field-productInterest',
    ]);
  });

  it('makes need, budget and timeframe block SQL, and nothing else', () => {
    expect(defaultQualificationFields.filter((f) => f.blocksSql).map((f) => f.key)).toEqual([
      'need',
      'budget',
      'timeframe',
    ]);
    expect(defaultQualificationFields.find((f) => f.key === 'budget')).toMatchObject({
      owner: 'sales',
      input: 'amount',
    });
    expect(defaultQualificationFields.find((f) => f.key === 'companySize')).toMatchObject({
      owner: 'marketing',
      input: 'number',
    });
  });
});

describe('qualify', () => {
  it('lists everything for an empty lead, blockers first', () => {
    const r = qualify(defaultQualificationFields, {});
    expect(r.missing.map((f) => f.key)).toEqual(defaultQualificationFields.map((f) => f.key));
    expect(r.completeness).toBe(0);
    expect(r.canAcceptAsSql).toBe(false);
    expect(r.blockers).toEqual(['Need', 'Budget', 'Timeframe']);
  });

  it('treats blank strings as missing and zero as present', () => {
    const r = qualify(defaultQualificationFields, {
      need: 'Consolidate three CRMs',
      budget: '   ',
      timeframe: 'This quarter',
      title: 'VP Sales',
      phone: '+1 555 0100',
      territory: 'EMEA',
      industry: 'Healthcare',
      companySize: 0,
      productInterest: '',
    });
    expect(r.missing.map((f) => f.key)).toEqual(['budget', 'productInterest']);
    expect(r.completeness).toBeCloseTo(7 / 9, 10);
    expect(r.canAcceptAsSql).toBe(false);
    expect(r.blockers).toEqual(['Budget']);
  });

  it('accepts as SQL once the blocking fields are filled', () => {
    const r = qualify(defaultQualificationFields, { need: 'n', budget: '50k', timeframe: 'Q3' });
    expect(r.canAcceptAsSql).toBe(true);
    expect(r.blockers).toEqual([]);
    expect(r.missing[0]?.key).toBe('title');
    expect(r.completeness).toBeCloseTo(3 / 9, 10);
  });

  it('puts blocking fields first in configuration order, wherever they are listed', () => {
    const fields = QualificationFields.parse([
      { key: 'phone', label: 'Phone', owner: 'marketing' },
      { key: 'timeframe', label: 'When', owner: 'sales', blocksSql: true },
      { key: 'title', label: 'Title', owner: 'marketing' },
      { key: 'budget', label: 'Money', owner: 'sales', blocksSql: true },
    ]);
    const r = qualify(fields, {});
    expect(r.missing.map((f) => f.key)).toEqual(['timeframe', 'budget', 'phone', 'title']);
    expect(r.blockers).toEqual(['When', 'Money']);
  });

  it('is complete with no fields configured', () => {
    expect(qualify([], {})).toEqual({ missing: [], completeness: 1, canAcceptAsSql: true, blockers: [] });
  });
});

describe('QualificationField schema', () => {
  it('rejects unknown keys, picklists without options and duplicates', () => {
    expect(
      QualificationField.safeParse({ key: 'shoeSize', label: 'Shoe size', owner: 'sales' }).success,
    ).toBe(false);
    expect(
      QualificationField.safeParse({ key: 'timeframe', label: 'When', owner: 'sales', input: 'picklist' })
        .success,
    ).toBe(false);
    expect(
      QualificationFields.safeParse([
        { key: 'need', label: 'Need', owner: 'sales' },
        { key: 'need', label: 'Need again', owner: 'sales' },
      ]).success,
    ).toBe(false);
  });

  it('defaults blocksSql to false and input to text', () => {
    expect(QualificationField.parse({ key: 'phone', label: 'Phone', owner: 'marketing' })).toEqual({
      key: 'phone',
      label: 'Phone',
      owner: 'marketing',
      blocksSql: false,
      input: 'text',
    });
  });
});
