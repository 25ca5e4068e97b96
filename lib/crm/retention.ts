import type { CrmDb } from '../store/crm-db';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Prunes the contacts cached from the CRM (names, emails, phones, their activity) that were last
 * read more than `days` ago. The cache only lets a card open offline and a write answer without a
 * read; the CRM keeps the record. Returns how many were removed.
 */
export function pruneCrmCache(crm: CrmDb, days: number, now = Date.now()): Promise<number> {
  return crm.contacts
    .where('readAt')
    .below(now - days * DAY_MS)
    .delete();
}
