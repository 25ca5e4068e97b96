import Dexie from 'dexie';
import type { Attempt, Touch } from '../model/schemas';
import type { BatonDb } from './db';

/**
 * Reading the activity of many leads at once (the queue, the badge), without a request per lead
 * where one range read does, and without one long transaction that holds up the card's lookups.
 */

/** Attempts per page when walking the attempts index. */
export const ATTEMPT_PAGE = 2_000;
/** Leads per read-only transaction when touches are read lead by lead. */
export const TOUCH_BATCH = 200;

const byLead = (leadId: string) =>
  [
    [leadId, Dexie.minKey],
    [leadId, Dexie.maxKey],
  ] as const;

/**
 * The attempts of each lead in `leadIds` (oldest first, as the [leadId+at] index orders them).
 *
 * A rep's attempts are far fewer than the leads in a big queue, so they are read by walking the
 * [leadId+at] index in pages (a page is one request; 10k open leads cost a request or two where a
 * read per lead cost 10k), keeping only the wanted leads' rows. A page never splits a lead: its
 * last lead is read again from the start of the next page. If the walk reads more than `scanLimit`
 * rows (a store with far more attempts than wanted leads), the leads not yet covered are read one
 * range each instead, so the cost is bounded either way.
 */
export async function readAttemptsOf(
  db: BatonDb,
  leadIds: readonly string[],
  { page = ATTEMPT_PAGE, scanLimit = Math.max(page, leadIds.length * 4) } = {},
): Promise<Map<string, Attempt[]>> {
  const wanted = new Set(leadIds);
  const found = new Map<string, Attempt[]>();
  if (wanted.size === 0) return found;
  const take = (rows: readonly Attempt[]) => {
    for (const attempt of rows) {
      if (!wanted.has(attempt.leadId)) continue;
      const list = found.get(attempt.leadId);
      if (list) list.push(attempt);
      else found.set(attempt.leadId, [attempt]);
    }
  };
  // Every lead before `start` has been read whole (IndexedDB and JavaScript order strings alike).
  let start: [unknown, unknown] = [Dexie.minKey, Dexie.minKey];
  let scanned = 0;
  for (;;) {
    const rows = await db.attempts.where('[leadId+at]').aboveOrEqual(start).limit(page).toArray();
    scanned += rows.length;
    if (rows.length < page) {
      take(rows);
      return found;
    }
    const lastLead = (rows[rows.length - 1] as Attempt).leadId;
    const whole = rows.filter((attempt) => attempt.leadId !== lastLead);
    take(whole);
    if (whole.length === 0) {
      // One lead's attempts fill the page: read that lead by its own range, then go past it.
      if (wanted.has(lastLead))
        take(
          await db.attempts
            .where('[leadId+at]')
            .between(...byLead(lastLead))
            .toArray(),
        );
      start = [lastLead, Dexie.maxKey];
    } else start = [lastLead, Dexie.minKey];
    if (scanned >= scanLimit) {
      const rest = [...wanted].filter((id) => (whole.length === 0 ? id > lastLead : id >= lastLead));
      await db.transaction('r', db.attempts, () =>
        Promise.all(
          rest.map(async (leadId) => {
            const list = await db.attempts
              .where('[leadId+at]')
              .between(...byLead(leadId))
              .toArray();
            if (list.length > 0) found.set(leadId, list);
          }),
        ),
      );
      return found;
    }
  }
}

/**
 * The touches of each lead (oldest first), one range read per lead, in transactions of `batch`
 * leads: IndexedDB serves requests in order, so a card's lookup waits for one batch, not for all.
 */
export async function readTouchesOf(
  db: BatonDb,
  leadIds: readonly string[],
  batch = TOUCH_BATCH,
): Promise<Map<string, Touch[]>> {
  const found = new Map<string, Touch[]>();
  for (let first = 0; first < leadIds.length; first += batch) {
    const ids = leadIds.slice(first, first + batch);
    await db.transaction('r', db.touches, () =>
      Promise.all(
        ids.map(async (leadId) => {
          found.set(
            leadId,
            await db.touches
              .where('[leadId+at]')
              .between(...byLead(leadId))
              .toArray(),
          );
        }),
      ),
    );
  }
  return found;
}
