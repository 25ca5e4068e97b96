import type { BatonDb } from '../../store/db';
import type { LeadRef } from './rows';

/**
 * What one import run knows about the store's leads, so each key is asked of IndexedDB once, and
 * how an activity row (a touch, an attempt, a hand-back) finds its lead. Used inside the
 * writers' transactions.
 */

export const unique = <T>(items: Iterable<T>) => [...new Set(items)];

/** One key read, where count() would walk the whole table in Chromium's IndexedDB. */
export async function isEmpty(table: {
  limit(n: number): { primaryKeys(): Promise<unknown[]> };
}): Promise<boolean> {
  return (await table.limit(1).primaryKeys()).length === 0;
}

/**
 * What this run has written or looked up, so a key is asked of IndexedDB at most once per import
 * (1M touches name 100k leads: each email ten times). When the store had no leads at the start,
 * leads are only ever matched against this run's own rows, and IndexedDB is not asked at all.
 */
export type RunIndex = {
  /** The store had no leads when the import began. */
  fresh: boolean;
  leadOfEmail: Map<string, string | null>;
  leadOfCrm: Map<string, string | null>;
  leadIds: Map<string, boolean>;
  /** Per email shared by leads of different names: the ids of this run's leads that have it. */
  sharers: Map<string, Set<string>>;
  /** Emails the store holds on more than one lead: only their rows may be leads kept apart. */
  sharedEmails: Set<string>;
  /** Touch ids written by this run, kept only when the touches table was empty at the start. */
  touchIds?: Set<string>;
  /** Time spent asking IndexedDB for keys (ms), for the import's timings. */
  lookupMs: number;
};

export function newRunIndex(fresh: boolean): RunIndex {
  return {
    fresh,
    leadOfEmail: new Map(),
    leadOfCrm: new Map(),
    leadIds: new Map(),
    sharers: new Map(),
    sharedEmails: new Set(),
    lookupMs: 0,
  };
}

/**
 * The lead id for each key of a multi-entry index, asking IndexedDB only for keys this run has not
 * seen: one request per key, all in flight at once (Dexie's `anyOf` walks one cursor instead, a
 * round trip to the browser's IndexedDB backend per key: many times slower in Chromium).
 */
export async function resolveKeys(
  db: BatonDb,
  index: 'emails' | 'crmKeys',
  keys: readonly string[],
  cache: Map<string, string | null>,
  fresh: boolean,
  shared?: Set<string>,
): Promise<void> {
  const missing = keys.filter((key) => !cache.has(key));
  if (fresh) {
    for (const key of missing) cache.set(key, null);
    return;
  }
  const found = await Promise.all(missing.map((key) => db.leads.where(index).equals(key).primaryKeys()));
  for (const [i, key] of missing.entries()) {
    cache.set(key, found[i]?.[0] ?? null);
    if (shared && (found[i]?.length ?? 0) > 1) shared.add(key);
  }
}

export async function resolveIds(db: BatonDb, ids: readonly string[], run: RunIndex): Promise<void> {
  const missing = ids.filter((id) => !run.leadIds.has(id));
  if (run.fresh) {
    for (const id of missing) run.leadIds.set(id, false);
    return;
  }
  const found = await Promise.all(missing.map((id) => db.leads.where(':id').equals(id).count()));
  for (const [i, id] of missing.entries()) run.leadIds.set(id, (found[i] ?? 0) > 0);
}

/**
 * The lead each activity row names, in the current transaction: by Baton id, then CRM id, then
 * email. Activity never adds leads, so the store is asked even when the run began on an empty one.
 */
export async function resolveLeadRefs(
  db: BatonDb,
  refs: readonly LeadRef[],
  run: RunIndex,
): Promise<(ref: LeadRef) => string | undefined> {
  const ids = unique(refs.flatMap((ref) => (ref.id ? [ref.id] : [])));
  const emails = unique(refs.flatMap((ref) => (ref.email ? [ref.email] : [])));
  const crmKeys = unique(refs.flatMap((ref) => (ref.crmKey ? [ref.crmKey] : [])));
  const lookupStart = performance.now();
  await Promise.all([
    resolveKeys(db, 'emails', emails, run.leadOfEmail, false),
    resolveKeys(db, 'crmKeys', crmKeys, run.leadOfCrm, false),
    resolveIds(db, ids, { ...run, fresh: false }),
  ]);
  run.lookupMs += performance.now() - lookupStart;
  return (ref) =>
    (ref.id && run.leadIds.get(ref.id) ? ref.id : undefined) ??
    (ref.crmKey ? (run.leadOfCrm.get(ref.crmKey) ?? undefined) : undefined) ??
    (ref.email ? (run.leadOfEmail.get(ref.email) ?? undefined) : undefined);
}

/** The reason a row naming nobody Baton knows is skipped. */
export function unknownLeadReason(ref: LeadRef): string {
  return `no lead "${ref.email ?? ref.crmKey ?? ref.id ?? ''}" in Baton: import the leads first`;
}
