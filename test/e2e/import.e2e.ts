import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openGmailThreadWith } from '../../scripts/chromium-setup.mjs';
import { type Baton, extensionUrl, launchBaton, loadSampleWorkspace, openPanel, tabIdOf } from './harness';

const THREAD_UNKNOWN = 'FMfcgzQbfNqZuJwTyVaBcDeFgHiJkLmN';

/** A HubSpot contact export: Sam (not in the sample), a bad email, a formula cell, and filler rows. */
function hubspotExport(): Buffer {
  const header =
    'Record ID,First Name,Last Name,Email,Job Title,Company Name,Lifecycle Stage,Number of Employees,Became a Marketing Qualified Lead Date,Notes';
  const filler = Array.from(
    { length: 10_000 },
    (_, i) =>
      `${900000 + i},Filler,Person ${i},filler${i}@bulk.example,Analyst,Bulk Co,Lead,51-200,,"line one\nline two"`,
  );
  const rows = [
    '880001,Sam,Unlisted,sam@unlisted-corp.example,Founder,Unlisted Corp,Marketing Qualified Lead,12,2026-11-19 09:00,Asked about pricing',
    '880002,Bad,Row,not-an-email,CTO,Nowhere,Lead,10,,',
    '880003,Formula,Cell,formula@bulk.example,=CMD("calc"),Bulk Co,Lead,10,,',
    ...filler,
  ];
  return Buffer.from(`\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`, 'utf8');
}

