/**
 * The HubSpot report's request budget (issue #15 item 6): 1,000 MQLs and 5,000 engagements in
 * ≤ 60 requests, counted at the local HubSpot test server and printed. The time shown is the
 * paced read's (search is held under HubSpot's 5 a second), not a figure to tune.
 */
import { afterAll, bench, describe } from 'vitest';
import { customPeriod } from '../../lib/report/period';
import { type FakeServer, reportHarness } from '../fixtures/hubspot-report-harness';
import { teamMonth } from '../fixtures/hubspot-team-month';
import { startFakeHubSpot } from '../hubspot-server/server.mjs';
import { calendar } from '../unit/report/fixtures';

const BUDGET = 60;
const period = customPeriod('2026-10-01', '2026-10-31', calendar);
const window = { from: period.from, to: period.to };
const month = teamMonth({ ...window, mqls: 1000, engagements: 5000 });
const server = (await startFakeHubSpot({ port: 0, controlPort: 0 })) as FakeServer;
const { source, requestsSince } = await reportHarness(server).seeded(month);
// Counted once before the bench runs, so the figure can stand in its name: the bench reporter
// shows names, not a suite's console output.
const measured = await (async () => {
  const before = (await requestsSince()).length;
  await source.readReportData(window);
  return (await requestsSince()).length - before;
})();
const figure =
  `HubSpot report: ${measured} requests for ${month.mqlCount} MQLs and ${month.engagementCount} engagements ` +
  `(budget ${BUDGET}: ${measured <= BUDGET ? 'within' : 'OVER'})`;
console.log(figure);

describe('HubSpot report', () => {
  afterAll(() => server.close());

  bench(
    figure,
    async () => {
      await source.forgetReportData(window);
      await source.readReportData(window);
    },
    { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 },
  );
});
