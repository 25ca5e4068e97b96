import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Attempt, Touch } from '@/lib/model/schemas';
import { readAttemptsOf, readTouchesOf } from '@/lib/store/activity';
import { BatonDb } from '@/lib/store/db';

let db: BatonDb;
beforeEach(() => {
  db = new BatonDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const attempt = (leadId: string, minute: number, id = `${leadId}-${minute}`): Attempt => ({
  id,
  leadId,
  at: new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString(),
  channel: 'call',
  outcome: 'no_answer',
  sync: 'local',
  sample: false,
});

/** 30 leads with 0–5 attempts each (lead-07 has 12: more than a small page), some at the same minute. */
function attempts(): Attempt[] {
  const rows: Attempt[] = [];
  for (let lead = 0; lead < 30; lead++) {
    const leadId = `lead-${String(lead).padStart(2, '0')}`;
    const count = lead === 7 ? 12 : lead % 6;
    for (let n = 0; n < count; n++) rows.push(attempt(leadId, (n * 7) % 5, `${leadId}-${n}`));
  }
  return rows;
}

/** What one range read per lead gives: the reference the paged walk must match. */
async function perLead(leadIds: readonly string[]) {
  const map = new Map<string, string[]>();
  for (const leadId of leadIds) {
    const rows = await db.attempts.where('[leadId+at]').between([leadId, ''], [leadId, '\uffff']).toArray();
    if (rows.length > 0)
      map.set(
        leadId,
        rows.map((a) => a.id),
      );
  }
  return map;
}

const ids = (map: Map<string, Attempt[]>) =>
  new Map([...map].map(([leadId, rows]) => [leadId, rows.map((a) => a.id)]));

describe('readAttemptsOf', () => {
  test('matches a range read per lead, whatever the page size, including a lead larger than a page', async () => {
    await db.attempts.bulkPut(attempts());
    const wanted = ['lead-03', 'lead-07', 'lead-08', 'lead-29', 'lead-00', 'nobody', 'lead-05'];
    const expected = await perLead(wanted);
    expect(expected.get('lead-07')).toHaveLength(12);
    for (const page of [1, 2, 3, 5, 11, 100]) {
      const got = await readAttemptsOf(db, wanted, { page, scanLimit: Number.POSITIVE_INFINITY });
      expect(ids(got), `page ${page}`).toEqual(expected);
    }
  });

  test('past its scan limit it reads the leads not yet covered one by one, and still misses none', async () => {
    await db.attempts.bulkPut(attempts());
    const wanted = ['lead-01', 'lead-02', 'lead-07', 'lead-13', 'lead-25', 'lead-28'];
    const expected = await perLead(wanted);
    for (const [page, scanLimit] of [
      [2, 1],
      [3, 1],
      [4, 10],
      [12, 12],
      [5, 40],
    ] as const) {
      const got = await readAttemptsOf(db, wanted, { page, scanLimit });
      expect(ids(got), `page ${page}, limit ${scanLimit}`).toEqual(expected);
    }
  });

  test('no leads, or an empty table, reads nothing', async () => {
    expect((await readAttemptsOf(db, [])).size).toBe(0);
    expect((await readAttemptsOf(db, ['lead-01'])).size).toBe(0);
  });
});

describe('readTouchesOf', () => {
  test('gives every lead its touches oldest first, across batches, and [] for a lead with none', async () => {
    const touches: Touch[] = [];
    for (let lead = 0; lead < 7; lead++)
      for (let n = lead; n > 0; n--)
        touches.push({
          id: `t-${lead}-${n}`,
          leadId: `lead-${lead}`,
          at: new Date(Date.UTC(2026, 10, n)).toISOString(),
          kind: 'page_view',
          title: 'Pricing',
          sample: false,
        });
    await db.touches.bulkPut(touches);
    const wanted = ['lead-6', 'lead-0', 'lead-3', 'lead-5', 'lead-1'];
    const got = await readTouchesOf(db, wanted, 2);
    expect([...got.keys()].sort()).toEqual([...wanted].sort());
    expect(got.get('lead-0')).toEqual([]);
    expect(got.get('lead-3')?.map((t) => t.id)).toEqual(['t-3-1', 't-3-2', 't-3-3']);
    expect(got.get('lead-6')).toHaveLength(6);
  });
});
