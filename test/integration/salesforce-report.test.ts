/**
 * The weekly report read from Salesforce against the local Salesforce test server, seeded with a
 * team's month (test/fixtures/salesforce-team-month.ts): the figures are counted by hand from the
 * month's plan, API calls are counted at the server, malformed records are counted in `skipped`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { salesforceTokens } from '@/lib/background/salesforce-tokens';
import { defaultSlaPolicy } from '@/lib/core/sla';
import { SalesforceClient } from '@/lib/crm/salesforce/client';
import { type SalesforceConnection, saveSalesforceConnection } from '@/lib/crm/salesforce/connection';
import { readSalesforceReport } from '@/lib/crm/salesforce/report-read';
import { defaultSalesforceSetup } from '@/lib/crm/salesforce/setup';
import {
  forgetSalesforceShared,
  newSalesforceShared,
  SalesforceLeadSource,
} from '@/lib/crm/salesforce/source';
import { computeReport } from '@/lib/report/compute';
import { customPeriod } from '@/lib/report/period';
import { ReportDataSchema } from '@/lib/report/report-data-schema';
import type { ReportProgress } from '@/lib/report/report-progress';
import { defaultReportTargets } from '@/lib/report/targets';
import { CrmDb, crmDb } from '@/lib/store/crm-db';
import { BatonDb } from '@/lib/store/db';
import {
  leadRecordId,
  OWNER_NAMES,
  type SalesforceMonth,
  salesforceMonth,
} from '../fixtures/salesforce-team-month';
import {
  type FakeSalesforce,
  REP_USER_ID,
  type RequestLogEntry,
  startFakeSalesforce,
} from '../salesforce-server/server.mjs';
import { calendar } from '../unit/report/fixtures';

const period = customPeriod('2026-10-01', '2026-10-31', calendar);
const window = { from: period.from, to: period.to };
const NOW = period.to + 20 * 24 * 3_600_000;

let server: FakeSalesforce;
let connection: SalesforceConnection;
let month: SalesforceMonth;

const control = async <T = unknown>(path: string, body?: unknown, method?: string): Promise<T> => {
  const response = await fetch(`${server.controlUrl}${path}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
};
/** The API calls the server saw (the control port and OAuth are not calls). */
const apiCalls = async () =>
  (await control<{ requests: RequestLogEntry[] }>('/requests')).requests.filter((r) =>
    r.path?.startsWith('/services/data/'),
  );

const clientFor = (conn: SalesforceConnection) =>
  new SalesforceClient({
    instanceUrl: conn.instanceUrl,
    tokens: salesforceTokens(),
    timeoutMs: 5_000,
    sleep: async () => {},
  });

async function sourceFor(setup = defaultSalesforceSetup) {
  const db = new BatonDb(`sf-report-${crypto.randomUUID()}`);
  await db.assets.bulkPut(month.library);
  const shared = newSalesforceShared();
  const conn = { ...connection, setup };
  const source = new SalesforceLeadSource(
    clientFor(conn),
    conn,
    db,
    new CrmDb(`sf-report-crm-${crypto.randomUUID()}`),
    undefined,
    shared,
  );
  return { source, shared };
}

const figures = (data: Parameters<typeof computeReport>[0]) =>
  computeReport(data, period, defaultSlaPolicy, calendar, defaultReportTargets, NOW);

beforeAll(async () => {
  server = await startFakeSalesforce({ port: 0, controlPort: 0 });
});
afterAll(async () => server.close());

beforeEach(async () => {
  month = salesforceMonth('2026-10-01', '2026-10-31');
  await control('/reset', {});
  await control('/seed', { empty: true, records: month.records });
  await control('/requests', undefined, 'DELETE');
  const tokens = server.issueTokens();
  connection = {
    system: 'salesforce',
    loginUrl: server.url,
    consumerKey: server.consumerKey,
    instanceUrl: tokens.instanceUrl,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    orgId: '00D000000000001AAA',
    userId: REP_USER_ID,
    setup: defaultSalesforceSetup,
    connectedAt: new Date().toISOString(),
  };
  await crmDb().connections.clear();
  await saveSalesforceConnection(connection);
});

