import { type CrmShared, connectedCrm, newCrmShared, readCrmConnection } from '../crm/connected';
import type { LeadSource } from '../lead-source/lead-source';
import type { BatonDb } from '../store/db';
import { LocalLeadSource } from '../store/local-source';
import { salesforceTokens } from './salesforce-tokens';

/**
 * The LeadSource in use: the connected CRM (HubSpot or Salesforce), else the local store. Resolved per call (and
 * cached until the connection changes), so a worker restarted by the browser picks the right
 * one without any state in memory.
 */
export function activeSource(
  db: () => BatonDb,
  onQueued: (delayMs?: number) => void = () => {},
  /** Shared with the outbox's flusher: a CRM's limits are one budget for the whole app. */
  shared: CrmShared = newCrmShared(salesforceTokens()),
): { source: LeadSource; connectionChanged: () => void } {
  let current: Promise<LeadSource> | undefined;
  const resolve = () => {
    current ??= readCrmConnection().then((connection) =>
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
