import type { LeadSource } from '../lead-source/lead-source';
import { computeReportViews } from '../report/compute';
import { periodFromInstants } from '../report/period';
import type { ReportWindow } from '../report/report-data-schema';
import type { ReportProgress } from '../report/report-progress';
import type { ReportAnswer } from '../report/report-schema';
import { readSettings } from '../settings/item';

/**
 * The report page's figures for a period, computed here beside the source: a month's summaries
 * (16k at 100k leads, 6 MB as JSON) never cross to the page, only the figures (a few KB a rep).
 * The period must be whole local days in the team calendar's zone, as the page picks them.
 */
export async function readReportAnswer(
  source: LeadSource,
  window: ReportWindow,
  onProgress: (progress: ReportProgress) => void,
  now: () => number = Date.now,
): Promise<ReportAnswer> {
  if (!source.readReportData)
    throw new Error('The report cannot read this source yet: switch to the local store.');
  const settings = await readSettings();
  const period = periodFromInstants(window.from, window.to, settings.calendar);
  const data = await source.readReportData(window, { onProgress });
  const views = computeReportViews(
    data,
    period,
    settings.slaPolicy,
    settings.calendar,
    settings.reportTargets,
    now(),
  );
  return { views, blindSpots: data.blindSpots };
}
