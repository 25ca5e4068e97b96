import type { ReportDataWire, ReportWindow } from '../report/report-data-schema';
import { type LeadSummary, summarizeLead } from '../report/summary';
import { type BatonDb, fromStoredLead } from './db';

/**
 * The report's per-lead summaries from the local store: leads handed over in the window, and
 * leads with activity (attempts, assets sent, content requests) in it. One pass over each table.
 * TODO(2026-12-05): read a stored per-lead summary instead (issue #15 item 6).
 */
export async function readLocalReportData(db: BatonDb, window: ReportWindow): Promise<ReportDataWire> {
  const inWindow = (at: string) => {
    const t = Date.parse(at);
    return t >= window.from && t < window.to;
  };
  const ids = new Set<string>();
  await db.leads.each((lead) => {
    if (lead.mqlAt !== undefined && inWindow(lead.mqlAt)) ids.add(lead.id);
  });
  const addActive = (row: { at: string; leadId: string }) => {
    if (inWindow(row.at)) ids.add(row.leadId);
  };
  await db.attempts.each(addActive);
  await db.assetsSent.each(addActive);
  await db.contentRequests.each(addActive);
  const leadIds = [...ids];
  const [leads, attempts, dispositions, assetsSent, contentRequests, touches, assets] = await Promise.all([
    db.leads.bulkGet(leadIds),
    db.attempts.toArray(),
    db.dispositions.toArray(),
    db.assetsSent.toArray(),
    db.contentRequests.toArray(),
    db.touches.toArray(),
    db.assets.toArray(),
  ]);
  const group = <T extends { leadId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      if (!ids.has(row.leadId)) continue;
      const list = map.get(row.leadId);
      if (list) list.push(row);
      else map.set(row.leadId, [row]);
    }
    return map;
  };
  const [a, d, s, r, tc] = [
    group(attempts),
    group(dispositions),
    group(assetsSent),
    group(contentRequests),
    group(touches),
  ];
  const summaries: LeadSummary[] = [];
  for (const stored of leads) {
    if (!stored) continue;
    const lead = fromStoredLead(stored);
    summaries.push(
      summarizeLead({
        lead,
        attempts: a.get(lead.id) ?? [],
        dispositions: d.get(lead.id) ?? [],
        assetsSent: s.get(lead.id) ?? [],
        contentRequests: r.get(lead.id) ?? [],
        touches: tc.get(lead.id) ?? [],
      }),
    );
  }
  return {
    leads: summaries,
    libraryAssetIds: assets.map((asset) => asset.id),
    knowsCustomers: false,
    blindSpots: ['Customers: the local store does not know which leads became customers.'],
  };
}
