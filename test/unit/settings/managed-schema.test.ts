import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { managedSchema, managedSchemaText } from '@/lib/settings/managed-schema';
import { POLICY_PARTS } from '@/lib/settings/policy-file';

const file = resolve(import.meta.dirname, '../../../public/managed_schema.json');

/** The keywords Chrome's policy schema understands (everything else makes Chrome reject the schema). */
const CHROME_KEYWORDS = new Set([
  'type',
  'title',
  'description',
  'properties',
  'additionalProperties',
  'items',
  'required',
  'enum',
  'pattern',
  'minimum',
  'maximum',
]);

function keywordsOf(node: unknown, found = new Set<string>()): Set<string> {
  if (typeof node !== 'object' || node === null) return found;
  for (const [key, value] of Object.entries(node)) {
    found.add(key);
    if (key === 'properties') for (const child of Object.values(value)) keywordsOf(child, found);
    else if (key === 'items' || key === 'additionalProperties') keywordsOf(value, found);
  }
  return found;
}

describe('the managed storage schema', () => {
  test('the file in public/ is the one the policy schemas give (npm run gen:managed-schema)', () => {
    expect(readFileSync(file, 'utf8')).toBe(managedSchemaText());
  });

  test('describes every policy part, so Chrome drops none of an administrator’s settings', () => {
    const properties = (managedSchema() as { properties: Record<string, unknown> }).properties;
    expect(Object.keys(properties).sort()).toEqual(['teamPolicy', ...POLICY_PARTS].sort());
    const sla = properties.slaPolicy as { properties: Record<string, { type: string }> };
    expect(sla.properties.firstAttemptBusinessMinutes?.type).toBe('integer');
    const calendar = properties.calendar as { properties: Record<string, unknown> };
    expect(Object.keys(calendar.properties)).toEqual(
      expect.arrayContaining(['timeZone', 'hours', 'holidays']),
    );
  });

  test('uses only what Chrome’s policy schema understands', () => {
    const unknown = [...keywordsOf(managedSchema())].filter((key) => !CHROME_KEYWORDS.has(key));
    expect(unknown).toEqual([]);
  });
});
