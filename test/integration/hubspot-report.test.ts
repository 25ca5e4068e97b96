/**
 * The weekly report read from HubSpot (issue #15 item 3) against the local HubSpot test server,
 * seeded with a team's month: the figures computed over what HubSpot gives equal those computed
 * over hand-built summaries of the same month; requests are counted at the server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { defaultSlaPolicy } from '@/lib/core/sla';
import { computeReport } from '@/lib/report/compute';
import { customPeriod } from '@/lib/report/period';
import { ReportDataSchema } from '@/lib/report/report-data-schema';
import type { ReportProgress } from '@/lib/report/report-progress';
import { defaultReportTargets } from '@/lib/report/targets';
import { type FakeServer, reportHarness } from '../fixtures/hubspot-report-harness';
import { type TeamMonth, teamMonth } from '../fixtures/hubspot-team-month';
import { startFakeHubSpot } from '../hubspot-server/server.mjs';
import { calendar } from '../unit/report/fixtures';

let server: FakeServer;
let harness: ReturnType<typeof reportHarness>;

const period = customPeriod('2026-10-01', '2026-10-31', calendar);
const window = { from: period.from, to: period.to };
const NOW = period.to + 20 * 24 * 3_600_000;

beforeAll(async () => {
  server = (await startFakeHubSpot({ port: 0, controlPort: 0 })) as FakeServer;
  harness = reportHarness(server);
});
afterAll(async () => server.close());

const sourceFor = (month: TeamMonth) => harness.seeded(month);

const figures = (data: Parameters<typeof computeReport>[0]) =>
  computeReport(data, period, defaultSlaPolicy, calendar, defaultReportTargets, NOW);

describe('the report from HubSpot', () => {
  let month: TeamMonth;
  beforeEach(() => {
    month = teamMonth({ ...window, mqls: 60, engagements: 400 });
  });

  test('the figures equal those over hand-built summaries of the same month', async () => {
    const { source } = await sourceFor(month);
    const progress: ReportProgress[] = [];
    const data = await source.readReportData(window, { onProgress: (p) => progress.push(p) });
    expect(ReportDataSchema.safeParse(data).success).toBe(true);
    const byId = (a: { leadId: string }, b: { leadId: string }) => a.leadId.localeCompare(b.leadId);
    expect([...data.leads].sort(byId)).toEqual([...month.expected].sort(byId));
    expect(data.knowsCustomers).toBe(true);
    expect(data.libraryAssetIds).toEqual(month.library.map((a) => a.id));
    const fromHubSpot = figures(data);
    const byHand = figures({ ...data, leads: month.expected });
    expect(fromHubSpot).toEqual(byHand);
    // The month is what it was built to be: several owners, hand-backs with reasons, content.
    expect(fromHubSpot.total.cohort.mqls).toBe(60);
    expect(fromHubSpot.reps.length).toBe(3);
    expect(fromHubSpot.total.handBacks.recycled).toBeGreaterThan(0);
    expect(Object.keys(fromHubSpot.total.handBacks.reasons)).toEqual(
      expect.arrayContaining(['no_budget', 'bad_timing']),
    );
    // The malformed contact and call are left out and said.
    expect(data.blindSpots.some((b) => b.startsWith('2 records HubSpot sent could not be read'))).toBe(true);
    expect(data.blindSpots.some((b) => b.includes('never logged to HubSpot'))).toBe(true);
    expect(await source.unreadableRecords()).toBe(2);
    // Progress went through every step, each share within its bounds, and ended complete.
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.map((p) => p.step)).toEqual([...progress.map((p) => p.step)].sort((a, b) => a - b));
    const last = progress.at(-1);
    expect(last && last.step === last.steps && last.done === last.total).toBe(true);
  });

  test('a second open of the period asks HubSpot nothing until forgotten (Refresh)', async () => {
    const { source, requestsSince } = await sourceFor(month);
    const first = await source.readReportData(window);
    const afterFirst = (await requestsSince()).length;
    expect(afterFirst).toBeGreaterThan(0);
    expect(await source.readReportData(window)).toEqual(first);
    expect((await requestsSince()).length).toBe(afterFirst);
    await source.forgetReportData(window);
    await source.readReportData(window);
    expect((await requestsSince()).length).toBe(2 * afterFirst);
  });

  test('1,000 MQLs and 5,000 engagements in at most 60 requests, none per contact', async () => {
    const big = teamMonth({ ...window, mqls: 1000, engagements: 5000 });
    expect(big.engagementCount).toBeGreaterThanOrEqual(5000);
    const { source, requestsSince } = await sourceFor(big);
    const data = await source.readReportData(window);
    const log = await requestsSince();
    const count = log.length;
    console.info(
      `HubSpot report: ${count} requests for ${big.mqlCount} MQLs and ${big.engagementCount} engagements`,
    );
    expect(count).toBeLessThanOrEqual(60);
    expect(
      data.leads.filter(
        (l) => l.handoffAt !== undefined && l.handoffAt >= window.from && l.handoffAt < window.to,
      ),
    ).toHaveLength(1000);
    expect(log.every((r) => r.status === 200 || r.status === 207)).toBe(true);
    expect(log.some((r) => /\/contacts\/\d+\/associations\//.test(r.path))).toBe(false);
    expect(log.some((r) => r.path.includes('/crm/associations/2026-03/calls/contacts/batch/read'))).toBe(
      true,
    );
  }, 120_000);

  test("a range past search's 10,000 cap is split, and every record is read", async () => {
    const contact = {
      id: '100000',
      properties: {
        firstname: 'Busy',
        hubspot_owner_id: '90001',
        lifecyclestage: 'marketingqualifiedlead',
        hs_lifecyclestage_marketingqualifiedlead_date: new Date(window.from + 3_600_000).toISOString(),
      },
    };
    const n = 10_100;
    const engagements = Array.from({ length: n }, (_, k) => ({
      type: 'notes',
      id: String(500_000 + k),
      properties: {
        hs_timestamp: new Date(window.from + 7_200_000 + k * 60_000).toISOString(),
        hs_note_body: `Content the prospect asked for (logged in Baton): item ${k}\n[baton:req-${k}]`,
      },
      contacts: ['100000'],
    }));
    const crowded: TeamMonth = {
      seed: { empty: true, contacts: [contact], engagements },
      expected: [],
      library: [],
      engagementCount: n,
      mqlCount: 1,
    };
    const { source, requestsSince } = await sourceFor(crowded);
    const data = await source.readReportData(window);
    expect(data.leads).toHaveLength(1);
    expect(data.leads[0]?.contentRequests).toHaveLength(n);
    const log = await requestsSince();
    expect(log.every((r) => r.status === 200)).toBe(true);
  }, 120_000);
});
