import { connectedCrm } from '../crm/connected';
import { readConnection } from '../crm/connection';
import { type HubSpotShared, newHubSpotShared } from '../crm/hubspot/source';
import type { LeadSource } from '../lead-source/lead-source';
import type { BatonDb } from '../store/db';
import { LocalLeadSource } from '../store/local-source';

/**
 * The LeadSource in use: HubSpot when connected, else the local store. Resolved per call (and
 * cached until the connection changes), so a worker restarted by the browser picks the right
 * one without any state in memory.
 */
export function activeSource(
  db: () => BatonDb,
  onQueued: (delayMs?: number) => void = () => {},
  /** Shared with the outbox's flusher: HubSpot's rate limit is one budget for the whole app. */
  shared: HubSpotShared = newHubSpotShared(),
): { source: LeadSource; connectionChanged: () => void } {
  let current: Promise<LeadSource> | undefined;
  const resolve = () => {
    current ??= readConnection().then((connection) =>
      connection ? connectedCrm(connection, shared).source(db(), onQueued) : new LocalLeadSource(db()),
    );
    return current;
  };
  // Every LeadSource method is async, so each call can wait for the resolved source first.
  const source = new Proxy({} as LeadSource, {
    get:
      (_target, name: keyof LeadSource) =>
      async (...args: unknown[]) => {
        const resolved = (await resolve()) as unknown as Record<
          string,
          (...a: unknown[]) => Promise<unknown>
        >;
        const method = resolved[name];
        if (!method) throw new Error(`LeadSource has no method "${String(name)}"`);
        return method.apply(resolved, args);
      },
  });
  return {
    source,
    connectionChanged: () => {
      current = undefined;
    },
  };
}
