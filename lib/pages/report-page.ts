import { browser } from 'wxt/browser';

/** Opens the weekly report (report.html) in a new tab, from the panel, the options page or the menu. */
export function openReportTab(search = ''): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL(`/report.html${search}` as '/report.html') });
}
