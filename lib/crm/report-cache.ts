import type { ReportDataWire, ReportWindow } from '../report/report-data-schema';

const keyOf = (window: ReportWindow) => `${window.from}:${window.to}`;

/**
 * The report's reads from a CRM (HubSpot, Salesforce), one per period: opening the same period
 * again costs no request until it is forgotten (the page's Refresh). Two opens at once share one read; a read
 * that fails is not kept. Few periods are kept (the newest `maxEntries`).
 */
export class ReportCache {
  private readonly entries = new Map<string, Promise<ReportDataWire>>();

  constructor(private readonly maxEntries = 12) {}

  read(window: ReportWindow, load: () => Promise<ReportDataWire>): Promise<ReportDataWire> {
    const key = keyOf(window);
    const kept = this.entries.get(key);
    if (kept) return kept;
    const loading = load();
    this.entries.set(key, loading);
    loading.catch(() => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    });
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return loading;
  }

  forget(window: ReportWindow): void {
    this.entries.delete(keyOf(window));
  }

  clear(): void {
    this.entries.clear();
  }
}
