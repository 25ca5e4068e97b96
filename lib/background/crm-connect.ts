import { browser } from 'wxt/browser';
import { crmOutbox } from '../crm/connected';
import { HubSpotConnection, readConnection, removeConnection, saveConnection } from '../crm/connection';
import { HUBSPOT_DEFAULT_BASE_URL } from '../crm/hubspot/api';
import { HubSpotClient } from '../crm/hubspot/client';
import { defaultFieldMap } from '../crm/hubspot/mapping';
import { defaultHubSpotSetup } from '../crm/hubspot/setup';
import { crmPermissions } from '../crm/permission';
import { readSalesforceConnection } from '../crm/salesforce/connection';
import { describeZodError } from '../model/schemas';
import type { BatonDb } from '../store/db';
import { purgeCrmRecords } from './crm-purge';
import { readOwnerNames } from './crm-setup';

/** Why a second CRM is refused while another is connected. */
export const ONE_CRM_AT_A_TIME = (connected: 'HubSpot' | 'Salesforce') =>
  `Baton works with one CRM at a time: disconnect ${connected} first`;

/** Checks the token with a real call (the portal's contact properties) before saving it. */
export async function connectHubSpot(input: { token: string; baseUrl: string; ownerId: string }) {
  if (await readSalesforceConnection()) throw new Error(ONE_CRM_AT_A_TIME('Salesforce'));
  const before = await readConnection();
  const parsed = HubSpotConnection.safeParse({
    system: 'hubspot',
    ...input,
    fieldMap: before?.fieldMap ?? defaultFieldMap,
    // A new token for the same portal keeps how the team set it up (Leads mode, score).
    setup: before?.setup ?? defaultHubSpotSetup,
    connectedAt: new Date().toISOString(),
  });
  if (!parsed.success) throw new Error(`HubSpot connection: ${describeZodError(parsed.error)}`);
  const client = new HubSpotClient({
    baseUrl: parsed.data.baseUrl,
    token: parsed.data.token,
    maxAttempts: 2,
  });
  const [properties, ownerNames] = await Promise.all([
    client.listContactProperties(),
    readOwnerNames(client),
  ]);
  await saveConnection({ ...parsed.data, setup: { ...parsed.data.setup, ownerNames } });
  // A new token lifts the pause a refused one put on the outbox.
  await crmOutbox().setPaused(undefined);
  const names = new Set(properties.map((property) => property.name));
  const missingMappedProperties = Object.values(parsed.data.fieldMap).filter((name) => !names.has(name));
  return { properties: properties.length, missingMappedProperties };
}

/**
 * Removes the token, every record cached from HubSpot (lead ids `hubspot:…`) in both databases,
 * the reminder keys naming HubSpot leads (in storage.local, which content scripts can read) and
 * the API's host permission. The background also forgets what it holds in memory (the router
 * calls `connectionChanged`, which clears the shared caches).
 */
export async function disconnectHubSpot(db: BatonDb): Promise<{ purged: number }> {
  await removeConnection();
  const purged = await purgeCrmRecords(db, 'hubspot:');
  await removeApiPermission();
  return { purged };
}

/** The optional host permission (and in Firefox the data collection) granted at connect time goes with the connection. */
async function removeApiPermission(): Promise<void> {
  try {
    await browser.permissions.remove(
      crmPermissions(`${HUBSPOT_DEFAULT_BASE_URL}/*`, import.meta.env.FIREFOX) as Parameters<
        typeof browser.permissions.remove
      >[0],
    );
  } catch (error) {
    // Nothing to remove (a test server on loopback needs none); the disconnect itself stands.
    console.warn('[baton] could not remove the HubSpot host permission', error);
  }
}

export async function hubSpotStatus() {
  const connection = await readConnection();
  if (!connection) return { connected: false };
  const { baseUrl, ownerId, connectedAt } = connection;
  return {
    connected: true,
    system: 'hubspot' as const,
    mode: connection.setup.mode,
    baseUrl,
    ownerId,
    connectedAt,
  };
}
