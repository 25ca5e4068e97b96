import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type FakeSalesforce,
  type FakeSalesforceState,
  HERO_IDS,
  type RequestLogEntry,
  startFakeSalesforce,
} from '../salesforce-server/server.mjs';
import { type Baton, extensionUrl, launchBaton, openPanel, saveScreenshot, tabIdOf } from './harness';

/** The saved Lightning Lead page (test/fixtures/salesforce), served under its real URL. */
const MARCO_PAGE = `https://baton-demo.lightning.force.com/lightning/r/Lead/${HERO_IDS.marco}/view`;

describe('Baton with Salesforce connected (local test server)', () => {
  let baton: Baton;
  let salesforce: FakeSalesforce;
  const control = async <T>(path: string, body?: unknown): Promise<T> =>
    (await (
      await fetch(`${salesforce.controlUrl}${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
    ).json()) as T;
  const state = () => control<FakeSalesforceState>('/state');

  beforeAll(async () => {
    salesforce = await startFakeSalesforce({
      port: 0,
      controlPort: 0,
      consumerKey: 'baton-e2e-consumer-key-0123456789',
    });
    baton = await launchBaton();
  });
  afterAll(async () => {
    await baton?.close();
    await salesforce?.close();
  });

  test('connect through the OAuth flow (launchWebAuthFlow, PKCE): the code is exchanged and the org read', async () => {
    const options = await baton.context.newPage();
    await options.goto(extensionUrl(baton, 'options.html'));
    await options.getByTestId('crm-source-salesforce').click();
    const redirect = await options.getByTestId('sf-redirect-url').inputValue();
    expect(redirect).toBe(`https://${baton.extensionId}.chromiumapp.org/`);
    await options.getByTestId('sf-login-host').selectOption('my-domain');
    await options.getByTestId('sf-my-domain').fill(salesforce.url);
    // A wrong consumer key: Salesforce sends the flow back with an error, which the page names.
    await options.getByTestId('sf-consumer-key').fill('not-the-consumer-key-of-this-app');
    await options.getByTestId('sf-connect').click();
    await expect
      .poll(() => options.getByTestId('sf-error').textContent(), { timeout: 15_000 })
      .toMatch(/consumer key/i);
    await options.getByTestId('sf-consumer-key').fill(salesforce.consumerKey);
    await options.getByTestId('sf-connect').click();
    await options.getByTestId('sf-connected').waitFor({ timeout: 15_000 });
    const log = (await control<{ requests: RequestLogEntry[] }>('/requests')).requests;
    // The authorization code went through the token endpoint with its verifier (the server checks S256).
    expect(
      log.some((r) => r.method === 'POST' && r.path === '/services/oauth2/token' && r.status === 200),
    ).toBe(true);
    await options.getByTestId('sf-setup').waitFor({ timeout: 15_000 });
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await options.setViewportSize({ width: 1000, height: 1100 });
      await options.getByRole('heading', { name: 'CRM', exact: true }).scrollIntoViewIfNeeded();
      await options.evaluate(() => document.querySelector('[aria-label="Salesforce"]')?.scrollIntoView());
    }
    await saveScreenshot(
      options,
      'docs/screenshot-salesforce-options.png',
      { width: 1000, height: 1100 },
      false,
    );
    await options.close();
  });

  test('a saved Lightning Lead page shows the lead’s card from Salesforce; a logged call arrives as one Task; accept sets its status', async () => {
    const page = await baton.context.newPage();
    await page.goto(MARCO_PAGE);
    const panel = await openPanel(baton, await tabIdOf(baton, page));
    await expect
      .poll(() => panel.getByTestId('lead-name').textContent(), { timeout: 15_000 })
      .toBe('Marco Bellini');
    expect(await panel.getByTestId('crm-stage').textContent()).toBe('Salesforce: MQL');
    // Jo's call and Alex's email, logged in Salesforce, are on the card.
    await expect.poll(() => panel.getByTestId('attempt-item').count()).toBeGreaterThanOrEqual(2);
    await saveScreenshot(panel, 'docs/screenshot-salesforce-card.png', { width: 400, height: 900 }, false);

    await panel.getByTestId('log-attempt-call').click();
    const tagged = async () =>
      (await state()).Task.filter(
        (task) =>
          task.WhoId === HERO_IDS.marco &&
          /\[baton:[0-9a-f-]{36}:call:no_answer\]/.test(String(task.Description)),
      );
    // It waits out the five-second undo window, then goes to Salesforce once.
    await expect.poll(async () => (await tagged()).length, { timeout: 20_000, interval: 500 }).toBe(1);
    expect((await tagged())[0]).toMatchObject({
      TaskSubtype: 'Call',
      Status: 'Completed',
      CallDisposition: 'No answer',
    });

    for (const key of ['need', 'budget', 'timeframe'] as const) {
      const field = panel.getByTestId(`missing-field-${key}`);
      if ((await field.count()) === 0) continue;
      if (key === 'timeframe') await field.locator('select').selectOption('Next quarter');
      else await field.locator('input').fill(key === 'budget' ? '$80k' : 'Cart abandonment reporting');
      await field.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => panel.getByTestId(`missing-field-${key}`).count()).toBe(0);
    }
    await panel.getByTestId('accept-sql').click();
    await expect.poll(() => panel.getByTestId('lead-stage').textContent()).toBe('SQL');
    await expect
      .poll(async () => (await state()).Lead.find((lead) => lead.Id === HERO_IDS.marco)?.Status, {
        timeout: 20_000,
        interval: 500,
      })
      .toBe('SQL');
    expect((await tagged()).length).toBe(1);
  });

  test('disconnect revokes the session and forgets the Salesforce data', async () => {
    const options = await baton.context.newPage();
    await options.goto(extensionUrl(baton, 'options.html'));
    options.on('dialog', (dialog) => void dialog.accept());
    await options.getByTestId('sf-disconnect').click();
    await expect.poll(() => options.getByTestId('sf-connected').count(), { timeout: 15_000 }).toBe(0);
    const log = (await control<{ requests: RequestLogEntry[] }>('/requests')).requests;
    expect(log.some((r) => r.path === '/services/oauth2/revoke' && r.status === 200)).toBe(true);
    const page = await baton.context.newPage();
    await page.goto(MARCO_PAGE);
    const panel = await openPanel(baton, await tabIdOf(baton, page));
    // Back on the local store, which has no such lead: the panel offers to add or link one.
    await panel.getByText('Not in your leads').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('lead-name').count()).toBe(0);
  });
});