describe('import, report, export in the options page', () => {
  let baton: Baton;
  let options: Page;

  beforeAll(async () => {
    baton = await launchBaton();
    await loadSampleWorkspace(baton);
    options = await baton.context.newPage();
    await options.goto(extensionUrl(baton, 'options.html'));
  });
  afterAll(async () => baton?.close());

  test('a HubSpot export: proposed mapping, progress, result, rejection report', async () => {
    await options.getByTestId('import-file').setInputFiles({
      name: 'hubspot-contacts.csv',
      mimeType: 'text/csv',
      buffer: hubspotExport(),
    });
    const mapping = options.getByTestId('import-mapping');
    await mapping.waitFor();
    // HubSpot's headers are recognised; the unknown "Notes" column is ignored until the user maps it.
    expect(await options.getByTestId('import-map-0').inputValue()).toBe('hubspotId');
    expect(await options.getByTestId('import-map-6').inputValue()).toBe('lifecycleStage');
    expect(await options.getByTestId('import-map-8').inputValue()).toBe('mqlAt');
    expect(await options.getByTestId('import-map-9').inputValue()).toBe('');
    await options.getByTestId('import-map-9').selectOption('need');

    // Record every progress text the page shows, however briefly.
    await options.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const node = document.querySelector('[data-testid="import-progress"]');
        if (node?.textContent) seen.push(node.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await options.getByTestId('import-start').click();
    const result = options.getByTestId('import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.getAttribute('data-status')).toBe('done');
    expect(await result.textContent()).toMatch(
      /Imported 10,003 rows: 10,002 leads new, 0 updated; 1 row skipped/,
    );
    const progressSeen = await options.evaluate(
      () => (window as unknown as { progressSeen: string[] }).progressSeen,
    );
    expect(progressSeen.some((text) => /rows imported · \d+ rejected/.test(text))).toBe(true);

    const report = options.getByTestId('import-report');
    expect(await report.textContent()).toMatch(/3EmailSkipped: must be an email address/);
    expect(await report.textContent()).toMatch(
      /4Job TitleKept: "=CMD\("calc"\)" starts like a spreadsheet formula/,
    );
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('import-report-download').click(),
    ]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv).toContain('3,"Email","must be an email address","row skipped"');
    expect(download.suggestedFilename()).toBe('hubspot-contacts-import-report.csv');
    await options
      .getByTestId('workspace-counts')
      .filter({ hasText: /^10302 leads/ })
      .waitFor();
  });

  test('the imported lead is found from a Gmail thread', async () => {
    const gmail = await baton.context.newPage();
    await gmail.goto(`https://mail.google.com/mail/u/0/#inbox/${THREAD_UNKNOWN}`);
    const panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await expect
      .poll(() => panel.getByTestId('lead-name').textContent(), { timeout: 15_000 })
      .toBe('Sam Unlisted');
    expect(await panel.getByTestId('lead-stage').textContent()).toBe('MQL');
    await panel.close();
    await gmail.close();
  });

  test('the mapping is remembered, and re-importing the same file updates in place', async () => {
    await options.reload();
    await options.getByTestId('import-file').setInputFiles({
      name: 'hubspot-contacts.csv',
      mimeType: 'text/csv',
      buffer: hubspotExport(),
    });
    await options.getByTestId('import-mapping').waitFor();
    expect(await options.getByTestId('import-map-9').inputValue()).toBe('need');
    await options.getByTestId('import-start').click();
    const result = options.getByTestId('import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(/0 leads new, 10,002 updated/);
    await options
      .getByTestId('workspace-counts')
      .filter({ hasText: /^10302 leads/ })
      .waitFor();
  });

  test('a file that is not CSV is refused with a clear message', async () => {
    await options.reload();
    await options.getByTestId('import-file').setInputFiles({
      name: 'contacts.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]),
    });
    await expect
      .poll(() => options.getByTestId('import-result').textContent())
      .toMatch(/workbook \(\.xlsx\).*CSV UTF-8/);
  });

  test('exports download as CSV and the backup as JSON', async () => {
    const [attempts] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('export-attempts').click(),
    ]);
    const text = readFileSync((await attempts.path()) ?? '', 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFF"Date","Lead","Lead email","Lead ID","Channel","Outcome","Note","Sync","Attempt ID"',
    );
    expect(text.split('\r\n').length).toBeGreaterThan(10);
    const [backup] = await Promise.all([
      options.waitForEvent('download'),
      options.getByTestId('export-backup').click(),
    ]);
    const json = JSON.parse(readFileSync((await backup.path()) ?? '', 'utf8'));
    expect(json).toMatchObject({ format: 'baton-backup', version: 1 });
    expect(json.tables.leads).toHaveLength(10_302);
    expect(json.settings.value.slaPolicy.firstAttemptBusinessMinutes).toBeGreaterThan(0);

    // The same backup, restored with another SLA: the workspace comes back and so do the settings.
    json.settings.value.slaPolicy.firstAttemptBusinessMinutes = 75;
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByTestId('restore-file').setInputFiles({
      name: 'baton-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(json)),
    });
    await expect
      .poll(() => options.getByTestId('restore-result').textContent(), { timeout: 30_000 })
      .toMatch(/^Restored 10,?302 leads.*and the settings\.$/);
    const stored = await options.evaluate(async () => {
      const { settings } = await chrome.storage.local.get('settings');
      return (settings as { slaPolicy: { firstAttemptBusinessMinutes: number } }).slaPolicy;
    });
    expect(stored.firstAttemptBusinessMinutes).toBe(75);
  });

  test('a damaged backup is refused and changes nothing', async () => {
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByTestId('restore-file').setInputFiles({
      name: 'baton-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify({
          format: 'baton-backup',
          version: 1,
          exportedAt: '2026-11-24T15:00:00.000Z',
          tables: {
            leads: [{ id: 'x' }],
            touches: [],
            assets: [],
            attempts: [],
            dispositions: [],
            assetsSent: [],
            contentRequests: [],
          },
        }),
      ),
    });
    await expect
      .poll(() => options.getByTestId('restore-result').textContent())
      .toMatch(/damaged, so nothing was changed: leads\[0\]/);
    await options.reload();
    await options
      .getByTestId('workspace-counts')
      .filter({ hasText: /^10302 leads/ })
      .waitFor();
  });

  test('an options page closed mid-import still tells the background: the open panel finds the new lead', async () => {
    // A Gmail thread with someone Baton does not know yet (the saved page's unknown thread, re-addressed).
    const gmail = await baton.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    const thread = 'FMfcgzQbfLateImportQuinnNewcomer';
    await openGmailThreadWith(gmail, {
      base: { id: THREAD_UNKNOWN, email: 'sam@unlisted-corp.example' },
      email: 'quinn@late-import.example',
      thread,
    });
    const panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await expect
      .poll(() => panel.getByTestId('detected-identity').textContent(), { timeout: 15_000 })
      .toContain('quinn@late-import.example');

    // Quinn is in the first chunk; 60,000 more rows keep the import running when the page closes.
    const header = 'First Name,Last Name,Email,Company Name';
    const rows = ['Quinn,Newcomer,quinn@late-import.example,Late Import Co'];
    for (let i = 0; i < 60_000; i++)
      rows.push(`Late,Filler ${i},late${i}@late-import.example,Late Import Co`);
    const page = await baton.context.newPage();
    await page.goto(extensionUrl(baton, 'options.html'));
    await page.getByTestId('import-file').setInputFiles({
      name: 'late.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\n${rows.join('\n')}\n`),
    });
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('import-start').click();
    await page
      .getByTestId('import-progress')
      .filter({ hasText: /[1-9][\d,]* rows imported/ })
      .waitFor();
    expect(await page.getByTestId('import-result').count()).toBe(0); // still running
    await page.close({ runBeforeUnload: true });

    await expect
      .poll(() => panel.getByTestId('lead-name').textContent(), { timeout: 15_000 })
      .toBe('Quinn Newcomer');
    await panel.close();
    await gmail.close();
  });

  // Issue 22: files shaped like real exports (test/fixtures/import/), imported as a new user would.
  const fixtureFile = (name: string) => ({
    name,
    mimeType: 'text/csv',
    buffer: readFileSync(resolve('test/fixtures/import', name)),
  });
  /** Leads with this email, read from the extension's IndexedDB in the options page. */
  const leadsWithEmail = (email: string) =>
    options.evaluate(
      (address) =>
        new Promise<
          Array<{ name: string; company?: string; stage: string; mqlAt?: string; crmKeys: string[] }>
        >((done, fail) => {
          const open = indexedDB.open('baton');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const request = open.result
              .transaction('leads')
              .objectStore('leads')
              .index('emails')
              .getAll(address);
            request.onsuccess = () => {
              done(request.result);
              open.result.close();
            };
            request.onerror = () => fail(request.error);
          };
        }),
      email,
    );
  const statusSelect = async (value: string) => {
    const rows = options.getByTestId('import-status-values').locator('tbody tr');
    const texts = await rows.locator('th').allTextContents();
    const index = texts.indexOf(value);
    expect(index).toBeGreaterThanOrEqual(0);
    return options.getByTestId(`import-status-${index}`);
  };

  test('a Salesforce API-name export: Salesforce ids kept, statuses and handoff shown and chosen, a shared email kept apart', async () => {
    await options.reload();
    await options.getByTestId('import-file').setInputFiles(fixtureFile('salesforce-leads.csv'));
    await options.getByTestId('import-mapping').waitFor();
    // Id is the Salesforce reference (00Q…), not a Baton id; OwnerId the owner; LastTransferDate the handoff.
    expect(await options.getByTestId('import-map-0').inputValue()).toBe('salesforceId');
    expect(await options.getByTestId('import-map-6').inputValue()).toBe('leadStatus');
    expect(await options.getByTestId('import-map-8').inputValue()).toBe('owner');
    expect(await options.getByTestId('import-map-11').inputValue()).toBe('handoffAt');

    // Every status in the file, with the stage it proposes; the unknown one is the user's to choose.
    await options.getByTestId('import-status-values').waitFor();
    expect(await (await statusSelect('Nurturing')).inputValue()).toBe('recycled');
    expect(await (await statusSelect('Qualified')).inputValue()).toBe('sql');
    expect(await (await statusSelect('Closed - Not Converted')).inputValue()).toBe('disqualified');
    expect(await (await statusSelect('Open - Not Contacted')).inputValue()).toBe('mql');
    expect(await (await statusSelect('Awaiting Budget')).inputValue()).toBe('');
    const summary = options.getByTestId('import-handoff-summary');
    await expect
      .poll(() => summary.textContent())
      .toMatch(/^5 MQLs in this file\. 1 would have no handoff date/);
    await (await statusSelect('Awaiting Budget')).selectOption('mql');
    await expect
      .poll(() => summary.textContent())
      .toMatch(/^6 MQLs in this file\. 2 would have no handoff date/);
    // The user takes the creation date instead: every MQL gets a clock.
    expect(await options.getByTestId('import-handoff-column').textContent()).toMatch(
      /CreatedDate \(gives 6 of them a date\).*LastTransferDate \(gives 4 of them a date\)/,
    );
    await options
      .getByTestId('import-handoff-column')
      .selectOption({ label: 'CreatedDate (gives 6 of them a date)' });
    expect(await options.getByTestId('import-map-9').inputValue()).toBe('handoffAt');
    expect(await options.getByTestId('import-map-11').inputValue()).toBe('');
    await expect.poll(() => summary.textContent()).toMatch(/Every MQL gets a handoff date/);

    await options.getByTestId('import-start').click();
    const result = options.getByTestId('import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(
      /Imported 11 rows: 11 leads new, 0 updated; no rows skipped\. 1 row shared an email with a lead of another name: kept apart, listed in the report as possible duplicates\./,
    );
    expect(await options.getByTestId('import-report').textContent()).toMatch(
      /11EmailKept: possible duplicate: "a@a\.com" is also the email of "Alice Smith"/,
    );
    expect((await leadsWithEmail('a@a.com')).map((lead) => lead.name).sort()).toEqual([
      'Alice Smith',
      'Bob Jones',
    ]);
    expect(await leadsWithEmail('kim@lee.example')).toMatchObject([
      { stage: 'recycled', crmKeys: ['salesforce:00Q8d00000XyZa3EAF'] },
    ]);
    expect(await leadsWithEmail('quinn@hale.example')).toMatchObject([
      { stage: 'mql', mqlAt: '2026-11-14T09:00:00.000Z', crmKeys: ['salesforce:0038d00000PqRs1AAB'] },
    ]);

    // The Salesforce Lead page of an imported lead finds it by its id.
    const lightning = await baton.context.newPage();
    await lightning.goto('https://baton-demo.lightning.force.com/lightning/r/Lead/00Q8d00000XyZa1EAF/view');
    const panel = await openPanel(baton, await tabIdOf(baton, lightning));
    await expect
      .poll(() => panel.getByTestId('lead-name').textContent(), { timeout: 15_000 })
      .toBe('Ines Ferreira');
    expect(await panel.getByTestId('lead-stage').textContent()).toBe('MQL');
    await panel.close();
    await lightning.close();

    // The same file again: nobody duplicated, the same person listed again.
    await options.getByRole('button', { name: 'Import another file' }).click();
    await options.getByTestId('import-file').setInputFiles(fixtureFile('salesforce-leads.csv'));
    await options.getByTestId('import-status-values').waitFor();
    // The choice made for "Awaiting Budget" is remembered, like the columns.
    expect(await (await statusSelect('Awaiting Budget')).inputValue()).toBe('mql');
    await options.getByTestId('import-start').click();
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(/0 leads new, 11 updated.*1 row shared an email/);
    expect(await leadsWithEmail('a@a.com')).toHaveLength(2);
  });

  test('a HubSpot export Excel re-saved: mangled ids unused, phones no formula, two company columns fill each other', async () => {
    await options.reload();
    await options.getByTestId('import-file').setInputFiles(fixtureFile('hubspot-excel-ids.csv'));
    await options.getByTestId('import-mapping').waitFor();
    expect(await options.getByTestId('import-map-0').inputValue()).toBe('hubspotId');
    await options.getByTestId('import-start').click();
    const result = options.getByTestId('import-result');
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(
      /4 leads new, 0 updated; no rows skipped\. 3 CRM ids were unusable \(3 written in scientific notation by a spreadsheet \(digits lost\)\): not used to match/,
    );
    const report = (await options.getByTestId('import-report').textContent()) ?? '';
    expect(report).toMatch(/2Record IDKept: HubSpot id "1\.11015E\+11" is written in scientific notation/);
    expect(report).not.toMatch(/formula/);
    expect((await leadsWithEmail('avery@blueridge.example'))[0]).toMatchObject({
      name: 'Avery Okafor',
      crmKeys: [],
    });

    await options.getByRole('button', { name: 'Import another file' }).click();
    await options.getByTestId('import-file').setInputFiles(fixtureFile('hubspot-two-companies.csv'));
    await options.getByTestId('import-mapping').waitFor();
    // "Contact ID" is HubSpot's; both company columns are proposed, and the page says how full each is.
    expect(await options.getByTestId('import-map-0').inputValue()).toBe('hubspotId');
    expect(await options.getByTestId('import-map-4').inputValue()).toBe('company');
    expect(await options.getByTestId('import-map-8').inputValue()).toBe('company');
    await expect.poll(() => options.getByTestId('import-filled-4').textContent()).toBe('1 of 4');
    expect(await options.getByTestId('import-filled-8').textContent()).toBe('4 of 4');
    // No MQL date column: "Create Date" is offered, and every MQL gets a clock from it.
    expect(await options.getByTestId('import-map-7').inputValue()).toBe('handoffAt');
    await expect
      .poll(() => options.getByTestId('import-handoff-summary').textContent())
      .toMatch(/^3 MQLs in this file\. Every MQL gets a handoff date/);
    await options.getByTestId('import-start').click();
    await result.waitFor({ timeout: 30_000 });
    expect(await result.textContent()).toMatch(/4 leads new.*3 CRM ids were unusable/);
    expect(await options.getByTestId('import-report').textContent()).not.toMatch(/formula/);
    expect((await leadsWithEmail('rae@stone.example'))[0]).toMatchObject({
      company: 'Stone Works',
      stage: 'mql',
      mqlAt: '2026-11-01T09:00:00.000Z',
    });
    expect((await leadsWithEmail('sol@vega.example'))[0]?.company).toBe('Vega Contact Co');
  });
});
