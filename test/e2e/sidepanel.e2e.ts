import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Baton, extensionUrl, launchBaton, loadSampleWorkspace, textOfTarget } from './harness';

describe('the real side panel', () => {
  let baton: Baton;
  beforeAll(async () => {
    baton = await launchBaton();
    await loadSampleWorkspace(baton);
  });
  afterAll(async () => baton?.close());

  test('opens from a user gesture in an extension page and renders', async () => {
    const launcher = await baton.context.newPage();
    await launcher.goto(extensionUrl(baton, 'options.html'));
    const windowId = await launcher.evaluate(async () => (await chrome.windows.getCurrent()).id);
    // chrome.sidePanel.open needs a user gesture: Playwright's evaluate runs as one, and the call
    // comes first, before any await, while the gesture is still current.
    await launcher.evaluate((id) => chrome.sidePanel.open({ windowId: id as number }), windowId);
    const worker = await baton.worker();
    const sidePanelUrls = () =>
      worker.evaluate(async () =>
        (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.SIDE_PANEL] })).map(
          (c) => c.documentUrl ?? '',
        ),
      );
    await expect.poll(sidePanelUrls).toContainEqual(expect.stringContaining('/sidepanel.html'));
    // The panel follows the window's active tab (the options page, where nobody is on screen).
    // Playwright does not surface side-panel targets as pages; read the panel's DOM over CDP.
    await expect
      .poll(() => textOfTarget(launcher, '/sidepanel.html'), { timeout: 10_000 })
      .toContain('No lead detected');
  });
});
