import { browser } from 'wxt/browser';

/** The toolbar button's API: `action` in MV3 (Chrome), `browserAction` in Firefox's MV2. */
export type ToolbarAction = Pick<
  typeof browser.action,
  'setBadgeText' | 'setBadgeBackgroundColor' | 'getBadgeText' | 'onClicked'
>;

export function toolbarAction(api: object = browser): ToolbarAction | undefined {
  const apis = api as { action?: ToolbarAction; browserAction?: ToolbarAction };
  return apis.action ?? apis.browserAction;
}
