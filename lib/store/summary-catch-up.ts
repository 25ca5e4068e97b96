import type { Table } from 'dexie';
import type { BatonDb } from './db';
import { rebuildSummaryPage, summaryTables } from './summaries';

/**
 * The one write whose summaries are not updated in its own transaction: a touches import. A
 * million touches name a hundred thousand leads in random order, so updating each chunk's leads'
 * summaries read and wrote every summary ten times (1M touches: 915 s against 146 s without).
 * Instead each chunk marks the summaries stale (one small row, in the chunk's transaction), and
 * when the import ends — done, cancelled or failed — the summaries are rebuilt from the rows in
 * pages of 500 leads, each page in its own transaction, and the mark is cleared. Until then the
 * queue's engagement scores and the report's "touches before handoff" lack the new touches.
 *
 * If the import never ends (the options page closed, the browser quit), the mark stays: the
 * background sees it when it starts or hears of an import, and once no chunk has refreshed it
 * for STALE_AFTER_MS it rebuilds the summaries itself. Rebuilding from the rows is idempotent, so
 * two rebuilds at once cost time, never correctness.
 */

/** The mark's key in `summaries`: no lead id starts with U+FFFF, and it has no indexed field. */
export const STALE_MARK_KEY = '\uffffsummaries-stale';
type StaleMark = { leadId: typeof STALE_MARK_KEY; runId: string; at: number };

/** A chunk refreshes the mark every second or two; this long without one, its import is gone. */
export const STALE_AFTER_MS = 2 * 60_000;

const marks = (db: BatonDb) => db.summaries as unknown as Table<StaleMark, string>;

/** Marks the summaries stale for this run, inside the chunk's transaction (which has `summaries`). */
export async function markSummariesStale(db: BatonDb, runId: string, now = Date.now()): Promise<void> {
  await marks(db).put({ leadId: STALE_MARK_KEY, runId, at: now });
}

/** Rebuilds every summary from the rows, page by page, then clears this run's mark. */
export async function catchUpSummaries(db: BatonDb, runId: string): Promise<void> {
  let after: string | undefined;
  do after = await db.transaction('rw', summaryTables(db), () => rebuildSummaryPage(db, after));
  while (after !== undefined);
  await db.transaction('rw', db.summaries, async () => {
    const mark = await marks(db).get(STALE_MARK_KEY);
    // A mark of another run means another import is under way: it catches up when it ends.
    if (mark?.runId === runId) await marks(db).delete(STALE_MARK_KEY);
  });
}

/**
 * The background's check: summaries left stale by an import that never ended are rebuilt.
 * Returns whether it rebuilt.
 */
export async function repairStaleSummaries(db: BatonDb, now = Date.now()): Promise<boolean> {
  const mark = await marks(db).get(STALE_MARK_KEY);
  if (!mark || now - mark.at < STALE_AFTER_MS) return false;
  await catchUpSummaries(db, mark.runId);
  return true;
}
