import Dexie, { type EntityTable } from 'dexie';
import { decodeSlug, rawSlugOfUrl } from '../model/linkedin-slug';
import type { Asset, AssetSent, Attempt, ContentRequest, Disposition, Lead, Touch } from '../model/schemas';
import { rebuildAllSummaries } from './summaries';
import type { SummaryRecord } from './summary-record';

/** A lead as stored: the record plus denormalised keys that IndexedDB can index. */
export type StoredLead = Lead & {
  /** Lower-cased LinkedIn slug taken from linkedinUrl, for lookup by profile. */
  linkedinSlug?: string;
  /** "system:id" for each CRM ref, for lookup by record id. */
  crmKeys: string[];
  /** Lower-cased name, for prefix search. */
  nameLower: string;
  /**
   * 1 on sample leads (booleans are not valid IndexedDB keys), indexed so the sample workspace is
   * counted and removed without reading every lead (100k in a real workspace). Absent on the
   * user's own leads since version 3, so the index holds only the few hundred sample leads, not an
   * entry per lead; rows written by version 2 may still hold 0, which no query asks for.
   */
  sampleFlag?: 0 | 1;
};

/**
 * Baton's local store. Dexie over IndexedDB: it gives typed tables, compound and multi-entry
 * indexes, and transactions spanning tables, with the real IndexedDB semantics underneath
 * (the same code runs on fake-indexeddb in unit tests).
 *
 * Two contexts open it: the background service worker, the one door to data for the panel, the
 * pages and the content scripts (docs/architecture.md); and the options page's data worker
 * (lib/data/worker.ts), which runs an import, export or restore on it itself, a transaction per
 * chunk, and has the page tell the background at the end (`dataImported`). The CRM's connection,
 * outbox and cache are in a database of their own (crm-db.ts).
 */
export class BatonDb extends Dexie {
  leads!: EntityTable<StoredLead, 'id'>;
  touches!: EntityTable<Touch, 'id'>;
  assets!: EntityTable<Asset, 'id'>;
  attempts!: EntityTable<Attempt, 'id'>;
  dispositions!: EntityTable<Disposition, 'id'>;
  assetsSent!: EntityTable<AssetSent, 'id'>;
  contentRequests!: EntityTable<ContentRequest, 'id'>;
  /** One summary per lead (summary-record.ts): what the queue and the report read. */
  summaries!: EntityTable<SummaryRecord, 'leadId'>;

  constructor(name = 'baton') {
    super(name);
    // `*emails` and `*crmKeys` are multi-entry indexes: a lead is found by any of its emails or CRM refs.
    this.version(1).stores({
      leads: 'id, *emails, linkedinSlug, *crmKeys, [owner+stage], stage, nameLower, company, updatedAt',
      touches: 'id, [leadId+at], assetId',
      assets: 'id',
      attempts: 'id, [leadId+at], sync',
      dispositions: 'id, [leadId+at]',
      assetsSent: 'id, [leadId+at], assetId',
      contentRequests: 'id, [leadId+at]',
    });
    // Version 2: `sampleFlag` indexed on leads (see StoredLead), filled in for existing rows.
    this.version(2)
      .stores({
        leads:
          'id, *emails, linkedinSlug, *crmKeys, [owner+stage], stage, nameLower, company, updatedAt, sampleFlag',
      })
      .upgrade((tx) =>
        tx
          .table<StoredLead, string>('leads')
          .toCollection()
          .modify((lead) => {
            if (lead.sample) lead.sampleFlag = 1;
          }),
      );
    // Version 3: no index on `updatedAt` (nothing queries it; every lead write paid for it).
    this.version(3).stores({
      leads: 'id, *emails, linkedinSlug, *crmKeys, [owner+stage], stage, nameLower, company, sampleFlag',
    });
    // Version 4: no index on a touch's `assetId` (nothing queries it; 1M touches paid 1M entries).
    this.version(4).stores({ touches: 'id, [leadId+at]' });
    // Version 5: a summary per lead, built here for the rows already stored (issue #15 item 6).
    this.version(5)
      .stores({ summaries: 'leadId, [owner+stage], stage, handoffAt, lastActivityAt' })
      .upgrade((tx) => rebuildAllSummaries(tx));
  }
}

/** The LinkedIn slug of a profile URL, lower-cased: `https://www.linkedin.com/in/Dana-W/` → `dana-w`. */
export function linkedinSlugOf(url: string | undefined): string | undefined {
  const raw = url ? rawSlugOfUrl(url) : undefined;
  return raw ? decodeSlug(raw) : undefined;
}

export function toStoredLead(lead: Lead): StoredLead {
  return {
    ...lead,
    linkedinSlug: linkedinSlugOf(lead.linkedinUrl),
    crmKeys: lead.crm.map((ref) => `${ref.system}:${ref.id}`),
    nameLower: lead.name.toLowerCase(),
    ...(lead.sample ? { sampleFlag: 1 as const } : {}),
  };
}

/** Strips the index-only keys again, so callers see a plain Lead. */
export function fromStoredLead(stored: StoredLead): Lead {
  const { linkedinSlug: _slug, crmKeys: _crm, nameLower: _name, sampleFlag: _sample, ...lead } = stored;
  return lead;
}

/** Opens the local store: what the background and the data worker call (no other folder opens it). */
export function openBatonDb(): BatonDb {
  return new BatonDb();
}
