import { browser } from 'wxt/browser';

/**
 * Test builds only (`WXT_BATON_TEST_BUILD=true`): Firefox gives an extension page framed in a web
 * page (how the Firefox suite drives the sidebar page) no `storage.session`. This puts a
 * page-lifetime, in-memory one in its place there. The store build never includes it.
 */
export function standInSessionStorage(): void {
  if (import.meta.env.WXT_BATON_TEST_BUILD !== 'true') return;
  const storage = browser.storage as unknown as Record<string, unknown>;
  if (storage.session) return;
  const values = new Map<string, unknown>();
  const listeners = new Set<(changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => void>();
  const pick = (keys: unknown) =>
    keys === null || keys === undefined
      ? Object.fromEntries(values)
      : Object.fromEntries(
          (Array.isArray(keys) ? keys : [keys]).flatMap((k) => (values.has(k) ? [[k, values.get(k)]] : [])),
        );
  const change = (key: string, newValue: unknown) => {
    const changes = { [key]: { oldValue: values.get(key), newValue } };
    if (newValue === undefined) values.delete(key);
    else values.set(key, newValue);
    for (const listener of listeners) listener(changes);
  };
  storage.session = {
    get: async (keys?: unknown) => structuredClone(pick(keys)),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) change(key, structuredClone(value));
    },
    remove: async (keys: string | string[]) => {
      for (const key of Array.isArray(keys) ? keys : [keys]) change(key, undefined);
    },
    clear: async () => {
      for (const key of [...values.keys()]) change(key, undefined);
    },
    onChanged: {
      addListener: (l: never) => listeners.add(l),
      removeListener: (l: never) => listeners.delete(l),
      hasListener: (l: never) => listeners.has(l),
    },
  };
}
