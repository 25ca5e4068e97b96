import { describe, expect, it } from 'vitest';
import { defaultSlaPolicy, SlaPolicy } from '../../../lib/core/sla';
import { computeReport, type ReportData, speedBand } from '../../../lib/report/compute';
import { customPeriod } from '../../../lib/report/period';
import type { LeadSummary } from '../../../lib/report/summary';
import { ReportTargets } from '../../../lib/report/targets';
import { calendar, lead, t } from './fixtures';

/** The week of Monday 30 June 2025 (Friday 4 July is a holiday). */
const week = customPeriod('2025-06-30', '2025-07-06', calendar);
const now = t('2025-07-21T12:00'); // three weeks later: every first-attempt deadline has passed
const targets = ReportTargets.parse({});
const data = (leads: LeadSummary[], over: Partial<ReportData> = {}): ReportData => ({
  leads,
  libraryAssetIds: [],
  knowsCustomers: false,
  ...over,
});
const run = (
  leads: LeadSummary[],
  opts: { now?: number; policy?: SlaPolicy; targets?: ReportTargets } = {},
) =>
  computeReport(
    data(leads),
    week,
    opts.policy ?? defaultSlaPolicy,
    calendar,
    opts.targets ?? targets,
    opts.now ?? now,
  );
const call = (local: string, outcome: LeadSummary['attempts'][number]['outcome'] = 'no_answer') => ({
  at: t(local),
  channel: 'call' as const,
  outcome,
});

describe('the cohort', () => {
  it('holds leads handed over in [from, to), whatever their stage now', () => {
    const report = run([
      lead('2025-06-30T00:00'),
      lead('2025-07-06T23:59', { stage: 'sql' }),
      lead('2025-07-07T00:00'),
      lead('2025-06-29T23:59'),
      lead(undefined),
    ]);
    expect(report.total.cohort.mqls).toBe(2);
  });
});

describe('first-attempt SLA', () => {
  it('an attempt before the handoff does not count as the first attempt', () => {
    const report = run([lead('2025-06-30T10:00', { attempts: [call('2025-06-30T09:00')] })]);
    expect(report.total.firstAttemptSla).toMatchObject({ met: 0, breached: 1, pending: 0 });
    expect(report.total.neverContacted).toEqual({ count: 1, pastDeadline: 1 });
    expect(report.total.speedToLead.leadsWithAttempt).toBe(0);
  });

  it('a hand-back with no attempt is a first response: met when before the deadline', () => {
    const report = run([
      lead('2025-06-30T10:00', {
        stage: 'disqualified',
        handBack: { kind: 'disqualify', at: t('2025-06-30T11:00'), reason: 'wrong_contact' },
        firstHandBackAt: t('2025-06-30T11:00'),
      }),
    ]);
    expect(report.total.firstAttemptSla).toMatchObject({ met: 1, breached: 0, compliance: 1 });
    // …but it is still never contacted, and speed to lead has no value for it.
    expect(report.total.neverContacted.count).toBe(1);
    expect(report.total.speedToLead.medianBusinessMinutes).toBeNull();
    expect(report.total.handBacks).toMatchObject({ disqualified: 1, acceptanceRate: 0 });
    expect(report.total.handBacks.reasons.wrong_contact).toBe(1);
  });

  it('a holiday inside the window moves the deadline: Thursday 15:00 + 4 h is Monday 11:00', () => {
    const handoff = '2025-07-03T15:00';
    const report = run([
      lead(handoff, { attempts: [call('2025-07-07T10:59')] }),
      lead(handoff, { attempts: [call('2025-07-07T11:01')] }),
    ]);
    expect(report.total.firstAttemptSla).toMatchObject({ met: 1, breached: 1, compliance: 0.5 });
    // Business minutes: 2 h on Thursday + 1 h 59 / 2 h 01 on Monday; the holiday counts for nothing.
    expect(report.total.speedToLead.medianBusinessMinutes).toBe(240);
    expect(report.total.speedToLead.p90BusinessMinutes).toBe(241);
  });

  it('pending while the deadline is ahead; breached once now passes it with no response', () => {
    const handoff = '2025-07-03T15:00';
    const before = run([lead(handoff)], { now: t('2025-07-07T10:00') });
    expect(before.total.firstAttemptSla).toMatchObject({ pending: 1, compliance: null });
    expect(before.total.neverContacted).toEqual({ count: 1, pastDeadline: 0 });
    const after = run([lead(handoff)], { now: t('2025-07-07T11:01') });
    expect(after.total.firstAttemptSla).toMatchObject({ breached: 1, compliance: 0 });
  });

  it('a tiered policy: a score-80 lead has 1 business hour, a score-79 lead has 4', () => {
    const policy = SlaPolicy.parse({ tiers: [{ minScore: 80, firstAttemptBusinessMinutes: 60 }] });
    const report = run(
      [
        lead('2025-06-30T10:00', { handoffScore: 80, attempts: [call('2025-06-30T12:00')] }),
        lead('2025-06-30T10:00', { handoffScore: 79, attempts: [call('2025-06-30T12:00')] }),
      ],
      { policy },
    );
    expect(report.total.firstAttemptSla).toMatchObject({ met: 1, breached: 1 });
  });
});

