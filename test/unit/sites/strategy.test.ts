import { describe, expect, test } from 'vitest';
import { toDetection } from '@/lib/sites/detection';
import {
  CueMissing,
  emailOfHref,
  firstHit,
  queryOrFail,
  type Strategy,
  titleHead,
} from '@/lib/sites/strategy';

describe('firstHit', () => {
  test('tries strategies in order and records the one that worked', () => {
    const calls: string[] = [];
    const strategy = (name: string, value: unknown): Strategy<null, unknown> => ({
      name,
      read: () => {
        calls.push(name);
        if (value instanceof Error) throw value;
        return typeof value === 'function' ? value() : value;
      },
    });
    const hit = firstHit(
      [
        strategy('empty', ''),
        strategy('none', []),
        strategy('missing cue', () =>
          queryOrFail({ querySelector: () => null } as unknown as ParentNode, 'h1'),
        ),
        strategy('broken', new SyntaxError('unsupported selector')),
        strategy('works', 'Dana'),
        strategy('never asked', 'Other'),
      ],
      null,
    );
    expect(hit).toEqual({ value: 'Dana', by: 'works' });
    expect(calls).toEqual(['empty', 'none', 'missing cue', 'broken', 'works']);
  });

  test('nothing works: undefined', () => {
    expect(firstHit([{ name: 'a', read: () => null }], 1)).toBeUndefined();
  });

  test('queryOrFail throws a named error', () => {
    expect(() => queryOrFail({ querySelector: () => null } as unknown as ParentNode, 'h2.hP')).toThrow(
      CueMissing,
    );
  });
});

test('emailOfHref', () => {
  expect(emailOfHref('mailto:Dana.Whitfield@NorthwindHealth.example?subject=Hi')).toBe(
    'dana.whitfield@northwindhealth.example',
  );
  expect(emailOfHref('mailto:not-an-address')).toBeUndefined();
  expect(emailOfHref('https://example.com')).toBeUndefined();
});

test('titleHead strips a notification count and needs the expected suffix', () => {
  expect(titleHead('(12) Priya Raman | LinkedIn', /^LinkedIn$/)).toBe('Priya Raman');
  expect(titleHead('(99+) Priya Raman | LinkedIn', /^LinkedIn$/)).toBe('Priya Raman');
  expect(titleHead('LinkedIn', /^LinkedIn$/)).toBeUndefined();
  expect(titleHead('Priya Raman | Some other site', /^LinkedIn$/)).toBeUndefined();
});

describe('toDetection', () => {
  test('validates with the LeadIdentity schema and records the strategies in source', () => {
    const detection = toDetection(
      'linkedin',
      { linkedinSlug: 'dana-whitfield-nw', name: '  Dana  ' },
      { slug: 'url', name: 'main h1' },
    );
    expect(detection.identity).toEqual({
      emails: [],
      linkedinSlug: 'dana-whitfield-nw',
      name: 'Dana',
      source: 'linkedin:slug=url;name=main h1',
    });
  });

  test('one bad field is dropped, not the whole identity', () => {
    const detection = toDetection(
      'hubspot',
      {
        crm: { system: 'hubspot', id: '51001' },
        emails: ['dana@northwind.example', 'not%valid@x.example'],
        name: 'x'.repeat(400),
      },
      {},
    );
    expect(detection.identity).toEqual({
      emails: ['dana@northwind.example'],
      crm: { system: 'hubspot', id: '51001' },
      source: 'hubspot:',
    });
  });

  test('no key (email, slug or CRM id): no identity', () => {
    expect(toDetection('linkedin', { name: 'Dana Whitfield' }, { name: 'h1' }).identity).toBeNull();
  });
});
