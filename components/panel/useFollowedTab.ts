import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { PanelTarget } from '@/lib/panel-target';

/**
 * The id of the tab the panel shows, kept current as the user switches tabs in the followed
 * window. Undefined while it is being found (or when the window has no active tab).
 */
export function useFollowedTab(target: PanelTarget): number | undefined {
  const [tabId, setTabId] = useState<number | undefined>(target.kind === 'tab' ? target.tabId : undefined);

  useEffect(() => {
    if (target.kind === 'tab') return;
    let cancelled = false;
    let windowId: number | undefined;
    const refresh = async () => {
      windowId ??= target.kind === 'window' ? target.windowId : (await browser.windows.getCurrent()).id;
      const [active] = await browser.tabs.query({ active: true, windowId });
      if (!cancelled) setTabId(active?.id);
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.windowId === windowId) setTabId(info.tabId);
    };
    void refresh();
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [target]);

  return tabId;
}