describe('speed to lead', () => {
  it('bands include their upper bound', () => {
    expect([5, 5.01, 15, 60, 240, 480, 481].map(speedBand)).toEqual([
      'le5',
      'le15',
      'le15',
      'le60',
      'le240',
      'le480',
      'gt480',
    ]);
  });

  it('the wall-clock median stands beside the business median', () => {
    // Friday 16:00 → Monday 09:30: 90 business minutes, 3,930 wall minutes.
    const report = run([lead('2025-06-27T16:00'), lead('2025-07-04T16:00')], {});
    expect(report.total.cohort.mqls).toBe(1); // 27 June is outside the week
    const fri = customPeriod('2025-06-27', '2025-06-27', calendar);
    const r = computeReport(
      data([lead('2025-06-27T16:00', { attempts: [call('2025-06-30T09:30')] })]),
      fri,
      defaultSlaPolicy,
      calendar,
      targets,
      now,
    );
    expect(r.total.speedToLead).toMatchObject({ medianBusinessMinutes: 90, medianWallMinutes: 3930 });
    expect(r.total.speedToLead.bands.le240).toBe(1);
  });
});

describe('cadence (5 attempts in 14 days)', () => {
  const five = [
    '2025-06-30T11:00',
    '2025-07-01T11:00',
    '2025-07-02T11:00',
    '2025-07-03T11:00',
    '2025-07-07T11:00',
  ];
  it('met with 5 attempts in the window, or a connect, or a hand-back after an attempt', () => {
    const report = run([
      lead('2025-06-30T10:00', { attempts: five.map((at) => call(at)) }),
      lead('2025-06-30T10:00', { attempts: [call('2025-07-01T10:00', 'connected')] }),
      lead('2025-06-30T10:00', {
        stage: 'recycled',
        attempts: [call('2025-06-30T11:00')],
        handBack: { kind: 'recycle', at: t('2025-07-02T10:00'), reason: 'bad_timing' },
        firstHandBackAt: t('2025-07-02T10:00'),
      }),
      lead('2025-06-30T10:00', { attempts: [call('2025-06-30T11:00')] }),
    ]);
    expect(report.total.cadence).toEqual({ met: 3, behind: 1, pending: 0 });
  });

  it('attempts after the window do not rescue it; pending while the window is open', () => {
    const late = lead('2025-06-30T10:00', {
      attempts: [...five.slice(0, 4).map((at) => call(at)), call('2025-07-15T11:00')],
    });
    expect(run([late]).total.cadence.behind).toBe(1);
    expect(run([late], { now: t('2025-07-08T12:00') }).total.cadence.pending).toBe(1);
  });

  it('a replied outcome is a connect for the connect rate but does not complete the cadence', () => {
    const report = run([
      lead('2025-06-30T10:00', { attempts: [call('2025-06-30T11:00', 'replied'), call('2025-06-30T12:00')] }),
    ]);
    expect(report.total.cadence.behind).toBe(1);
    expect(report.total.attempts).toMatchObject({ total: 2, connects: 1, connectRate: 0.5 });
  });
});

describe('per rep', () => {
  it('a lead reassigned to another rep counts for its owner now, activity included', () => {
    const moved = lead('2025-06-30T10:00', {
      owner: 'sam@example.com',
      attempts: [call('2025-06-30T11:00')],
    });
    const report = run([lead('2025-06-30T10:00'), moved]);
    const sam = report.reps.find((r) => r.owner === 'sam@example.com');
    const alex = report.reps.find((r) => r.owner === 'alex@example.com');
    expect(sam?.figures.cohort.mqls).toBe(1);
    expect(sam?.figures.attempts.total).toBe(1);
    expect(alex?.figures.attempts.total).toBe(0);
    expect(report.total.cohort.mqls).toBe(2);
  });

  it('the rep filter keeps one owner’s leads', () => {
    const report = computeReport(
      data([lead('2025-06-30T10:00'), lead('2025-06-30T10:00', { owner: 'sam@example.com' })]),
      week,
      defaultSlaPolicy,
      calendar,
      targets,
      now,
      { owner: 'sam@example.com' },
    );
    expect(report.total.cohort.mqls).toBe(1);
    expect(report.reps.map((r) => r.owner)).toEqual(['sam@example.com']);
  });
});

