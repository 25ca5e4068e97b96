import { csvLine } from '../data/export/csv';
import type { Report } from './compute';
import { type Figure, figureList } from './figure-list';

/**
 * The report's exports (issue #15 item 4): each table as formula-safe CSV, and the whole report as
 * JSON with every figure under its definition key, and the period and settings used.
 */
export function figuresCsv(report: Report): string {
  const rows: string[] = [csvLine(['owner', 'group', 'figure', 'label', 'kind', 'value'])];
  const push = (owner: string, figures: Figure[]) => {
    for (const f of figures) rows.push(csvLine([owner, f.group, f.id, f.label, f.kind, f.value]));
  };
  push('(team)', figureList(report.total));
  for (const rep of report.reps) push(rep.owner, figureList(rep.figures));
  return `${rows.join('\r\n')}\r\n`;
}

export function contentRequestsCsv(report: Report): string {
  const rows = [csvLine(['at', 'text', 'lead', 'lead id', 'owner'])];
  for (const r of report.total.content.requests)
    rows.push(csvLine([new Date(r.at).toISOString(), r.text, r.leadName, r.leadId, r.owner]));
  return `${rows.join('\r\n')}\r\n`;
}

export function assetsSentCsv(report: Report): string {
  const rows = [csvLine(['asset', 'sent'])];
  for (const [asset, count] of Object.entries(report.total.content.byAsset).sort((a, b) => b[1] - a[1]))
    rows.push(csvLine([asset, count]));
  for (const asset of report.total.content.assetsNeverSent) rows.push(csvLine([asset, 0]));
  return `${rows.join('\r\n')}\r\n`;
}

export function reportJson(report: Report): string {
  return JSON.stringify(
    {
      definitions: 'Baton README, "Weekly report"',
      period: {
        from: new Date(report.period.from).toISOString(),
        to: new Date(report.period.to).toISOString(),
        firstDay: report.period.firstDay,
        lastDay: report.period.lastDay,
        timeZone: report.period.timeZone,
      },
      now: new Date(report.now).toISOString(),
      owner: report.owner ?? null,
      settings: { reportTargets: report.targets, slaPolicy: report.policy },
      total: report.total,
      reps: report.reps,
    },
    null,
    2,
  );
}
