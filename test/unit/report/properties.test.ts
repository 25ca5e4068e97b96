import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSlaPolicy, slaState } from '../../../lib/core/sla';
import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES, RECYCLE_REASONS } from '../../../lib/model/schemas';
import {
  computeReport,
  computeReportViews,
  type ReportFigures,
  reportView,
  UNASSIGNED,
} from '../../../lib/report/compute';
import { judgeLead } from '../../../lib/report/lead-outcome';
import { customPeriod, presetPeriod } from '../../../lib/report/period';
import { ReportAnswerSchema, ReportSchema } from '../../../lib/report/report-schema';
import type { LeadSummary } from '../../../lib/report/summary';
import { defaultReportTargets } from '../../../lib/report/targets';
import { calendar, lead, t } from './fixtures';

const H = 3_600_000;
/** The month of March 2025 (DST starts on the 9th), with a week either side for handoffs outside it. */
const period = customPeriod('2025-03-01', '2025-03-31', calendar);
const span = { min: period.from - 7 * 24 * H, max: period.to + 7 * 24 * H };

const owners = ['alex@example.com', 'sam@example.com', 'kim@example.com', undefined];
const arbLead: fc.Arbitrary<LeadSummary> = fc
  .record({
    owner: fc.constantFrom(...owners),
    handoff: fc.option(fc.integer(span), { nil: undefined }),
    score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    attempts: fc.array(
      fc.record({
        offset: fc.integer({ min: -48 * H, max: 20 * 24 * H }),
        channel: fc.constantFrom(...ATTEMPT_CHANNELS),
        outcome: fc.constantFrom(...ATTEMPT_OUTCOMES),
      }),
      { maxLength: 7 },
    ),
    handBack: fc.option(
      fc.record({
        kind: fc.constantFrom('accept' as const, 'recycle' as const, 'disqualify' as const),
        offset: fc.integer({ min: 0, max: 20 * 24 * H }),
        reason: fc.constantFrom(...RECYCLE_REASONS),
      }),
      { nil: undefined },
    ),
    assets: fc.array(
      fc.record({
        id: fc.constantFrom('a1', 'a2', 'a3', 'zz'),
        offset: fc.integer({ min: -48 * H, max: 10 * 24 * H }),
      }),
      {
        maxLength: 3,
      },
    ),
  })
  .map((r) => {
    const base = r.handoff ?? period.from;
    const handBack = r.handBack
      ? {
          kind: r.handBack.kind,
          at: base + r.handBack.offset,
          reason: r.handBack.kind === 'accept' ? undefined : r.handBack.reason,
        }
      : undefined;
    return lead(undefined, {
      owner: r.owner,
      handoffAt: r.handoff,
      handoffScore: r.score,
      stage:
        handBack === undefined
          ? 'mql'
          : handBack.kind === 'accept'
            ? 'sql'
            : handBack.kind === 'recycle'
              ? 'recycled'
              : 'disqualified',
      attempts: r.attempts
        .map((a) => ({ at: base + a.offset, channel: a.channel, outcome: a.outcome }))
        .sort((a, b) => a.at - b.at),
      handBack,
      firstHandBackAt:
        handBack && r.handoff !== undefined && handBack.at >= r.handoff ? handBack.at : undefined,
      assetsSent: r.assets.map((a) => ({ assetId: a.id, at: base + a.offset })),
    });
  });
const arbNow = fc.integer({ min: period.from, max: period.to + 30 * 24 * H });

/** Every rate in the figures, by path. */
function rates(f: ReportFigures): Array<[string, number | null]> {
  return [
    ['compliance', f.firstAttemptSla.compliance],
    ['connectRate', f.attempts.connectRate],
    ['acceptanceRate', f.handBacks.acceptanceRate],
    ['libraryUsedShare', f.content.libraryUsedShare],
    ['mqlsWithAssetShare', f.content.mqlsWithAssetShare],
    ['sqlShare', f.endToEnd.sqlShare],
    ...Object.entries(f.marketing.qualityByScoreBand).map(([k, v]): [string, number | null] => [
      `score ${k}`,
      v.acceptanceRate,
    ]),
    ...Object.entries(f.marketing.qualityBySource).map(([k, v]): [string, number | null] => [
      `source ${k}`,
      v.acceptanceRate,
    ]),
  ];
}

