import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeHubSpot } from '../hubspot-server/server.mjs';
import { type Baton, extensionUrl, launchBaton, openPanel, stopServiceWorkers, tabIdOf } from './harness';

type State = {
  contacts?: Array<{ id: string; properties: Record<string, string | null> }>;
  [key: string]: unknown;
};

describe('Baton with HubSpot connected (local test server)', () => {
  let baton: Baton;
  let hubspot: Awaited<ReturnType<typeof startFakeHubSpot>>;
  const state = async (): Promise<State> =>
    (await fetch(`${hubspot.controlUrl}/state`)).json() as Promise<State>;

  beforeAll(async () => {
    hubspot = await startFakeHubSpot({ port: 0, controlPort: 0 });
    baton = await launchBaton();
  });
  afterAll(async () => {
    await baton?.close();
    await hubspot?.close();
  });

  test('connect with a token: a wrong one is refused with a message, the right one is checked and kept', async () => {
    const options = await baton.context.newPage();
    await options.goto(extensionUrl(baton, 'options.html'));
    // Nothing is connected yet: the CRM section's picker starts on "This browser"; HubSpot shows its form.
    await options.getByTestId('crm-source-hubspot').click();
    await options.getByText('Advanced').click();
    await options.getByTestId('crm-base-url').fill(hubspot.url);
    await options.getByTestId('crm-owner').fill('90001');
    await options.getByTestId('crm-token').fill('not-the-right-token');
    await options.getByTestId('crm-connect').click();
    await expect.poll(() => options.getByTestId('crm-error').textContent()).toMatch(/refused the token/);
    await options.getByTestId('crm-token').fill(hubspot.token);
    await options.getByTestId('crm-connect').click();
    await options.getByTestId('crm-connected').waitFor();
  });

  test('a Gmail thread shows the contact’s card from HubSpot; a logged call arrives as a call on the contact', async () => {
    const gmail = await baton.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL');
    const panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await expect
      .poll(() => panel.getByTestId('lead-name').textContent(), { timeout: 15_000 })
      .toBe('Dana Whitfield');
    expect(await panel.getByTestId('lead-stage').textContent()).toBe('MQL');
    // Jo had her before the rep: the rep's clock started when she was reassigned.
    expect(await panel.getByTestId('sla-handoff').textContent()).toMatch(
      /^Handed to you .+, after Jo Teammate/,
    );

    await panel.getByTestId('log-attempt-call').click();
    // It waits out the five-second undo window before going to HubSpot.
    await expect.poll(() => panel.getByTestId('attempt-item').first().textContent()).toContain('Call');
    await expect
      .poll(
        async () => {
          const calls = (
            (await state()).engagements as { calls: Array<{ properties: Record<string, string> }> }
          ).calls;
          return calls.filter((call) =>
            /\[baton:[0-9a-f-]{36}:call:no_answer\]/.test(call.properties.hs_call_title ?? ''),
          ).length;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(1);
  });

  test('fill the blocking fields in place and accept: the lifecycle stage becomes SQL in HubSpot', async () => {
    const gmail = await baton.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL');
    const panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await panel.getByTestId('lead-name').filter({ hasText: 'Dana Whitfield' }).waitFor({ timeout: 15_000 });
    for (const key of ['need', 'budget', 'timeframe'] as const) {
      const field = panel.getByTestId(`missing-field-${key}`);
      if ((await field.count()) === 0) continue;
      if (key === 'timeframe') await field.locator('select').selectOption('Next quarter');
      else await field.locator('input').fill(key === 'budget' ? '$80k' : 'EHR integration risk');
      await field.getByRole('button', { name: 'Save' }).click();
      await expect.poll(() => panel.getByTestId(`missing-field-${key}`).count()).toBe(0);
    }
    // Field edits go through the outbox with no undo window: HubSpot has them shortly.
    await expect
      .poll(async () => (await state()).contacts?.find((c) => c.id === '51001')?.properties.baton_budget, {
        timeout: 20_000,
      })
      .toBe('$80k');
    await panel.getByTestId('accept-sql').click();
    await expect.poll(() => panel.getByTestId('lead-stage').textContent()).toBe('SQL');
    // The hand-back waits out its undo window, then reaches HubSpot; the card stays on SQL meanwhile.
    await expect
      .poll(async () => (await state()).contacts?.find((c) => c.id === '51001')?.properties.lifecyclestage, {
        timeout: 20_000,
      })
      .toBe('salesqualifiedlead');
    expect(await panel.getByTestId('lead-stage').textContent()).toBe('SQL');
  });

  test('attempts logged while HubSpot is down survive a stopped worker and arrive once when it is back', async () => {
    const control = (path: string, body: unknown) =>
      fetch(`${hubspot.controlUrl}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    const gmail = await baton.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfMpYtHvRwSxUzAbCdEfGhJkL');
    let panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await panel.getByTestId('lead-name').filter({ hasText: 'Priya Raman' }).waitFor({ timeout: 15_000 });
    const before = await panel.getByTestId('attempt-item').count();

    await control('/down', { down: true });
    for (const key of ['c', 'e', 'l']) await panel.locator('body').press(key);
    await expect.poll(() => panel.getByTestId('attempt-item').count()).toBe(before + 3);
    await expect
      .poll(() => panel.getByTestId('sync-status').textContent(), { timeout: 15_000 })
      .toMatch(/3 waiting/);

    await panel.close();
    await stopServiceWorkers(baton, gmail);
    await control('/down', { down: false });

    // Nobody opens the panel: the outbox alarm wakes the worker, which sends what was left.
    /** The Baton tag of each engagement in HubSpot (one per engagement, whichever property holds it). */
    const tagged = async () => {
      const engagements = ((await state()).engagements ?? {}) as Record<
        string,
        Array<{ properties: Record<string, string | null> }>
      >;
      return Object.values(engagements)
        .flat()
        .flatMap(
          (e) => /\[baton:[0-9a-f-]{36}:\w+:\w+\]/.exec(Object.values(e.properties).join(' '))?.[0] ?? [],
        );
    };
    await expect
      .poll(async () => (await tagged()).length, { timeout: 45_000, interval: 1_000 })
      .toBeGreaterThanOrEqual(4);
    const tags = await tagged();
    expect(new Set(tags).size).toBe(tags.length);

    panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await panel.getByTestId('lead-name').filter({ hasText: 'Priya Raman' }).waitFor({ timeout: 15_000 });
    await expect.poll(() => panel.getByTestId('sync-status').count()).toBe(0);
  });
  test('Leads mode, set up from the portal: the card follows the lead record’s stage and clock, with HubSpot’s score', async () => {
    const options = await baton.context.newPage();
    await options.goto(extensionUrl(baton, 'options.html'));
    await options.getByTestId('crm-setup').waitFor({ timeout: 15_000 });
    await options.getByTestId('crm-mode-leads').check();
    await options.getByTestId('crm-leads-stages').waitFor();
    // The stages are the portal's: the first pick works every stage but the two closing ones.
    expect(await options.getByTestId('crm-work-stage-attempting-stage-id').isChecked()).toBe(true);
    expect(await options.getByTestId('crm-work-stage-qualified-stage-id').isChecked()).toBe(false);
    expect(await options.getByTestId('crm-setup-qualifiedStageId').inputValue()).toBe('qualified-stage-id');
    expect(
      await options.getByTestId('crm-setup-score').locator('option').allTextContents(),
    ).not.toContainEqual(expect.stringContaining('hubspotscore'));
    await options.getByTestId('crm-setup-score').selectOption('lead_scoring_combined');
    await options.getByTestId('crm-setup-save').click();
    await expect
      .poll(() => options.getByTestId('crm-setup-saved').textContent(), { timeout: 15_000 })
      .toContain('the Leads object');

    const gmail = await baton.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL');
    const panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await panel.getByTestId('lead-name').filter({ hasText: 'Dana Whitfield' }).waitFor({ timeout: 15_000 });
    // Her contact was accepted above; her lead record is still in its first stage, which the card now follows.
    await expect
      .poll(() => panel.getByTestId('crm-stage').textContent(), { timeout: 15_000 })
      .toBe('HubSpot: New');
    expect(await panel.getByTestId('lead-stage').textContent()).toBe('MQL');
    expect(await panel.getByTestId('crm-score').textContent()).toBe('HubSpot: Combined score: 82');
    // Her lead record has had one owner: its clock is when it entered its first stage.
    expect(await panel.getByTestId('sla-handoff').textContent()).toMatch(
      /^Clock started .+, when the lead entered its first stage/,
    );
  });
});
