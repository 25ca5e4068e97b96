import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Baton, extensionUrl, launchBaton, saveScreenshot } from './harness';

/**
 * The weekly report in Chromium: a team's week written to the local store, the report opened for
 * that week by link, the figures read by test id. Times are built in the page, in the browser's
 * zone, which is the default team calendar's (Monday–Friday 9–5, 4 business hours, 5 in 14 days).
 * TODO(2026-12-05): import the attempts from CSV once attempt import exists (issue #15 item 5).
 */
async function seedWeek(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const at = (d: number, h: number, m = 0) => new Date(2026, 10, d, h, m).toISOString();
    const lead = (id: string, owner: string, mqlAt: string, stage = 'mql') => ({
      id,
      emails: [],
      name: `Lead ${id}`,
      stage,
      owner,
      mqlAt,
      crm: [],
      sample: false,
      updatedAt: mqlAt,
      crmKeys: [],
      nameLower: `lead ${id}`,
    });
    let n = 0;
    const attempt = (leadId: string, when: string, outcome: string) => ({
      id: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
      leadId,
      at: when,
      channel: 'call',
      outcome,
      sync: 'local',
      sample: false,
    });
    const rows = {
      leads: [
        lead('r1', 'alex@example.com', at(2, 10)), // Monday 2 November
        lead('r2', 'alex@example.com', at(2, 10)),
        lead('r3', 'sam@example.com', at(4, 9)),
        lead('r4', 'sam@example.com', at(5, 9), 'recycled'),
        lead('r5', 'sam@example.com', at(9, 10)), // the next Monday: outside the week
      ],
      attempts: [
        attempt('r1', at(2, 10, 30), 'no_answer'), // 30 business minutes: met
        attempt('r2', at(3, 15), 'no_answer'), // 7 h Monday + 6 h Tuesday = 780: breached
        attempt('r4', at(5, 9, 5), 'connected'), // 5 minutes: met, cadence complete
      ],
      dispositions: [
        {
          kind: 'recycle',
          id: '00000000-0000-4000-8000-0000000000a1',
          leadId: 'r4',
          at: at(5, 10),
          reason: 'no_budget',
        },
      ],
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('baton');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(Object.keys(rows), 'readwrite');
      for (const [table, list] of Object.entries(rows))
        for (const row of list) tx.objectStore(table).put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  });
}

describe('the weekly report', () => {
  let baton: Baton;
  let report: Page;

  beforeAll(async () => {
    baton = await launchBaton();
    const options = await baton.context.newPage();
    await options.goto(extensionUrl(baton, 'options.html'));
    await options.getByTestId('workspace-counts').waitFor(); // the background has created the store
    await seedWeek(options);
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
