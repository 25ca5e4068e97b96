import { browser } from 'wxt/browser';
import { openReportTab } from '../pages/report-page';

/** The toolbar icon's context menu item that opens the weekly report (issue #15). */
export const REPORT_MENU_ID = 'baton-open-report';

/** Created at install/update (menus persist); clicks open report.html in a tab. */
export function registerReportMenu(): void {
  const menus = browser.contextMenus;
  if (!menus) return;
  // MV3 Chrome calls the toolbar context "action"; Firefox MV2 calls it "browser_action".
  const context = (import.meta.env.FIREFOX ? 'browser_action' : 'action') as 'action';
  browser.runtime.onInstalled.addListener(() => {
    void Promise.resolve(menus.removeAll()).then(() =>
      menus.create({ id: REPORT_MENU_ID, title: 'Weekly report', contexts: [context] }),
    );
  });
  menus.onClicked.addListener((info) => {
    if (info.menuItemId === REPORT_MENU_ID) void openReportTab();
  });
}
