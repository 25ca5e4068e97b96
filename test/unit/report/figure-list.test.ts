import { describe, expect, it } from 'vitest';
import { defaultSlaPolicy } from '../../../lib/core/sla';
import { computeReport } from '../../../lib/report/compute';
import { dataValue, figureList, formatFigure } from '../../../lib/report/figure-list';
import { customPeriod } from '../../../lib/report/period';
import { contentRequestsCsv, figuresCsv, reportJson } from '../../../lib/report/report-export';
import { formatReportLink, parseReportLink } from '../../../lib/report/report-url';
import { defaultReportTargets } from '../../../lib/report/targets';
import { calendar, lead, t } from './fixtures';

const week = customPeriod('2025-06-30', '2025-07-06', calendar);
const report = computeReport(
  {
    leads: [
      lead('2025-06-30T10:00', {
        attempts: [{ at: t('2025-06-30T10:30'), channel: 'call', outcome: 'connected' }],
        contentRequests: [{ at: t('2025-07-01T10:00'), text: '=HYPERLINK("http://x.example")' }],
      }),
    ],
    libraryAssetIds: [],
    knowsCustomers: false,
  },
  week,
  defaultSlaPolicy,
  calendar,
  defaultReportTargets,
  t('2025-07-21T12:00'),
);

describe('figures as the page shows them', () => {
  it('carries every test id the issue lists, with machine values', () => {
    const ids = new Map(figureList(report.total).map((f) => [f.id, f]));
    for (const id of [
      'cohort-mqls',
      'sla-met',
      'sla-breached',
      'sla-pending',
      'sla-compliance',
      'speed-median-business-min',
      'speed-p90-business-min',
      'speed-band-le5',
      'speed-band-gt480',
      'never-contacted',
      'cadence-met',
      'cadence-behind',
      'accepted',
      'recycled',
      'disqualified',
      'acceptance-rate',
      'reason-no_budget',
      'assets-sent',
      'library-used-share',
      'mqls-with-asset-share',
      'content-requests',
      'marketing-committed',
      'marketing-delivered',
    ])
      expect(ids.has(id), id).toBe(true);
    expect(ids.get('speed-median-business-min')?.value).toBe(30);
    expect(ids.get('sla-compliance')?.value).toBe(1);
    expect(dataValue(ids.get('acceptance-rate')?.value ?? null)).toBe('');
    expect(formatFigure({ kind: 'rate', value: null })).toBe('—');
    expect(formatFigure({ kind: 'rate', value: 0.5 })).toBe('50 %');
  });

  it('CSV cells are formula-safe; the JSON holds the period, the settings and every figure', () => {
    expect(contentRequestsCsv(report)).toContain(`"'=HYPERLINK(""http://x.example"")"`);
    expect(figuresCsv(report).split('\r\n')[0]).toBe('"owner","group","figure","label","kind","value"');
    const json = JSON.parse(reportJson(report));
    expect(json.period.from).toBe(new Date(week.from).toISOString());
    expect(json.settings.reportTargets.mqlsPerRepPerMonth).toBe(100);
    expect(json.total.firstAttemptSla.met).toBe(1);
    expect(json.reps[0].owner).toBe('alex@example.com');
  });

  it('a link round-trips the period and owner; a bad link is ignored', () => {
    const link = formatReportLink({ from: week.from, to: week.to, owner: 'sam@example.com' });
    expect(parseReportLink(link)).toEqual({
      from: new Date(week.from).toISOString(),
      to: new Date(week.to).toISOString(),
      owner: 'sam@example.com',
    });
    expect(parseReportLink('?from=yesterday&to=2025-07-07T04:00:00.000Z')).toEqual({});
  });
});
