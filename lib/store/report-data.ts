import type { ReportDataWire, ReportWindow } from '../report/report-data-schema';
import type { LeadSummary } from '../report/summary';
import type { BatonDb } from './db';
import { reportSummaryOf, type SummaryRecord } from './summary-record';

/**
 * The report's per-lead summaries from the local store: leads handed over in the window, and
 * leads with activity (attempts, hand-backs, assets shared, content requests) in it, each with
 * all its activity up to now. Reading a stored summary is the cost (about 40 µs each at 100k
 * leads), so none is read twice: the cohort's keys come from the handoff index alone, the leads
 * active since the window began are read whole (a superset, filtered here), and only the cohort
 * leads not among them are read by key.
 */
export async function readLocalReportData(db: BatonDb, window: ReportWindow): Promise<ReportDataWire> {
  const inWindow = (at: string) => {
    const t = Date.parse(at);
    return t >= window.from && t < window.to;
  };
  const { cohort, activeSince, assetIds } = await db.transaction('r', db.summaries, db.assets, async () => {
    const [cohortIds, activeSince, assetIds] = await Promise.all([
      db.summaries.where('handoffAt').between(window.from, window.to, true, false).primaryKeys(),
      db.summaries.where('lastActivityAt').aboveOrEqual(window.from).toArray(),
      db.assets.toCollection().primaryKeys(),
    ]);
    const read = new Set(activeSince.map((record) => record.leadId));
    const unread = cohortIds.filter((leadId) => !read.has(leadId));
    const rest = await db.summaries.bulkGet(unread);
    return { cohort: new Set(cohortIds), activeSince: [...activeSince, ...rest], assetIds };
  });
  const leads: LeadSummary[] = [];
  for (const record of activeSince)
    if (record && (cohort.has(record.leadId) || activeIn(record, inWindow)))
      leads.push(reportSummaryOf(record));
  return {
    leads,
    libraryAssetIds: assetIds,
    knowsCustomers: false,
    blindSpots: ['Customers: the local store does not know which leads became customers.'],
  };
}

/** Whether an attempt, an asset shared or a content request of the lead falls in the window. */
function activeIn(record: SummaryRecord, inWindow: (at: string) => boolean): boolean {
  return (
    record.attempts.some((row) => inWindow(row.at)) ||
    record.shares.some((row) => inWindow(row.at)) ||
    record.requests.some((row) => inWindow(row.at))
  );
}
