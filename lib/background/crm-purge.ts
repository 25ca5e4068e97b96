import Dexie from 'dexie';
import { crmDb } from '../store/crm-db';
import type { BatonDb } from '../store/db';
import { forgetFiredReminders } from './attention';

/**
 * Forgets every record of one CRM (lead ids starting with `prefix`, e.g. `hubspot:` or
 * `salesforce:`) in both databases: the CRM database's outbox, local copies and cached contacts,
 * the outbox's pause, the local store's rows about those leads, and the reminder keys naming them
 * (in storage.local). Another CRM's rows stay. Returns how many rows went.
 */
export async function purgeCrmRecords(db: BatonDb, prefix: 'hubspot:' | 'salesforce:'): Promise<number> {
  let purged = 0;
  const crm = crmDb();
  const range = <T>(table: Dexie.Table<T>) =>
    table.where('[leadId+at]').between([prefix, Dexie.minKey], [`${prefix}\uffff`, Dexie.maxKey]);
  const crmDated = [crm.attempts, crm.dispositions, crm.assetsSent, crm.contentRequests] as const;
  await crm.transaction('rw', [...crmDated, crm.outbox, crm.contacts, crm.meta], async () => {
    for (const table of crmDated) purged += await range(table as Dexie.Table).delete();
    purged += await crm.outbox.where('leadId').startsWith(prefix).delete();
    purged += await crm.contacts.where('leadId').startsWith(prefix).delete();
    // The pause a refused token put on the outbox belongs to the connection that goes.
    await crm.meta.clear();
  });
  const local = [db.attempts, db.dispositions, db.assetsSent, db.contentRequests, db.touches] as const;
  await db.transaction('rw', [...local], async () => {
    for (const table of local) purged += await range(table as Dexie.Table).delete();
  });
  await forgetFiredReminders(prefix);
  return purged;
}
