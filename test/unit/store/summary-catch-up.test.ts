import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { proposeMapping } from '@/lib/data/import/fields';
import { runImport } from '@/lib/data/import/run-import';
import { defaultSettings } from '@/lib/settings/schema';
import { BatonDb } from '@/lib/store/db';
import { LocalLeadSource } from '@/lib/store/local-source';
import { readLocalReportData } from '@/lib/store/report-data';
import { rebuildAllSummaries } from '@/lib/store/summaries';
import {
  markSummariesStale,
  repairStaleSummaries,
  STALE_AFTER_MS,
  STALE_MARK_KEY,
} from '@/lib/store/summary-catch-up';

/**
 * A touches import lays its touch times into the summaries when it ends; one that never ends
 * leaves a mark the background repairs (store/summary-catch-up.ts).
 */

let db: BatonDb;
beforeEach(() => {
  db = new BatonDb(`catch-up-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const LEADS = [
  'Email,First Name,Last Name,Lifecycle Stage,Became a Marketing Qualified Lead Date',
  ...Array.from(
    { length: 40 },
    (_, i) => `p${i}@acme.example,P,${i},marketingqualifiedlead,2026-11-0${1 + (i % 9)}T10:00:00Z`,
  ),
].join('\r\n');
const TOUCHES = [
  'Email,Touch Type,Title,Date',
  ...Array.from(
    { length: 400 },
    (_, i) => `p${(i * 7) % 40}@acme.example,page_view,Page ${i},2026-10-${10 + (i % 18)}T10:00:00Z`,
  ),
].join('\r\n');

async function importText(
  kind: 'leads' | 'touches',
  text: string,
  extra: Partial<Parameters<typeof runImport>[3]> = {},
) {
  return runImport(db, new Blob([text]), `${kind}.csv`, {
    kind,
    mapping: proposeMapping(kind, text.split('\r\n')[0]?.split(',') ?? []),
    ...extra,
  });
}

async function expectTrueToRows() {
  const kept = await db.summaries.orderBy('leadId').toArray();
  await rebuildAllSummaries(db);
  expect(kept).toEqual(await db.summaries.orderBy('leadId').toArray());
}

const touchCount = async () =>
  (await db.summaries.toArray()).reduce(
    (sum, record) => sum + Object.values(record.touchTimes ?? {}).flat().length,
    0,
  );

describe('a touches import catches the summaries up when it ends', () => {
  test('done: every touch is in its lead’s summary, no mark left, timed apart', async () => {
    await importText('leads', LEADS);
    const result = await importText('touches', TOUCHES, { chunkBytes: 2048 });
    expect(result).toMatchObject({ status: 'done', created: 400 });
    expect(result.timings.summariesMs).toBeGreaterThanOrEqual(0);
    expect(await touchCount()).toBe(400);
    expect(await db.summaries.get(STALE_MARK_KEY)).toBeUndefined();
    await expectTrueToRows();
  });

  test('cancelled after some chunks: what was written is caught up', async () => {
    await importText('leads', LEADS);
    const controller = new AbortController();
    const result = await importText('touches', TOUCHES, {
      chunkBytes: 2048,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.created > 100) controller.abort();
      },
    });
    expect(result.status).toBe('cancelled');
    expect(result.created).toBeGreaterThan(100);
    expect(result.created).toBeLessThan(400);
    expect(await touchCount()).toBe(await db.touches.count());
    expect(await db.summaries.get(STALE_MARK_KEY)).toBeUndefined();
  });
});

describe('an import that never ended', () => {
  test('its mark is repaired once no chunk has refreshed it for a while, and not before', async () => {
    await importText('leads', LEADS);
    const lead = await db.leads.where('emails').equals('p1@acme.example').first();
    if (!lead) throw new Error('no lead');
    // What a chunk of a dead import left: touches written, summaries marked stale.
    const now = Date.parse('2026-11-24T15:00:00Z');
    await db.transaction('rw', db.touches, db.summaries, async () => {
      await db.touches.put({
        id: 'touch-1',
        leadId: lead.id,
        at: '2026-10-20T10:00:00.000Z',
        kind: 'download',
        title: 'Guide',
        sample: false,
      });
      await markSummariesStale(db, 'dead-run', now);
    });
    expect(await repairStaleSummaries(db, now + STALE_AFTER_MS - 1)).toBe(false);
    expect(await touchCount()).toBe(0);

    // The mark is in no index: the queue and the report never see it.
    const source = new LocalLeadSource(db);
    const entries = await source.queueEntries({}, { scoreModel: defaultSettings.scoreModel, now });
    expect(entries.map((e) => e.lead.id)).not.toContain(STALE_MARK_KEY);
    const report = await readLocalReportData(db, { from: 0, to: now });
    expect(report.leads.map((l) => l.leadId)).not.toContain(STALE_MARK_KEY);

    expect(await repairStaleSummaries(db, now + STALE_AFTER_MS)).toBe(true);
    expect(await db.summaries.get(STALE_MARK_KEY)).toBeUndefined();
    expect((await db.summaries.get(lead.id))?.touchTimes).toEqual({
      download: [Date.parse('2026-10-20T10:00:00Z')],
    });
    await expectTrueToRows();
  });
});
