import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Lead } from '@/lib/model/schemas';
import { BatonDb, fromStoredLead, toStoredLead } from '@/lib/store/db';

let db: BatonDb;
beforeEach(() => {
  db = new BatonDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const lead = (id: string, sample: boolean): Lead => ({
  id,
  name: `Lead ${id}`,
  emails: [`${id}@x.example`],
  crm: [],
  stage: 'mql',
  sample,
  updatedAt: '2026-11-24T15:00:00.000Z',
});

describe('stored leads', () => {
  test('only sample leads carry the indexed sample flag, so its index stays as small as the sample', async () => {
    expect('sampleFlag' in toStoredLead(lead('own', false))).toBe(false);
    expect(toStoredLead(lead('s', true)).sampleFlag).toBe(1);
    await db.leads.bulkPut([lead('a', false), lead('b', true), lead('c', false)].map(toStoredLead));
    expect(await db.leads.where('sampleFlag').equals(1).primaryKeys()).toEqual(['b']);
    expect(await db.leads.where('sampleFlag').above(Number.NEGATIVE_INFINITY).count()).toBe(1);
    // A sample lead made the user's own loses the flag.
    await db.leads.put(toStoredLead(lead('b', false)));
    expect(await db.leads.where('sampleFlag').equals(1).count()).toBe(0);
  });

  test('round-trips: the stored form strips back to the same lead', () => {
    for (const sample of [false, true])
      expect(fromStoredLead(toStoredLead(lead('x', sample)))).toEqual(lead('x', sample));
  });

  test('version 3 has no updatedAt index', () => {
    expect(db.leads.schema.indexes.map((index) => index.name)).not.toContain('updatedAt');
  });
});
