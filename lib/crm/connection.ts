import Dexie, { type EntityTable } from 'dexie';
import { z } from 'zod';
import type { AssetSent, Attempt, ContentRequest, Disposition, Lead } from '../model/schemas';
import type { OutboxEntry } from '../outbox/entry';
import { type CrmObject, HUBSPOT_DEFAULT_BASE_URL } from './hubspot/api';
import { isPinnedHubSpotOrigin } from './hubspot/api-origin';
import { defaultFieldMap, FieldMap } from './hubspot/mapping';

/**
 * A CRM connection, token included. Kept in the extension's own IndexedDB (a database of its
 * own), which content scripts cannot read — unlike `storage.local` — and only the background
 * opens it. The token never leaves the background except to the CRM's API.
 */
export const HubSpotConnection = z.object({
  system: z.literal('hubspot'),
  token: z.string().trim().min(10, { message: 'paste the whole Service Key or private-app token' }),
  baseUrl: z
    .string()
    .trim()
    .refine((url) => isPinnedHubSpotOrigin(url), {
      message: `must be ${HUBSPOT_DEFAULT_BASE_URL}: Baton sends the token nowhere else`,
    }),
  /** The rep's HubSpot owner id: their queue, and the owner of what they log. */
  ownerId: z.string().trim().regex(/^\d*$/, { message: 'must be the numeric HubSpot owner id' }).default(''),
  fieldMap: FieldMap.default(defaultFieldMap),
  connectedAt: z.string(),
});
export type HubSpotConnection = z.infer<typeof HubSpotConnection>;

/**
 * The CRM's side of the local store: the connection, the outbox of writes waiting for the CRM, and
 * the local copy of what the rep did through it (attempts, hand-backs, assets sent, content
 * requests). Outbox entry and local copy are written in one transaction, so a write is never kept
 * without its entry, nor the reverse. `contacts` keeps the last copy of each contact read from
 * HubSpot, so a write can answer with the lead as the rep now sees it without asking HubSpot.
 */
export class CrmDb extends Dexie {
  connections!: EntityTable<HubSpotConnection, 'system'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  attempts!: EntityTable<Attempt, 'id'>;
  meta!: EntityTable<{ key: string; value: string }, 'key'>;
  dispositions!: EntityTable<Disposition, 'id'>;
  assetsSent!: EntityTable<AssetSent, 'id'>;
  contentRequests!: EntityTable<ContentRequest, 'id'>;
  contacts!: EntityTable<
    { leadId: string; lead: Lead; read?: { contact: CrmObject; attempts: Attempt[] }; readAt: number },
    'leadId'
  >;
  constructor(name = 'baton-crm') {
    super(name);
    this.version(1).stores({ connections: 'system' });
    this.version(2).stores({
      outbox: '++seq, &id, leadId, state',
      attempts: 'id, [leadId+at], sync',
      meta: 'key',
    });
    // Version 3: hand-backs, assets sent and content requests go through the outbox too.
    this.version(3).stores({
      dispositions: 'id, [leadId+at]',
      assetsSent: 'id, [leadId+at]',
      contentRequests: 'id, [leadId+at]',
      contacts: 'leadId, readAt',
    });
  }
}

let db: CrmDb | undefined;
export const crmDb = () => {
  db ??= new CrmDb();
  return db;
};

export async function readConnection(): Promise<HubSpotConnection | undefined> {
  const stored = await crmDb().connections.get('hubspot');
  const parsed = HubSpotConnection.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export async function saveConnection(connection: HubSpotConnection): Promise<void> {
  await crmDb().connections.put(HubSpotConnection.parse(connection));
}

export async function removeConnection(): Promise<void> {
  await crmDb().connections.delete('hubspot');
}