describe('the report from Salesforce (test server)', () => {
  test("the month's figures, counted by hand, in two API calls; malformed records counted", async () => {
    const progress: ReportProgress[] = [];
    const read = await readSalesforceReport(clientFor(connection), {
      window,
      setup: defaultSalesforceSetup,
      library: month.library,
      onProgress: (p) => progress.push(p),
    });
    const log = await apiCalls();
    console.log(
      `Salesforce report: ${log.length} API calls (reader counted ${read.apiCalls}) for ${month.cohort.length} MQLs and ${month.records.filter((r) => r.type === 'Task').length} Tasks; ${read.skipped} records skipped`,
    );
    expect(log.length).toBe(read.apiCalls);
    expect(log.length).toBe(2);
    expect(log.every((r) => r.path?.endsWith('/composite') && r.status === 200)).toBe(true);
    expect(ReportDataSchema.safeParse(read).success).toBe(true);

    // The malformed Lead and Task are left out and counted.
    expect(read.skipped).toBe(2);
    expect(read.leads.some((l) => l.leadId === `salesforce:${leadRecordId(999)}`)).toBe(false);
    expect(read.blindSpots).toContain('2 records Salesforce sent could not be read and are left out.');
    // The lead handed over before the period but worked in it is read; the one after is not.
    const ids = new Set(read.leads.map((l) => l.leadId));
    expect(ids.has(`salesforce:${leadRecordId(900)}`)).toBe(true);
    expect(ids.has(`salesforce:${leadRecordId(901)}`)).toBe(false);

    // By hand, from the plan.
    const plans = month.cohort.map((c) => c.plan);
    const count = (...of: number[]) => plans.filter((p) => of.includes(p)).length;
    const report = figures(read);
    const total = report.total;
    expect(month.cohort.length).toBe(22); // the weekdays of October 2026
    expect(total.cohort.mqls).toBe(22);
    // Met: an attempt 30 minutes after (plans 0, 3, 5) or a hand-back 20 minutes after (4);
    // breached: the call three days later (1) and never contacted (2).
    expect(total.firstAttemptSla).toMatchObject({
      met: count(0, 3, 4, 5),
      breached: count(1, 2),
      pending: 0,
    });
    expect(total.firstAttemptSla.met).toBe(14);
    expect(total.neverContacted).toEqual({ count: count(2, 4), pastDeadline: count(2, 4) });
    expect(total.handBacks).toMatchObject({
      accepted: count(0),
      recycled: count(3, 5),
      disqualified: count(4),
      open: count(1, 2),
    });
    expect(total.handBacks.reasons).toMatchObject({
      no_budget: count(3),
      bad_timing: count(4),
      wrong_contact: count(5),
    });
    // Activity: every readable attempt whose time lies in the period, the before-lead's included.
    const inPeriod = month.attemptTimes.filter((at) => at >= window.from && at < window.to).length;
    expect(total.attempts.total).toBe(inPeriod);
    expect(total.attempts.byChannel).toMatchObject({ email: count(3), linkedin: count(5), voicemail: 1 });
    expect(total.content.assetsSent).toBe(count(5));
    expect(total.content.byAsset).toEqual({ 'asset-roi': count(5) });
    expect(total.content.contentRequests).toBe(count(5));
    // Owners by name, each with its own row.
    expect(report.reps.map((r) => r.owner).sort()).toEqual([...OWNER_NAMES].sort());
    const alex = report.reps.find((r) => r.owner === 'Alex Rep');
    expect(alex?.figures.cohort.mqls).toBe(month.cohort.filter((c) => c.owner === 'Alex Rep').length);

    // Per lead: the accepted lead's time from status history, its campaign response before the handoff.
    const accepted = month.cohort.find((c) => c.plan === 0);
    const summary = read.leads.find((l) => l.leadId === accepted?.id);
    expect(summary?.handBack).toEqual({ kind: 'accept', at: (accepted?.handoffAt ?? 0) + 2 * 86_400_000 });
    expect(summary?.touchesBeforeHandoff).toBe(1);
    expect(summary?.leadSource).toBe('Web');
    const requested = read.leads.find((l) => l.leadId === month.cohort.find((c) => c.plan === 5)?.id);
    expect(requested?.contentRequests[0]?.text).toBe("A SOC 2 report (the 'type II' one)");

    expect(progress.at(-1)).toMatchObject({ step: 3, steps: 3 });
  });

  test('pages of 7 records: the same leads, one call more per further page', async () => {
    const whole = await readSalesforceReport(clientFor(connection), {
      window,
      setup: defaultSalesforceSetup,
      library: month.library,
    });
    await control('/query-batch', { size: 7 });
    await control('/requests', undefined, 'DELETE');
    const paged = await readSalesforceReport(clientFor(connection), {
      window,
      setup: defaultSalesforceSetup,
      library: month.library,
    });
    const log = await apiCalls();
    console.log(`Salesforce report in pages of 7: ${log.length} API calls`);
    expect(paged.apiCalls).toBe(log.length);
    expect(log.length).toBeGreaterThan(2);
    expect(log.filter((r) => r.path?.includes('/query/')).length).toBe(log.length - 2);
    expect(paged.leads).toEqual(whole.leads);
    expect(paged.skipped).toBe(whole.skipped);
  });

  test('the source keeps the period until forgotten (Refresh) and counts what it left out', async () => {
    const { source, shared } = await sourceFor();
    const first = await source.readReportData(window);
    const calls = (await apiCalls()).length;
    expect(calls).toBe(2);
    expect(await source.readReportData(window)).toEqual(first);
    expect((await apiCalls()).length).toBe(calls);
    expect(await source.unreadableRecords()).toBe(2);
    expect('skipped' in first || 'apiCalls' in first).toBe(false);
    await source.forgetReportData(window);
    await source.readReportData(window);
    expect((await apiCalls()).length).toBe(2 * calls);
    forgetSalesforceShared(shared);
    await source.readReportData(window);
    expect((await apiCalls()).length).toBe(3 * calls);
  });
});
