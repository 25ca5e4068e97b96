import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Baton, extensionUrl, launchBaton, loadSampleWorkspace, openPanel, tabIdOf } from './harness';

/** A Workspace thread: a colleague (kyle@substrate.run) wrote first; Dana, Marco and Priya are outside. */
const THREAD = 'https://mail.google.com/mail/u/3/#inbox/FMfcgzQcqZtLmVbWxKpRsNdHgJfTyQwK';

describe('a thread with several outside participants', () => {
  let baton: Baton;
  beforeAll(async () => {
    baton = await launchBaton();
    await loadSampleWorkspace(baton);
  });
  afterAll(async () => baton?.close());

  const options = async (panel: import('playwright-core').Page) =>
    panel
      .getByTestId('picker')
      .locator('option')
      .evaluateAll((nodes) => nodes.map((node) => node.textContent ?? ''));

  test('the picker offers every outside person, never the colleague; the pick is kept per thread', async () => {
    const gmail = await baton.context.newPage();
    await gmail.goto(THREAD);
    const panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await expect
      .poll(() => panel.getByTestId('lead-name').textContent(), { timeout: 15_000 })
      .toBe('Dana Whitfield');
    expect(await options(panel)).toEqual([
      'Dana Whitfield · dana.whitfield@northwindhealth.example',
      'Marco Bellini · m.bellini@fioreretail.example',
      'Priya Raman · priya.raman@larkspur-logistics.example',
    ]);
    expect((await options(panel)).join()).not.toContain('substrate.run');

    await panel
      .getByTestId('picker')
      .selectOption({ label: 'Priya Raman · priya.raman@larkspur-logistics.example' });
    await expect.poll(() => panel.getByTestId('lead-name').textContent()).toBe('Priya Raman');

    // Back on the thread after a reload of Gmail and of the panel: still Priya.
    await gmail.reload();
    await panel.reload();
    await expect
      .poll(() => panel.getByTestId('lead-name').textContent(), { timeout: 15_000 })
      .toBe('Priya Raman');
  });

  test('own domains changed in options apply to the open Gmail tab without a reload', async () => {
    const gmail = await baton.context.newPage();
    await gmail.goto(THREAD);
    const panel = await openPanel(baton, await tabIdOf(baton, gmail));
    await panel.getByTestId('picker').waitFor({ timeout: 15_000 });
    const settings = await baton.context.newPage();
    await settings.goto(extensionUrl(baton, 'options.html'));
    const section = settings.getByRole('region', { name: 'Your email domains' });
    await section.getByRole('textbox').fill('substrate.run, larkspur-logistics.example');
    await section.getByTestId('options-save').click();
    await expect
      .poll(() => options(panel), { timeout: 10_000 })
      .toEqual([
        'Dana Whitfield · dana.whitfield@northwindhealth.example',
        'Marco Bellini · m.bellini@fioreretail.example',
      ]);
    await settings.close();
  });
});
