/**
 * Which tab a panel shows, from its URL: `?tab=<id>` pins one tab, `?window=<id>` follows that
 * window's active tab, and by default it follows the active tab of its own window.
 */
export type PanelTarget =
  | { kind: 'tab'; tabId: number }
  | { kind: 'window'; windowId: number }
  | { kind: 'current-window' };

export function panelTargetFromSearch(search: string): PanelTarget {
  const params = new URLSearchParams(search);
  const positiveInt = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined);
  const tabId = positiveInt(params.get('tab'));
  if (tabId !== undefined) return { kind: 'tab', tabId };
  const windowId = positiveInt(params.get('window'));
  if (windowId !== undefined) return { kind: 'window', windowId };
  return { kind: 'current-window' };
}

/** The view a panel opens on: `?view=queue` (a reminder gathering several leads) opens the queue. */
export function panelStartView(search: string): 'tab' | 'queue' {
  return new URLSearchParams(search).get('view') === 'queue' ? 'queue' : 'tab';
}