describe('report properties', () => {
  const library = ['a1', 'a2', 'a3'];
  const viewsOf = (leads: LeadSummary[], now: number, targets = defaultReportTargets) =>
    computeReportViews(
      { leads, libraryAssetIds: library, knowsCustomers: false },
      period,
      defaultSlaPolicy,
      calendar,
      targets,
      now,
    );
  const compute = (leads: LeadSummary[], now: number, targets = defaultReportTargets) =>
    reportView(viewsOf(leads, now, targets));

  it('met + breached + pending = cohort, and the cadence and hand-back splits too', () => {
    fc.assert(
      fc.property(fc.array(arbLead, { maxLength: 40 }), arbNow, (leads, now) => {
        const f = compute(leads, now).total;
        const { met, breached, pending } = f.firstAttemptSla;
        expect(met + breached + pending).toBe(f.cohort.mqls);
        expect(f.cadence.met + f.cadence.behind + f.cadence.pending).toBe(f.cohort.mqls);
        expect(
          f.handBacks.accepted + f.handBacks.recycled + f.handBacks.disqualified + f.handBacks.open,
        ).toBe(f.cohort.mqls);
        expect(Object.values(f.speedToLead.bands).reduce((a, b) => a + b, 0)).toBe(
          f.speedToLead.leadsWithAttempt,
        );
        expect(f.neverContacted.pastDeadline).toBeLessThanOrEqual(f.neverContacted.count);
      }),
      { numRuns: 200 },
    );
  });

  it('per-rep counts sum to the team total', () => {
    fc.assert(
      fc.property(fc.array(arbLead, { maxLength: 40 }), arbNow, (leads, now) => {
        const report = compute(leads, now);
        const sum = (pick: (f: ReportFigures) => number) =>
          report.reps.reduce((acc, r) => acc + pick(r.figures), 0);
        const counts: Array<(f: ReportFigures) => number> = [
          (f) => f.cohort.mqls,
          (f) => f.firstAttemptSla.met,
          (f) => f.firstAttemptSla.breached,
          (f) => f.firstAttemptSla.pending,
          (f) => f.cadence.met,
          (f) => f.cadence.behind,
          (f) => f.neverContacted.count,
          (f) => f.attempts.total,
          (f) => f.attempts.connects,
          (f) => f.handBacks.accepted,
          (f) => f.handBacks.recycled,
          (f) => f.handBacks.disqualified,
          (f) => f.content.assetsSent,
          (f) => f.content.mqlsWithAsset,
          (f) => f.content.contentRequests,
          (f) => f.endToEnd.sql,
        ];
        for (const pick of counts) expect(sum(pick)).toBe(pick(report.total));
      }),
      { numRuns: 200 },
    );
  });

  it('every rate lies in [0, 1] or is undefined', () => {
    fc.assert(
      fc.property(fc.array(arbLead, { maxLength: 40 }), arbNow, (leads, now) => {
        const report = compute(leads, now);
        for (const f of [report.total, ...report.reps.map((r) => r.figures)])
          for (const [name, rate] of rates(f)) {
            if (rate === null) continue;
            expect(rate, name).toBeGreaterThanOrEqual(0);
            expect(rate, name).toBeLessThanOrEqual(1);
          }
      }),
      { numRuns: 200 },
    );
  });

  it('every view crosses to the page whole: it passes the wire schema, which bounds every rate', () => {
    fc.assert(
      fc.property(fc.array(arbLead, { maxLength: 40 }), arbNow, (leads, now) => {
        const views = viewsOf(leads, now);
        const answer = ReportAnswerSchema.parse({ views, blindSpots: [] });
        expect(answer.views).toEqual(views);
        for (const owner of [undefined, ...owners.map((o) => o ?? UNASSIGNED)])
          expect(ReportSchema.safeParse(reportView(views, owner)).success).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('a rep’s view is the report over only their leads (the rep filter reads nothing again)', () => {
    fc.assert(
      fc.property(
        fc.array(arbLead, { maxLength: 40 }),
        arbNow,
        fc.constantFrom(...owners),
        (leads, now, pick) => {
          const owner = pick ?? UNASSIGNED;
          const views = viewsOf(leads, now);
          const theirs = leads.filter((l) => (l.owner ?? UNASSIGNED) === owner);
          // Alone, the rep is a team of one: commitments count one rep, as their row does.
          const alone = compute(theirs, now, { ...defaultReportTargets, teamReps: 1 });
          const view = reportView(views, owner);
          expect(view.owner).toBe(owner);
          expect(view.total).toEqual(alone.total);
          expect(view.reps).toEqual(alone.reps);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the report never disagrees with the card’s SLA clock about an open lead', () => {
    fc.assert(
      fc.property(arbLead, arbNow, (summary, now) => {
        if (summary.handoffAt === undefined || now < summary.handoffAt) return;
        const open = { ...summary, stage: 'mql' as const, handBack: undefined, firstHandBackAt: undefined };
        const verdict = judgeLead({ ...open, handoffAt: summary.handoffAt }, defaultSlaPolicy, calendar, now);
        const clock = slaState(
          defaultSlaPolicy,
          calendar,
          {
            id: open.leadId,
            stage: 'mql',
            mqlAt: new Date(summary.handoffAt).toISOString(),
            handoffScore: open.handoffScore,
          },
          open.attempts.map((a) => ({
            leadId: open.leadId,
            at: new Date(a.at).toISOString(),
            outcome: a.outcome,
          })),
          now,
        );
        if (clock.state === 'first_attempt_due') expect(verdict.firstAttempt).toBe('pending');
        if (clock.state === 'first_attempt_breached') expect(verdict.firstAttempt).toBe('breached');
        if (clock.firstAttemptOnTime !== undefined) {
          expect(verdict.firstAttempt).toBe(clock.firstAttemptOnTime ? 'met' : 'breached');
          expect(verdict.firstAttemptAt).toBe(clock.firstAttemptAt);
        }
        expect(verdict.cadence === 'met').toBe(clock.state === 'cadence_complete');
        if (clock.state === 'cadence_breached') expect(verdict.cadence).toBe('behind');
        if (clock.state === 'cadence_on_track' || clock.state === 'cadence_behind')
          expect(verdict.cadence).toBe('pending');
      }),
      { numRuns: 500 },
    );
  });
});

describe('a period boundary in a DST week', () => {
  it('the week before spring-forward ends at Monday 00:00 EDT, not 23:00 the day before', () => {
    const lastWeek = presetPeriod('last_week', calendar, t('2025-03-12T12:00'));
    const leads = [
      lead('2025-03-09T23:30'),
      lead('2025-03-10T00:00'),
      lead('2025-03-03T00:00'),
      lead('2025-03-02T23:59'),
    ];
    const report = computeReport(
      { leads, libraryAssetIds: [], knowsCustomers: false },
      lastWeek,
      defaultSlaPolicy,
      calendar,
      defaultReportTargets,
      t('2025-03-12T12:00'),
    );
    expect(report.total.cohort.mqls).toBe(2);
    expect(report.total.marketing.committed).toBeCloseTo((100 * 1 * 7) / 30.4375, 10);
  });
});