describe('hand-backs, marketing, content, end to end', () => {
  const accepted = (over: Partial<LeadSummary> = {}) =>
    lead('2025-06-30T10:00', {
      stage: 'sql',
      handBack: { kind: 'accept', at: t('2025-07-02T10:00') },
      firstHandBackAt: t('2025-07-02T10:00'),
      ...over,
    });

  it('acceptance rate, reasons, days to hand-back and days to SQL', () => {
    const report = run([
      accepted({ handoffScore: 85, touchesBeforeHandoff: 6 }),
      lead('2025-06-30T10:00', {
        stage: 'recycled',
        handoffScore: 50,
        touchesBeforeHandoff: 2,
        handBack: { kind: 'recycle', at: t('2025-07-04T10:00'), reason: 'no_budget' },
      }),
      lead('2025-06-30T10:00'),
    ]);
    const hb = report.total.handBacks;
    expect(hb).toMatchObject({ accepted: 1, recycled: 1, disqualified: 0, open: 1, acceptanceRate: 0.5 });
    expect(hb.reasons.no_budget).toBe(1);
    expect(hb.medianDaysToHandBack).toBe(3);
    expect(report.total.endToEnd).toMatchObject({
      sql: 1,
      sqlShare: 1 / 3,
      medianDaysToSql: 2,
      customers: null,
    });
    expect(report.total.marketing.qualityByScoreBand.s80_100.acceptanceRate).toBe(1);
    expect(report.total.marketing.qualityByScoreBand.s40_59.acceptanceRate).toBe(0);
    expect(report.total.marketing.qualityBySource.unknown).toMatchObject({ accepted: 1, handedBack: 2 });
    expect(report.total.content.touchesBeforeHandoff.accepted.mean).toBe(6);
    expect(report.total.content.touchesBeforeHandoff.recycled.mean).toBe(2);
  });

  it('committed is prorated by days ÷ 30.4375; MQL value and MQLs owed from the targets', () => {
    const report = run([lead('2025-06-30T10:00'), lead('2025-06-30T10:00', { owner: 'sam@example.com' })], {
      targets: ReportTargets.parse({
        mqlsPerRepPerMonth: 100,
        averageDealSize: 20_000,
        mqlToCustomerRate: 0.05,
        revenueOwnedPerMonth: 200_000,
      }),
    });
    const m = report.total.marketing;
    expect(m.reps).toBe(2); // distinct owners in the cohort
    expect(m.committed).toBeCloseTo((100 * 2 * 7) / 30.4375, 10);
    expect(m.mqlValue).toBe(1000);
    expect(m.mqlsOwed).toBeCloseTo((200 * 7) / 30.4375, 10);
    expect(report.reps[0]?.figures.marketing.committed).toBeCloseTo((100 * 7) / 30.4375, 10);
    const team = run([lead('2025-06-30T10:00')], { targets: ReportTargets.parse({ teamReps: 5 }) });
    expect(team.total.marketing.reps).toBe(5);
  });

  it('the measured MQL→customer rate where the source knows customers', () => {
    const leads = [
      accepted({ stage: 'customer', customerAt: t('2025-07-10T10:00') }),
      lead('2025-06-30T10:00'),
    ];
    const report = computeReport(
      data(leads, { knowsCustomers: true }),
      week,
      defaultSlaPolicy,
      calendar,
      ReportTargets.parse({ averageDealSize: 10_000 }),
      now,
    );
    expect(report.total.marketing).toMatchObject({
      mqlToCustomerRate: 0.5,
      mqlToCustomerRateMeasured: true,
      mqlValue: 5000,
    });
    expect(report.total.endToEnd).toMatchObject({
      customers: 1,
      customerShare: 0.5,
      medianDaysToCustomer: 10,
    });
  });

  it('content: assets sent in the period, library share, MQLs with an asset after handoff, requests newest first', () => {
    const report = computeReport(
      data(
        [
          lead('2025-06-30T10:00', {
            assetsSent: [
              { assetId: 'a1', at: t('2025-06-30T09:00') }, // before the handoff: in the period, no MQL credit
              { assetId: 'a2', at: t('2025-07-08T09:00') }, // after the period: MQL credit, not counted as sent
            ],
            contentRequests: [
              { at: t('2025-07-01T09:00'), text: 'SOC 2 report' },
              { at: t('2025-07-02T09:00'), text: 'German pricing' },
            ],
          }),
          lead('2025-06-30T10:00', {
            assetsSent: [{ assetId: 'a1', at: t('2025-07-01T09:00') }],
            // Copied links: shown apart, never sent, never library use (#21 item 8).
            linksCopied: [
              { assetId: 'a3', at: t('2025-07-01T10:00') },
              { assetId: 'a3', at: t('2025-07-09T10:00') }, // after the period
            ],
          }),
        ],
        { libraryAssetIds: ['a1', 'a2', 'a3', 'a4'] },
      ),
      week,
      defaultSlaPolicy,
      calendar,
      targets,
      now,
    );
    const c = report.total.content;
    expect(c).toMatchObject({
      assetsSent: 2,
      linksCopied: 1,
      libraryUsedShare: 0.25,
      mqlsWithAsset: 2,
      mqlsWithAssetShare: 1,
      contentRequests: 2,
    });
    expect(c.byAsset).toEqual({ a1: 2 });
    expect(c.assetsNeverSent).toEqual(['a2', 'a3', 'a4']);
    expect(c.requests.map((r) => r.text)).toEqual(['German pricing', 'SOC 2 report']);
  });
});
