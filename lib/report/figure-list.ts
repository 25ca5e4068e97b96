import { RECYCLE_REASON_LABELS, RECYCLE_REASONS } from '../model/schemas';
import { type ReportFigures, SPEED_BANDS, type SpeedBand } from './compute';

/**
 * The figures the page shows, each with its test id and machine-readable value (issue #15 item 5):
 * a rate as a fraction 0–1, a duration in business minutes, a count as an integer; null when the
 * figure is undefined (shown as "—", `data-value=""`).
 */
export type FigureKind = 'count' | 'rate' | 'business_minutes' | 'wall_minutes' | 'days' | 'amount';

export interface Figure {
  /** The suffix after `report-`, e.g. `sla-met`. */
  id: string;
  label: string;
  kind: FigureKind;
  value: number | null;
  /** The §11 group it belongs to, for headings and CSV. */
  group: string;
}

export const SPEED_BAND_LABELS: Record<SpeedBand, string> = {
  le5: '≤ 5 min',
  le15: '5–15 min',
  le60: '15–60 min',
  le240: '1–4 h',
  le480: '4–8 h',
  gt480: '> 8 h',
};

export function figureList(f: ReportFigures): Figure[] {
  const g =
    (group: string) =>
    (id: string, label: string, kind: FigureKind, value: number | null): Figure => ({
      id,
      label,
      kind,
      value,
      group,
    });
  const cohort = g('Cohort and first-attempt SLA');
  const speed = g('Speed to lead');
  const cadence = g('Cadence');
  const activity = g('Attempts');
  const hand = g('Hand-backs');
  const mkt = g("Marketing's side");
  const content = g('Content');
  const e2e = g('End to end');
  return [
    cohort('cohort-mqls', 'MQLs handed over', 'count', f.cohort.mqls),
    cohort('sla-met', 'First attempt met', 'count', f.firstAttemptSla.met),
    cohort('sla-breached', 'First attempt breached', 'count', f.firstAttemptSla.breached),
    cohort('sla-pending', 'First attempt pending', 'count', f.firstAttemptSla.pending),
    cohort('sla-compliance', 'Compliance', 'rate', f.firstAttemptSla.compliance),
    speed(
      'speed-median-business-min',
      'Median (business time)',
      'business_minutes',
      f.speedToLead.medianBusinessMinutes,
    ),
    speed(
      'speed-p90-business-min',
      '90th percentile (business time)',
      'business_minutes',
      f.speedToLead.p90BusinessMinutes,
    ),
    speed('speed-median-wall-min', 'Median (wall clock)', 'wall_minutes', f.speedToLead.medianWallMinutes),
    ...SPEED_BANDS.map((band) =>
      speed(`speed-band-${band}`, SPEED_BAND_LABELS[band], 'count', f.speedToLead.bands[band]),
    ),
    cadence('cadence-met', 'Cadence met', 'count', f.cadence.met),
    cadence('cadence-behind', 'Cadence behind', 'count', f.cadence.behind),
    cadence('cadence-pending', 'Cadence pending', 'count', f.cadence.pending),
    cadence('never-contacted', 'Never contacted', 'count', f.neverContacted.count),
    cadence(
      'never-contacted-past-deadline',
      'Never contacted, past deadline',
      'count',
      f.neverContacted.pastDeadline,
    ),
    activity('attempts', 'Attempts in the period', 'count', f.attempts.total),
    activity('connect-rate', 'Connect rate', 'rate', f.attempts.connectRate),
    hand('accepted', 'Accepted (SQL)', 'count', f.handBacks.accepted),
    hand('recycled', 'Recycled', 'count', f.handBacks.recycled),
    hand('disqualified', 'Disqualified', 'count', f.handBacks.disqualified),
    hand('open', 'Still open', 'count', f.handBacks.open),
    hand('acceptance-rate', 'Acceptance rate', 'rate', f.handBacks.acceptanceRate),
    hand('median-days-to-hand-back', 'Median days to hand-back', 'days', f.handBacks.medianDaysToHandBack),
    ...RECYCLE_REASONS.map((reason) =>
      hand(`reason-${reason}`, RECYCLE_REASON_LABELS[reason], 'count', f.handBacks.reasons[reason]),
    ),
    mkt('marketing-delivered', 'MQLs delivered', 'count', f.marketing.delivered),
    mkt('marketing-committed', 'MQLs committed (prorated)', 'count', f.marketing.committed),
    mkt('marketing-mql-value', 'MQL value', 'amount', f.marketing.mqlValue),
    mkt('marketing-mqls-owed', 'MQLs owed for the revenue target', 'count', f.marketing.mqlsOwed),
    content('assets-sent', 'Assets sent', 'count', f.content.assetsSent),
    content('links-copied', 'Links copied (not counted as sent)', 'count', f.content.linksCopied),
    content('library-used-share', 'Share of the library used', 'rate', f.content.libraryUsedShare),
    content('mqls-with-asset-share', 'MQLs sent an asset', 'rate', f.content.mqlsWithAssetShare),
    content('content-requests', 'Content requests', 'count', f.content.contentRequests),
    e2e('sql-share', 'Share of the cohort now SQL', 'rate', f.endToEnd.sqlShare),
    e2e('customer-share', 'Share of the cohort now customer', 'rate', f.endToEnd.customerShare),
    e2e('median-days-to-sql', 'Median days MQL → SQL', 'days', f.endToEnd.medianDaysToSql),
  ];
}

/** The value as people read it: "—" when undefined. */
export function formatFigure(figure: Pick<Figure, 'kind' | 'value'>): string {
  const { value } = figure;
  if (value === null) return '—';
  switch (figure.kind) {
    case 'rate':
      return `${(value * 100).toFixed(1).replace(/\.0$/, '')} %`;
    case 'business_minutes':
    case 'wall_minutes':
      return value < 60 ? `${Math.round(value)} min` : `${(value / 60).toFixed(1).replace(/\.0$/, '')} h`;
    case 'days':
      return `${value.toFixed(1).replace(/\.0$/, '')} d`;
    case 'amount':
      return Math.round(value).toLocaleString('en-US');
    case 'count':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

/** The `data-value` attribute: the number as is, or "" when undefined. */
export function dataValue(value: number | null): string {
  return value === null ? '' : String(value);
}
