import type { ReportDataWire, ReportWindow } from '../report/report-data-schema';
import type { LeadSummary } from '../report/summary';
import type { BatonDb } from './db';
import { reportSummaryOf, type SummaryRecord } from './summary-record';

/**
 * The report's per-lead summaries from the local store: leads handed over in the window, and
 * leads with activity (attempts, hand-backs, assets shared, content requests) in it, each with
 * all its activity up to now. Two indexed range reads of the stored summaries: the cohort by
 * handoff, and the leads active since the window began (a superset, filtered here).
 */
export async function readLocalReportData(db: BatonDb, window: ReportWindow): Promise<ReportDataWire> {
  const inWindow = (at: string) => {
    const t = Date.parse(at);
    return t >= window.from && t < window.to;
  };
  const [handedOver, activeSince, assetIds] = await db.transaction('r', db.summaries, db.assets, () =>
    Promise.all([
      db.summaries.where('handoffAt').between(window.from, window.to, true, false).toArray(),
      db.summaries.where('lastActivityAt').aboveOrEqual(window.from).toArray(),
      db.assets.toCollection().primaryKeys(),
    ]),
  );
  const leads = new Map<string, LeadSummary>();
  for (const record of handedOver) leads.set(record.leadId, reportSummaryOf(record));
  for (const record of activeSince)
    if (!leads.has(record.leadId) && activeIn(record, inWindow))
      leads.set(record.leadId, reportSummaryOf(record));
  return {
    leads: [...leads.values()],
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
