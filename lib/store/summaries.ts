import Dexie, { type Table } from 'dexie';
import type { AssetSent, Attempt, ContentRequest, Disposition, Touch } from '../model/schemas';
import type { BatonDb, StoredLead } from './db';
import { type SummaryRecord, withLead, withRows, withTouches } from './summary-record';

/**
 * Keeping each lead's summary (`summaries`, see summary-record.ts) true to its rows. Every function
 * here runs inside the caller's read-write transaction, which must include the tables it names, so
 * a summary changes in the same transaction as the rows it sums up: never one without the other.
 */

/** What a transaction needs to rebuild summaries from the rows: the summaries and every table they read. */
export function summaryTables(db: BatonDb): Table[] {
  return [
    db.summaries,
    db.leads,
    db.touches,
    db.attempts,
    db.dispositions,
    db.assetsSent,
    db.contentRequests,
  ];
}

/** Dexie itself and an upgrade's transaction both hand out tables by name. */
type Tables = { table(name: string): Table };

const CHILD_TABLES = ['touches', 'attempts', 'dispositions', 'assetsSent', 'contentRequests'] as const;
type ChildRows = {
  touches: Touch[];
  attempts: Attempt[];
  dispositions: Disposition[];
  assetsSent: AssetSent[];
  contentRequests: ContentRequest[];
};

function recordOf(lead: StoredLead, rows: ChildRows): SummaryRecord {
  return withTouches(
    withRows(withLead(lead), {
      attempts: rows.attempts,
      dispositions: rows.dispositions,
      shares: rows.assetsSent,
      requests: rows.contentRequests,
    }),
    rows.touches,
  );
}

/**
 * Rebuilds the summaries of these leads from their rows, one [leadId+at] range per table and
 * lead; a lead that is gone loses its summary. For a panel action (one lead) or a few hundred.
 */
export async function refreshSummaries(db: Tables, leadIds: Iterable<string>): Promise<void> {
  const summaries = db.table('summaries') as Table<SummaryRecord, string>;
  await Promise.all(
    [...new Set(leadIds)].map(async (leadId) => {
      const range = [
        [leadId, Dexie.minKey],
        [leadId, Dexie.maxKey],
      ] as const;
      const [lead, ...children] = await Promise.all([
        db.table('leads').get(leadId) as Promise<StoredLead | undefined>,
        ...CHILD_TABLES.map((name) =>
          db
            .table(name)
            .where('[leadId+at]')
            .between(...range)
            .toArray(),
        ),
      ]);
      if (!lead) return summaries.delete(leadId);
      const rows = Object.fromEntries(CHILD_TABLES.map((name, i) => [name, children[i]])) as ChildRows;
      await summaries.put(recordOf(lead, rows));
    }),
  );
}

/** Leads per page when every summary is rebuilt. */
const REBUILD_PAGE = 500;

/**
 * Rebuilds every summary from the rows (the store migration, a restore): leads page by page in id
 * order, each page's rows by one range read per table (the [leadId+at] index is ordered by lead),
 * so memory stays bounded at 100k leads and 1M touches.
 */
export async function rebuildAllSummaries(db: Tables): Promise<void> {
  await (db.table('summaries') as Table<SummaryRecord, string>).clear();
  let after: string | undefined;
  do after = await rebuildSummaryPage(db, after);
  while (after !== undefined);
}

/**
 * Rebuilds the summaries of one page of leads (REBUILD_PAGE, in id order, after `after`), in the
 * caller's transaction; returns the page's last lead id, or undefined after the last page.
 */
export async function rebuildSummaryPage(db: Tables, after: string | undefined): Promise<string | undefined> {
  const summaries = db.table('summaries') as Table<SummaryRecord, string>;
  const leads = db.table('leads') as Table<StoredLead, string>;
  const page =
    after === undefined
      ? await leads.orderBy(':id').limit(REBUILD_PAGE).toArray()
      : await leads.where(':id').above(after).limit(REBUILD_PAGE).toArray();
  const first = page[0];
  const last = page.at(-1);
  if (!first || !last) return undefined;
  const children = await Promise.all(
    CHILD_TABLES.map((name) =>
      db
        .table(name)
        .where('[leadId+at]')
        .between([first.id, Dexie.minKey], [last.id, Dexie.maxKey], true, true)
        .toArray(),
    ),
  );
  const rowsOf = new Map<string, ChildRows>(
    page.map((lead) => [
      lead.id,
      { touches: [], attempts: [], dispositions: [], assetsSent: [], contentRequests: [] },
    ]),
  );
  CHILD_TABLES.forEach((name, i) => {
    for (const row of children[i] as Array<{ leadId: string }>)
      (rowsOf.get(row.leadId)?.[name] as unknown[] | undefined)?.push(row);
  });
  await summaries.bulkPut(page.map((lead) => recordOf(lead, rowsOf.get(lead.id) as ChildRows)));
  return last.id;
}

/**
 * The stored summaries of these leads, read with plain IndexedDB requests inside the current
 * Dexie transaction (for an import chunk: thousands of leads; see bulk.ts for why not Dexie's).
 */
export function readSummaries(db: BatonDb, leadIds: readonly string[]): Promise<Map<string, SummaryRecord>> {
  const found = new Map<string, SummaryRecord>();
  const tx = Dexie.currentTransaction;
  if (!tx?.storeNames.includes('summaries'))
    throw new Error('readSummaries needs a transaction on "summaries"');
  if (leadIds.length === 0) return Promise.resolve(found);
  const store = tx.idbtrans.objectStore(db.summaries.name);
  return new Promise((resolve, reject) => {
    let pending = leadIds.length;
    for (const leadId of leadIds) {
      const request = store.get(leadId) as IDBRequest<SummaryRecord | undefined>;
      request.onsuccess = () => {
        if (request.result) found.set(leadId, request.result);
        if (--pending === 0) resolve(found);
      };
      request.onerror = () => reject(request.error ?? new Error('reading a lead summary failed'));
    }
  });
}
