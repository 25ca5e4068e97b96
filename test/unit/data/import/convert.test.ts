import { describe, expect, test } from 'vitest';
import {
  looksLikeFormula,
  normaliseLinkedinUrl,
  parseCompanySize,
  parseInstant,
} from '@/lib/data/import/cells';
import { convertTouchRow } from '@/lib/data/import/convert-activity';
import { convertAssetRow } from '@/lib/data/import/convert-asset';
import { convertLeadRow } from '@/lib/data/import/convert-lead';
import { parseStage, parseTouchKind, stageFromStatus } from '@/lib/data/import/words';

describe('values', () => {
  test('company sizes: numbers, thousands, ranges and open ranges', () => {
    expect(
      ['250', '1,200', '51-200', '10,001+', '1k', '5 000', ' 12 employees'].map(parseCompanySize),
    ).toEqual([250, 1200, 51, 10001, 1000, 5000, 12]);
    expect(['about fifty', '', '12abc'].map(parseCompanySize)).toEqual([undefined, undefined, undefined]);
  });

  test('dates as CRMs and spreadsheets write them; no offset means UTC; impossible dates refused', () => {
    expect(parseInstant('2026-11-20T14:30:00Z')).toBe('2026-11-20T14:30:00.000Z');
    expect(parseInstant('2026-11-20T14:30:00+01:00')).toBe('2026-11-20T13:30:00.000Z');
    expect(parseInstant('2026-11-20 14:30')).toBe('2026-11-20T14:30:00.000Z');
    expect(parseInstant('2026-11-20')).toBe('2026-11-20T00:00:00.000Z');
    expect(parseInstant('11/20/2026 2:30 PM')).toBe('2026-11-20T14:30:00.000Z');
    expect(parseInstant('20/11/2026')).toBe('2026-11-20T00:00:00.000Z');
    expect(parseInstant('1763649000000')).toBe('2025-11-20T14:30:00.000Z');
    expect(['2026-02-31', 'yesterday', '2026-11-20 25:00', '13/13/2026'].map(parseInstant)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  test("stages from HubSpot's lifecycle and both CRMs' lead status", () => {
    expect(
      ['Marketing Qualified Lead', 'marketingqualifiedlead', 'Opportunity', 'Subscriber', 'MQL'].map(
        parseStage,
      ),
    ).toEqual(['mql', 'mql', 'sql', 'lead', 'mql']);
    expect(parseStage('Evangelist-ish')).toBeUndefined();
    expect(stageFromStatus('Closed - Not Converted')).toEqual({ stage: 'disqualified', closed: true });
    expect(stageFromStatus('Unqualified')).toEqual({ stage: 'disqualified', closed: true });
    expect(stageFromStatus('Bad Timing')).toEqual({ stage: 'recycled', closed: true });
    expect(stageFromStatus('Open - Not Contacted')).toEqual({ stage: 'mql', closed: false });
    expect(stageFromStatus('Closed - Converted')).toEqual({ stage: 'sql', closed: true });
  });

  test('touch kinds in words', () => {
    expect(
      ['Page View', 'demo request', 'Form Submission', 'email_click', 'Webinar'].map(parseTouchKind),
    ).toEqual(['page_view', 'demo_request', 'form', 'email_click', 'webinar']);
  });

  test('formula-injection cells are recognised; phone numbers and signed numbers are not', () => {
    for (const cell of [
      "=CMD('calc')",
      '@SUM(1+1)',
      "+cmd|' /C calc'!A0",
      "-2+3+cmd|' /C calc'!A0",
      '\t=1+1',
    ])
      expect(looksLikeFormula(cell)).toBe(true);
    for (const cell of ['+1 (555) 010-0100', '-12.5', 'Dana', 'a=b'])
      expect(looksLikeFormula(cell)).toBe(false);
  });

  test('LinkedIn profiles pasted as URL, without scheme or as a slug', () => {
    expect(normaliseLinkedinUrl('linkedin.com/in/dana-w')).toBe('https://linkedin.com/in/dana-w');
    expect(normaliseLinkedinUrl('dana-w')).toBe('https://www.linkedin.com/in/dana-w/');
  });
});

const LEAD_MAP = [
  'firstName',
  'lastName',
  'emails',
  'title',
  'companySize',
  'lifecycleStage',
  'leadStatus',
  'mqlAt',
  'hubspotId',
];

describe('lead rows', () => {
  test('a good row: names joined, emails split and lower-cased, stage from lifecycle, CRM ref', () => {
    const result = convertLeadRow(LEAD_MAP, [
      'Dana',
      'Whitfield',
      'Dana@Northwind.example; dw@northwind.example',
      'VP Operations',
      '51-200',
      'Marketing Qualified Lead',
      'Open',
      '2026-11-20 09:15',
      '51001',
    ]);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      value: expect.objectContaining({
        fields: {
          name: 'Dana Whitfield',
          emails: ['dana@northwind.example', 'dw@northwind.example'],
          title: 'VP Operations',
          companySize: 51,
          stage: 'mql',
          mqlAt: '2026-11-20T09:15:00.000Z',
          crm: [{ system: 'hubspot', id: '51001' }],
        },
      }),
    });
  });

  test('a closed lead status wins over the lifecycle stage', () => {
    const result = convertLeadRow(LEAD_MAP, ['A', 'B', 'a@x.example', '', '', 'Lead', 'Unqualified', '', '']);
    expect(result.ok && result.value.fields.stage).toBe('disqualified');
  });

  test('every problem names its column; all of a row’s problems are reported at once', () => {
    const result = convertLeadRow(LEAD_MAP, [
      'Dana',
      '',
      'not-an-email',
      'x'.repeat(2500),
      'lots',
      'Hot',
      '',
      'soon',
      '',
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual(
      expect.arrayContaining([
        { column: 2, reason: 'must be an email address' },
        { column: 3, reason: 'too long: 2,500 characters (at most 2,000)' },
        { column: 4, reason: expect.stringMatching(/"lots" is not a number of employees/) },
        { column: 5, reason: expect.stringMatching(/unknown stage "Hot"/) },
        { column: 7, reason: expect.stringMatching(/"soon" is not a date/) },
      ]),
    );
  });

  test('a 10 MB cell is refused with its size, not repeated in the message', () => {
    const result = convertLeadRow(['name', 'need'], ['Dana', 'y'.repeat(10 * 1024 * 1024)]);
    expect(!result.ok && result.issues).toEqual([
      { column: 1, reason: 'too long: 10,485,760 characters (at most 2,000)' },
    ]);
  });

  test('a formula cell is kept as plain text, with a warning on its column', () => {
    const result = convertLeadRow(['name', 'emails', 'title'], ['=CMD("calc")', 'f@x.example', '@SUM(A1)']);
    expect(result.ok && result.value.fields).toMatchObject({ name: '=CMD("calc")', title: '@SUM(A1)' });
    expect(result.warnings.map((w) => w.column)).toEqual([0, 2]);
    expect(result.warnings[0]?.reason).toMatch(/formula; kept as plain text/);
  });

  test('a row with no name, email or CRM id is refused', () => {
    const result = convertLeadRow(['name', 'industry'], ['', 'Retail']);
    expect(!result.ok && result.issues[0]?.reason).toMatch(/no name, email or CRM id/);
  });
});

describe('touch and asset rows', () => {
  test('touch: lead reference, date, kind in words, default title', () => {
    const result = convertTouchRow(
      ['leadEmail', 'at', 'kind'],
      ['Sam@Unlisted-Corp.example', '2026-11-19', 'Page View'],
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        lead: { email: 'sam@unlisted-corp.example' },
        touch: { at: '2026-11-19T00:00:00.000Z', kind: 'page_view', title: 'Page view' },
      },
    });
    const bad = convertTouchRow(
      ['leadEmail', 'at', 'kind', 'url'],
      ['', 'someday', 'Carrier pigeon', 'javascript:alert(1)'],
    );
    expect(!bad.ok && bad.issues.map((i) => i.column).sort()).toEqual([0, 1, 2, 3]);
  });

  test('asset: kind in words, lists split, stages checked, http(s) links only', () => {
    const result = convertAssetRow(
      ['title', 'url', 'kind', 'industries', 'stages'],
      ['ROI guide', 'https://example.com/roi', 'White Paper', 'Retail; Healthcare', 'MQL, SQL'],
    );
    expect(result).toMatchObject({
      ok: true,
      value: { asset: { kind: 'whitepaper', industries: ['Retail', 'Healthcare'], stages: ['mql', 'sql'] } },
    });
    const bad = convertAssetRow(['title', 'url', 'kind'], ['X', 'ftp://example.com/x', 'deck']);
    expect(!bad.ok && bad.issues).toEqual([{ column: 1, reason: 'must start with http:// or https://' }]);
  });
});
