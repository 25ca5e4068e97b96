import type { LeadSource } from '../lead-source/lead-source';
import type { Sender } from '../outbox/flush';
import { DexieOutbox } from '../outbox/store';
import { crmDb } from '../store/crm-db';
import type { BatonDb } from '../store/db';
import type { HubSpotConnection } from './connection';
import { HubSpotClient } from './hubspot/client';
import { hubspotSender } from './hubspot/outbox-sender';
import { HubSpotLeadSource, type HubSpotShared } from './hubspot/source';
import { HubSpotWriter } from './hubspot/writer';

/** Tries per request for a send: fewer than a read's, since the flusher retries a send itself, with backoff. */
const SEND_ATTEMPTS = 3;

/**
 * A connected CRM, built in one place from its connection: the LeadSource the panel reads and
 * writes through, and the Sender the outbox's flusher sends with. Each half is built when asked
 * for, on clients that share one pace (`shared`). HubSpot is the one CRM today; a second adds its
 * case here, by `connection.system`.
 */
export function connectedCrm(connection: HubSpotConnection, shared: HubSpotShared) {
  const client = (maxAttempts?: number) =>
    new HubSpotClient({
      baseUrl: connection.baseUrl,
      token: connection.token,
      maxAttempts,
      pacer: shared.pacer,
    });
  return {
    source: (local: BatonDb, onQueued?: (delayMs?: number) => void): LeadSource =>
      new HubSpotLeadSource(client(), connection, local, crmDb(), onQueued, shared),
    sender: (): Sender => hubspotSender(new HubSpotWriter(client(SEND_ATTEMPTS), connection, shared.reads)),
  };
}

/** The outbox of writes waiting for the CRM, in the CRM database. */
export const crmOutbox = (): DexieOutbox => new DexieOutbox(crmDb());
