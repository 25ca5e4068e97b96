import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Baton,
  launchBaton,
  loadSampleWorkspace,
  openPanel,
  saveScreenshot,
  stopServiceWorkers,
  tabIdOf,
} from './harness';

const DANA = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLkXnGJHvPqRsTdWmCzBxNkL';
const PRIYA = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfMpYtHvRwSxUzAbCdEfGhJkL';

/** What Gmail adds to a thread when the rep clicks Reply: an editable message body. */
async function openGmailReply(gmail: Page): Promise<void> {
  await gmail.evaluate(() => {
    const reply = document.createElement('div');
    reply.className = 'M9';
    reply.innerHTML =
      '<div class="Am Al editable LW-avf" aria-label="Message Body" role="textbox" aria-multiline="true" contenteditable="true" g_editable="true" tabindex="1"><p>Hi Dana, here is the overview you asked about:&nbsp;</p><p>Best, Alex</p></div>';
    document.querySelector('[role="main"] [role="list"]')?.append(reply);
  });
}

describe('the lead card', () => {
  let baton: Baton;
  let gmail: Page;
  let panel: Page;
  let tabId: number;

  beforeAll(async () => {
    baton = await launchBaton();
    await loadSampleWorkspace(baton);
    gmail = await baton.context.newPage();
    await gmail.goto(DANA);
    tabId = await tabIdOf(baton, gmail);
    panel = await openPanel(baton, tabId);
    await panel.getByTestId('lead-name').filter({ hasText: 'Dana Whitfield' }).waitFor();
  });
  afterAll(async () => baton?.close());

  test('shows score with its reasons, gaps, content, assets and the SLA', async () => {
    expect(Number(await panel.getByTestId('lead-score').textContent())).toBeGreaterThan(0);
    await panel.getByTestId('score-toggle').click();
    expect(await panel.getByTestId('score-explanation').textContent()).toMatch(/Fit: \d+ of 50/);
    await panel.getByTestId('missing-field-budget').waitFor();
    await panel.getByTestId('missing-field-timeframe').waitFor();
    expect(await panel.getByTestId('missing-field-need').count()).toBe(0);
    expect(await panel.getByTestId('touch-item').count()).toBeGreaterThan(0);
    expect(await panel.getByTestId('asset-suggestion').count()).toBeGreaterThan(0);
    expect(await panel.getByTestId('sla-status').getAttribute('data-state')).toMatch(
      /^first_attempt_(due|breached)$/,
    );
  });

  test('the phone is on the card, and the undo bar floats over it naming the lead', async () => {
    await panel.setViewportSize({ width: 400, height: 900 });
    const phone = panel.getByTestId('lead-phone');
    expect(await phone.textContent()).toBe('+1 617 555 0142');
    expect(await phone.getAttribute('href')).toBe('tel:+16175550142');
    expect(await panel.getByTestId('lead-email').getAttribute('href')).toBe(
      'mailto:dana.whitfield@northwindhealth.example',
    );
    const logButtons = panel.getByTestId('log-attempt-email');
    const before = await logButtons.boundingBox();
    await logButtons.click();
    const bar = panel.getByTestId('undo-bar');
    expect(await bar.textContent()).toContain('Email to Dana Whitfield logged.');
    // Floating: the card did not move under the rep's pointer, and the bar sits over it.
    const after = await logButtons.boundingBox();
    expect(after?.y).toBe(before?.y);
    expect(await bar.evaluate((node) => getComputedStyle(node).position)).toBe('fixed');
    await saveScreenshot(panel, 'docs/screenshot-card.png', { width: 400, height: 900 }, false);
    await panel.getByTestId('undo').click();
    await expect.poll(() => panel.getByTestId('attempt-item').count()).toBe(0);
  });

  test('log a call: it shows at once and the SLA moves on; undo removes it', async () => {
    await panel.getByTestId('log-attempt-call').click();
    await expect.poll(() => panel.getByTestId('attempt-item').count()).toBe(1);
    expect(await panel.getByTestId('sla-status').getAttribute('data-state')).toMatch(/^cadence_/);
    await panel.getByTestId('outcome-connected').click();
    await expect.poll(() => panel.getByTestId('attempt-item').textContent()).toContain('Connected');
    await panel.getByTestId('undo').click();
    await expect.poll(() => panel.getByTestId('attempt-item').count()).toBe(0);
    expect(await panel.getByTestId('sla-status').getAttribute('data-state')).toMatch(/^first_attempt_/);
  });

  test('a logged attempt survives a stopped worker and a reopened panel; keyboard logs too', async () => {
    await panel.locator('body').press('e');
    await expect.poll(() => panel.getByTestId('attempt-item').count()).toBe(1);
    await panel.close();
    await stopServiceWorkers(baton, gmail);
    panel = await openPanel(baton, tabId);
    await expect.poll(() => panel.getByTestId('attempt-item').count()).toBe(1);
    expect(await panel.getByTestId('attempt-item').textContent()).toContain('Email');
  });

  test('insert an asset into the Gmail reply: the link lands at the cursor and the asset is marked sent', async () => {
    await openGmailReply(gmail);
    // The rep clicks at the end of the first paragraph, then goes to the panel.
    await gmail.evaluate(() => {
      const first = document.querySelector('[aria-label="Message Body"] p');
      const range = document.createRange();
      range.selectNodeContents(first as Node);
      range.collapse(false);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const suggestion = panel.getByTestId('asset-suggestion').first();
    const title = (await suggestion.locator('strong').textContent()) ?? '';
    await suggestion.getByTestId('asset-insert').click();
    await expect.poll(() => panel.getByRole('status').last().textContent()).toContain('Inserted');
    // A sent asset drops in the ranking and is listed as sent to this lead.
    await panel.getByTestId('asset-sent').filter({ hasText: title }).waitFor();
    expect(await panel.getByTestId('asset-suggestion').filter({ hasText: title }).count()).toBe(0);
    const body = (await gmail.locator('[aria-label="Message Body"]').textContent()) ?? '';
    expect(body).toContain(title);
    expect(body).toMatch(/https:\/\/content\.baton-demo\.example\/library\/asset-\d{3}/);
    // At the cursor: after the first paragraph's text, before the sign-off.
    expect(body.indexOf('https://content.baton-demo.example')).toBeLessThan(body.indexOf('Best, Alex'));
  });

  test('budget, timeframe and need filled in place → accept as SQL; a bad value is refused with a message', async () => {
    const accept = panel.getByTestId('accept-sql');
    expect(await accept.isDisabled()).toBe(true);
    const budget = panel.getByTestId('missing-field-budget');
    await budget.locator('input').fill('lots');
    await budget.getByRole('button', { name: 'Save' }).click();
    expect(await budget.getByRole('alert').textContent()).toContain('Budget: include an amount');
    await budget.locator('input').fill('$80k');
    await budget.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => panel.getByTestId('missing-field-budget').count()).toBe(0);
    const timeframe = panel.getByTestId('missing-field-timeframe');
    await timeframe.locator('select').selectOption('Next quarter');
    await timeframe.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => accept.isDisabled()).toBe(false);
    await accept.click();
    await expect.poll(() => panel.getByTestId('lead-stage').textContent()).toBe('SQL');
  });

  test('an undo stays with its lead: switching to Priya neither shows nor carries out Dana’s', async () => {
    await gmail.goto(DANA);
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Dana Whitfield');
    const danaAttempts = await panel.getByTestId('attempt-item').count();
    await panel.getByTestId('log-attempt-email').click();
    await expect.poll(() => panel.getByTestId('attempt-item').count()).toBe(danaAttempts + 1);
    // Scrolled down on Dana's card, the rep moves to Priya.
    await panel.evaluate(() => window.scrollTo({ top: document.body.scrollHeight }));
    expect(await panel.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await gmail.goto(PRIYA);
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Priya Raman');
    expect(await panel.evaluate(() => window.scrollY)).toBe(0);
    expect(await panel.getByTestId('undo-bar').count()).toBe(0);
    await panel.locator('body').press('z');
    await gmail.goto(DANA);
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Dana Whitfield');
    await expect.poll(() => panel.getByTestId('attempt-item').count()).toBe(danaAttempts + 1);
  });

  test('recycle with a reason → the stage is recycled, and undo brings it back', async () => {
    await gmail.goto(PRIYA);
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Priya Raman');
    await panel.getByTestId('recycle-lead').click();
    await panel.getByTestId('recycle-reason').selectOption('no_budget');
    await panel.getByRole('button', { name: 'Hand back' }).click();
    await expect.poll(() => panel.getByTestId('lead-stage').textContent()).toBe('Recycled to nurture');
    expect(await panel.getByTestId('sla-status').getAttribute('data-state')).toBe('closed');
    await panel.getByTestId('undo').click();
    await expect.poll(() => panel.getByTestId('lead-stage').textContent()).toBe('MQL');
  });
});
