import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startFakeHubSpot } from '../hubspot-server/server.mjs';
import { clickTestId, type FirefoxBaton, launchFirefox, openFramed, poll, textOf } from './harness';

/**
 * HubSpot connect in Firefox against the local test server. A loopback http server needs no host
 * permission (the form asks only for https hosts), so Firefox's prompt is not shown here; the
 * request it would make (host + data collection) is unit-tested in test/unit/crm/permission.test.ts.
 */
describe('Firefox: connect HubSpot (local test server)', () => {
  let baton: FirefoxBaton;
  let hubspot: Awaited<ReturnType<typeof startFakeHubSpot>>;
  beforeAll(async () => {
    hubspot = await startFakeHubSpot({ port: 0, controlPort: 0 });
    baton = await launchFirefox();
  });
  afterAll(async () => {
    await baton?.close();
    await hubspot?.close();
  });

  test('a wrong token is refused with a message; the right one is checked and kept', async () => {
    const { page, frame } = await openFramed(baton, 'options.html');
    // Nothing is connected yet: the CRM section's picker starts on "This browser"; HubSpot shows its form.
    await poll(
      () => textOf(frame, 'crm-source-hubspot'),
      (t) => t !== undefined,
    );
    await clickTestId(frame, 'crm-source-hubspot');
    await poll(
      () => textOf(frame, 'crm-token'),
      (t) => t !== undefined,
    );
    // React reads inputs through their native value setter and an input event.
    const fill = (testId: string, value: string) =>
      frame.evaluate(
        (id, text) => {
          const input = document.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
          if (!input) throw new Error(`no ${id}`);
          Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        testId,
        value,
      );
    await fill('crm-base-url', hubspot.url);
    await fill('crm-owner', '90001');
    await fill('crm-token', 'not-the-right-token');
    await clickTestId(frame, 'crm-connect');
    expect(
      await poll(
        () => textOf(frame, 'crm-error'),
        (t) => /refused the token/.test(t ?? ''),
      ),
    ).toMatch(/refused the token/);
    await fill('crm-token', hubspot.token);
    await clickTestId(frame, 'crm-connect');
    await poll(
      () => textOf(frame, 'crm-connected'),
      (t) => t !== undefined,
    );
    expect(await textOf(frame, 'crm-connected')).toContain(hubspot.url);
    await page.close();
  });
});
