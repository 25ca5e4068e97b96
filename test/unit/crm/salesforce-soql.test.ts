import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { soqlDate, soqlField, soqlId, soqlLikePrefix, soqlList, soqlString } from '@/lib/crm/salesforce/soql';

/** Reads a SOQL string literal back the way Salesforce does (the escapes it documents). */
function unquote(literal: string): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  const body = literal.slice(1, -1);
  const map: Record<string, string> = {
    n: '\n',
    r: '\r',
    t: '\t',
    b: '\b',
    f: '\f',
    "'": "'",
    '"': '"',
    '\\': '\\',
    '%': '\\%',
    _: '\\_',
  };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string;
    if (ch === "'") throw new Error(`an unescaped quote at ${i} ends the literal early: ${literal}`);
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[++i];
    if (next === undefined || !(next in map)) throw new Error(`bad escape \\${next}`);
    out += map[next];
  }
  return out;
}

describe('SOQL literals', () => {
  test('quotes and backslashes are escaped, so input never ends the literal', () => {
    expect(soqlString("O'Brien")).toBe("'O\\'Brien'");
    expect(soqlString('back\\slash')).toBe("'back\\\\slash'");
    expect(soqlString("x' OR Name != '")).toBe("'x\\' OR Name != \\''");
    expect(soqlString('two\nlines')).toBe("'two\\nlines'");
  });

  test('any string round-trips through a literal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(unquote(soqlString(value))).toBe(value);
      }),
    );
  });

  test('a LIKE prefix escapes its wildcards and ends with one of its own', () => {
    expect(soqlLikePrefix('100%_club')).toBe("'100\\%\\_club%'");
    expect(soqlLikePrefix("d'a")).toBe("'d\\'a%'");
    expect(soqlLikePrefix('a\\b')).toBe("'a\\\\b%'");
  });

  test('IN lists, field names, ids and dates are checked before they go in a query', () => {
    expect(soqlList(['MQL', "It's"])).toBe("('MQL', 'It\\'s')");
    expect(() => soqlList([])).toThrow();
    expect(soqlField('Budget__c')).toBe('Budget__c');
    expect(soqlField('Account.Name')).toBe('Account.Name');
    expect(() => soqlField('Name FROM User --')).toThrow(/not a Salesforce field/);
    expect(() => soqlField("Budget__c' OR")).toThrow();
    expect(soqlId('00Q8d00000MbLlIEAV')).toBe("'00Q8d00000MbLlIEAV'");
    expect(() => soqlId("00Q' OR Id != '")).toThrow(/not a Salesforce id/);
    expect(soqlDate('2026-12-07')).toBe('2026-12-07');
    expect(() => soqlDate('2026-12-07 OR')).toThrow();
  });
});
