import Dexie, { type EntityTable } from 'dexie';
import type { AssetSent, Attempt, ContentRequest, Disposition, Lead } from '../model/schemas';
import type { OutboxEntry } from '../outbox/entry';

/**
 * A CRM connection as kept, token included, keyed by its system. Its CRM's schema checks it when
 * it is read (`HubSpotConnection`, lib/crm/connection.ts): the store does not know its fields.
 */
export type StoredConnection = { system: string } & Record<string, unknown>;

/**
 * The last copy of a contact read from the CRM: the lead, and what the CRM's reader made of the
 * record (in that reader's own shape), so a card opens offline and a write answers without a read.
 */
export type CachedContact = { leadId: string; lead: Lead; read?: unknown; readAt: number };

/**
 * The CRM's side of the local store, a second IndexedDB database (`baton-crm`) beside Baton's own
 * (`baton`, db.ts): the connection, the outbox of writes waiting for the CRM, and the local copy of
 * what the rep did through it (attempts, hand-backs, assets sent, content requests). Outbox entry
 * and local copy are written in one transaction, so a write is never kept without its entry, nor
 * the reverse. `contacts` keeps the last copy of each contact read from the CRM.
 *
 * It holds the token, so only the background opens it: content scripts cannot read the
 * extension's IndexedDB (unlike `storage.local`), and the token leaves the background only for
 * the CRM's API.
 */
export class CrmDb extends Dexie {
  connections!: EntityTable<StoredConnection, 'system'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  attempts!: EntityTable<Attempt, 'id'>;
  meta!: EntityTable<{ key: string; value: string }, 'key'>;
  dispositions!: EntityTable<Disposition, 'id'>;
  assetsSent!: EntityTable<AssetSent, 'id'>;
  contentRequests!: EntityTable<ContentRequest, 'id'>;
  contacts!: EntityTable<CachedContact, 'leadId'>;
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
/** The background's one CrmDb, opened on first use. */
export const crmDb = () => {
  db ??= new CrmDb();
  return db;
};
