import type { LeadSource } from '../lead-source/lead-source';
import type { Sender } from '../outbox/flush';
import { DexieOutbox } from '../outbox/store';
import { crmDb } from '../store/crm-db';
import type { BatonDb } from '../store/db';
import { type HubSpotConnection, readConnection } from './connection';
import { HubSpotClient } from './hubspot/client';
import { hubspotSender } from './hubspot/outbox-sender';
import {
  forgetHubSpotShared,
  HubSpotLeadSource,
  type HubSpotShared,
  newHubSpotShared,
} from './hubspot/source';
import { HubSpotWriter } from './hubspot/writer';
import { SalesforceClient, type SalesforceTokens } from './salesforce/client';
import { readSalesforceConnection, type SalesforceConnection } from './salesforce/connection';
import { salesforceSender } from './salesforce/outbox-sender';
import {
  forgetSalesforceShared,
  newSalesforceShared,
  SalesforceLeadSource,
  type SalesforceShared,
} from './salesforce/source';
import { SalesforceWriter } from './salesforce/writer';

/** Tries per request for a send: fewer than a read's, since the flusher retries a send itself, with backoff. */
const SEND_ATTEMPTS = 3;

export type CrmConnection = HubSpotConnection | SalesforceConnection;

/** The connected CRM, if any. Baton works with one CRM at a time (connecting refuses a second). */
export async function readCrmConnection(): Promise<CrmConnection | undefined> {
  return (await readConnection()) ?? (await readSalesforceConnection());
}

/**
 * What the background's reads and the outbox's sends share, per CRM: HubSpot's one rate-limit
 * pace and read cache; Salesforce's API-use figure, read cache, and its session (renewed once
 * for everyone when it expires).
 */
export type CrmShared = {
  hubspot: HubSpotShared;
  salesforce: SalesforceShared & { tokens: SalesforceTokens };
};
export const newCrmShared = (salesforceTokens: SalesforceTokens): CrmShared => ({
  hubspot: newHubSpotShared(),
  salesforce: { ...newSalesforceShared(), tokens: salesforceTokens },
});
/** Forgets every CRM record held in memory (disconnect, clear all data). */
export function forgetCrmShared(shared: CrmShared): void {
  forgetHubSpotShared(shared.hubspot);
  forgetSalesforceShared(shared.salesforce);
}

/**
 * A connected CRM, built in one place from its connection: the LeadSource the panel reads and
 * writes through, and the Sender the outbox's flusher sends with, by `connection.system`.
 */
export function connectedCrm(connection: CrmConnection, shared: CrmShared) {
  if (connection.system === 'salesforce') {
    const sf = shared.salesforce;
    const client = (maxAttempts?: number) =>
      new SalesforceClient({
        instanceUrl: connection.instanceUrl,
        tokens: sf.tokens,
        usage: sf.usage,
        maxAttempts,
      });
    return {
      source: (local: BatonDb, onQueued?: (delayMs?: number) => void): LeadSource =>
        new SalesforceLeadSource(client(), connection, local, crmDb(), onQueued, sf),
      sender: (): Sender =>
        salesforceSender(new SalesforceWriter(client(SEND_ATTEMPTS), connection, sf.reads)),
    };
  }
  const hub = shared.hubspot;
  const client = (maxAttempts?: number) =>
    new HubSpotClient({
      baseUrl: connection.baseUrl,
      token: connection.token,
      maxAttempts,
      pacer: hub.pacer,
    });
  return {
    source: (local: BatonDb, onQueued?: (delayMs?: number) => void): LeadSource =>
      new HubSpotLeadSource(client(), connection, local, crmDb(), onQueued, hub),
    sender: (): Sender => hubspotSender(new HubSpotWriter(client(SEND_ATTEMPTS), connection, hub.reads)),
  };
}

/** The outbox of writes waiting for the CRM, in the CRM database. */
export const crmOutbox = (): DexieOutbox => new DexieOutbox(crmDb());
