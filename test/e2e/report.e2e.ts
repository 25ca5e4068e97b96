import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Baton, extensionUrl, launchBaton, saveScreenshot } from './harness';

/**
 * The weekly report in Chromium: a team's week imported on the options page from CSV — the leads
 * (a HubSpot contacts export), their calls (HubSpot's calls export) and a hand-back — the report
 * opened for that week by link, the figures read by test id. Times are built in the page, in the
 * browser's zone, which is the default team calendar's (Monday–Friday 9–5, 4 business hours, 5 in
 * 14 days), and written to the files as UTC instants.
 */
async function weekFiles(page: Page): Promise<Record<'leads' | 'attempts' | 'handbacks', string>> {
  return page.evaluate(() => {
    const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).toISOString();
    const lead = (id: string, owner: string, mqlAt: string) =>
      `${id}@lead.example,Lead,${id},marketingqualifiedlead,${mqlAt},${owner}`;
    const call = (record: number, id: string, when: string, outcome: string) =>
      `${record},Intro call,${when},${outcome},Lead ${id} (${id}@lead.example)`;
    return {
      leads: [
        'Email,First Name,Last Name,Lifecycle Stage,Became a Marketing Qualified Lead Date,Contact owner',
        lead('r1', 'alex@example.com', at(2, 10)), // Monday 2 November
        lead('r2', 'alex@example.com', at(2, 10)),
        lead('r3', 'sam@example.com', at(4, 9)),
        lead('r4', 'sam@example.com', at(5, 9)),
        lead('r5', 'sam@example.com', at(9, 10)), // the next Monday: outside the week
      ].join('\r\n'),
      attempts: [
        'Record ID,Call Title,Activity date,Call outcome,Associated Contact',
        call(7001, 'r1', at(2, 10, 30), 'No answer'), // 30 business minutes: met
        call(7002, 'r2', at(3, 15), 'Busy'), // 7 h Monday + 6 h Tuesday = 780: breached
        call(7003, 'r4', at(5, 9, 5), 'Connected'), // 5 minutes: met
      ].join('\r\n'),
      handbacks: ['Date,Lead email,Decision,Reason', `${at(5, 10)},r4@lead.example,Recycled,No budget`].join(
        '\r\n',
      ),
    };
  });
}

/** Imports one file through the options page's import, as a user would, and waits for its result. */
async function importCsv(page: Page, kind: string, text: string): Promise<string> {
  await page.getByTestId('import-kind').selectOption(kind);
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: `${kind}.csv`, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('import-mapping').waitFor();
  await page.getByTestId('import-start').click();
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 30_000 });
  expect(await result.getAttribute('data-status')).toBe('done');
  const message = (await result.textContent()) ?? '';
  await page.getByRole('button', { name: 'Import another file' }).click();
  return message;
}

describe('the weekly report', () => {
  let baton: Baton;
  let report: Page;

  beforeAll(async () => {
    baton = await launchBaton();
    const options = await baton.context.newPage();
    await options.goto(extensionUrl(baton, 'options.html'));
    await options.getByTestId('workspace-counts').waitFor(); // the background has created the store
    const files = await weekFiles(options);
    expect(await importCsv(options, 'leads', files.leads)).toMatch(/5 leads new/);
    expect(await importCsv(options, 'attempts', files.attempts)).toMatch(/3 attempts new.*no rows skipped/);
    expect(await importCsv(options, 'handbacks', files.handbacks)).toMatch(/1 hand-back new/);
    const period = await options.evaluate(() => ({
      from: new Date(2026, 10, 2).toISOString(),
      to: new Date(2026, 10, 9).toISOString(),
    }));
    report = await baton.context.newPage();
    await report.goto(extensionUrl(baton, `report.html?from=${period.from}&to=${period.to}`));
    await report.getByTestId('report-cohort-mqls').first().waitFor();
  });
  afterAll(async () => baton?.close());

  const value = async (id: string, scope: Page | ReturnType<Page['locator']> = report) =>
    scope.getByTestId(id).first().getAttribute('data-value');

  test('the link reproduces the period', async () => {
    const period = report.getByTestId('report-period');
    const from = await period.getAttribute('data-from');
    expect(new Date(from ?? '').getDate()).toBe(2);
    expect(report.url()).toContain(`from=${encodeURIComponent(from ?? '')}`);
  });

  test('team figures, by test id', async () => {
    const expected: Record<string, string> = {
      'report-cohort-mqls': '4',
      'report-sla-met': '2',
      'report-sla-breached': '2',
      'report-sla-pending': '0',
      'report-sla-compliance': '0.5',
      'report-speed-median-business-min': '30',
      'report-speed-p90-business-min': '780',
      'report-speed-band-le5': '1',
      'report-speed-band-le60': '1',
      'report-speed-band-gt480': '1',
      'report-never-contacted': '1',
      'report-cadence-met': '1',
      'report-cadence-behind': '3',
      'report-accepted': '0',
      'report-recycled': '1',
      'report-acceptance-rate': '0',
      'report-reason-no_budget': '1',
      'report-marketing-delivered': '4',
      'report-content-requests': '0',
    };
    const seen: Record<string, string | null> = {};
    for (const id of Object.keys(expected)) seen[id] = await value(id);
    expect(seen).toEqual(expected);
  });

  test('the README screenshot (only with UPDATE_SCREENSHOTS=1)', async () => {
    await saveScreenshot(report, 'docs/screenshot-report.png', { width: 1100, height: 900 }, false);
  });

  test('one row per rep, holding the same ids', async () => {
    const reps = report.getByTestId('report-rep');
    expect(await reps.evaluateAll((els) => els.map((e) => e.getAttribute('data-owner')))).toEqual([
      'alex@example.com',
      'sam@example.com',
    ]);
    const sam = report.locator('[data-testid="report-rep"][data-owner="sam@example.com"]');
    expect(await value('report-cohort-mqls', sam)).toBe('2');
    expect(await value('report-sla-met', sam)).toBe('1');
    expect(await value('report-sla-compliance', sam)).toBe('0.5');
  });

  test('the rep filter keeps one owner and goes into the link', async () => {
    await report.getByLabel('Rep').selectOption('alex@example.com');
    await report.waitForURL(/owner=alex%40example.com/);
    await report.waitForFunction(
      () => document.querySelector('[data-testid="report-cohort-mqls"]')?.getAttribute('data-value') === '2',
    );
    expect(await value('report-sla-compliance')).toBe('0.5');
  });
});
