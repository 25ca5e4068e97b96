import { type Asset, Attempt as AttemptSchema } from '../../model/schemas';
import { LeadSummarySchema, type ReportDataWire, type ReportWindow } from '../../report/report-data-schema';
import type { ReportProgress } from '../../report/report-progress';
import type { LeadSummary } from '../../report/summary';
import {
  addBatonNote,
  noteFindings,
  type ReportLibrary,
  reportLibrary,
  standingKindOf,
} from '../report-notes';
import type { CrmObject, EngagementType, Filter } from './api';
import type { HubSpotClient } from './client';
import { contentTouches } from './content-touches';
import {
  contactProperties,
  contactToLead,
  ENGAGEMENT_PROPERTIES,
  engagementToAttempt,
  type FieldMap,
} from './mapping';
import { readBatonNote } from './report-notes';

const MQL_DATE = 'hs_lifecyclestage_marketingqualifiedlead_date';
const SQL_DATE = 'hs_lifecyclestage_salesqualifiedlead_date';
const CUSTOMER_DATE = 'hs_lifecyclestage_customer_date';
const SOURCE = 'hs_analytics_source';
/** Search pages hold at most 200 records; a search reaches at most 10,000 (HubSpot's limits). */
const PAGE = 200;
const SEARCH_CAP = 10_000;
const ACTIVITY_TYPES = ['calls', 'emails', 'communications'] as const;
const TYPES = [...ACTIVITY_TYPES, 'notes'] as const satisfies readonly EngagementType[];
const STEPS = 2 + TYPES.length;

export const HUBSPOT_BLIND_SPOTS = [
  'Attempts never logged to HubSpot (calls from a phone, emails from a mailbox HubSpot does not track) are not counted.',
  'Content consumed outside HubSpot (a PDF forwarded, a page read without tracking) is not counted; only the first and latest conversions are known.',
  'Hand-back reasons are known only where the rep handed back in Baton (its tagged notes); other recycles count without a reason.',
  'Assets sent are known only where Baton logged them (its tagged notes).',
  'Owner history: each lead counts for its owner now, not for whoever held it during the period.',
] as const;

export type ReportReadOptions = {
  window: ReportWindow;
  fieldMap: FieldMap;
  library: readonly Pick<Asset, 'id' | 'title' | 'url'>[];
  onProgress?: (progress: ReportProgress) => void;
  now?: () => number;
};

/** What the read left out: records HubSpot sent that could not be read. */
export type ReportRead = ReportDataWire & { skipped: number };

/**
 * The report's per-lead summaries from HubSpot, in a few dozen requests whatever the team's size:
 * the contacts that became MQL in the period (one search by the MQL date, paged), every call,
 * email, communication and note since the period began (one search each by `hs_timestamp`), the
 * contacts of those engagements by associations v4 batch reads (1,000 a request, never a request
 * per contact), and the contacts active in the period but handed over before it by batch reads.
 */
export async function readHubSpotReport(
  client: HubSpotClient,
  options: ReportReadOptions,
): Promise<ReportRead> {
  const { window, fieldMap, library } = options;
  const now = options.now?.() ?? Date.now();
  const progress = (step: number, label: string, done: number, total: number) =>
    options.onProgress?.({ from: window.from, to: window.to, step, steps: STEPS, label, done, total });
  let skipped = 0;

  const properties = [...contactProperties(fieldMap), SQL_DATE, CUSTOMER_DATE, SOURCE];
  progress(1, 'Contacts that became MQL', 0, 0);
  const cohort = await searchRange(client, 'contacts', MQL_DATE, window.from, window.to, properties, (n, t) =>
    progress(1, 'Contacts that became MQL', n, t),
  );
  skipped += cohort.skipped;
  const contacts = new Map(cohort.results.map((c) => [c.id, c]));

  // Engagements since the period began: cadence windows and hand-backs run past its end.
  const engagements = new Map<EngagementType, CrmObject[]>();
  for (const [index, type] of TYPES.entries()) {
    const label = `${type[0]?.toUpperCase()}${type.slice(1)} since the period began`;
    const props = type === 'notes' ? ['hs_timestamp', 'hs_note_body'] : ENGAGEMENT_PROPERTIES[type];
    const found = await searchRange(client, type, 'hs_timestamp', window.from, now + 1, props, (n, t) =>
      progress(2 + index, label, n, t),
    );
    skipped += found.skipped;
    engagements.set(type, found.results);
  }

  // Which contacts each engagement belongs to.
  const ofContact = new Map<string, Array<{ type: EngagementType; record: CrmObject }>>();
  const allIds = TYPES.reduce((n, type) => n + (engagements.get(type)?.length ?? 0), 0);
  let linked = 0;
  progress(STEPS, 'Whose activity it is', 0, allIds);
  for (const type of TYPES) {
    const records = engagements.get(type) ?? [];
    if (records.length === 0) continue;
    const { byEngagement, skipped: bad } = await client.associatedContacts(
      type,
      records.map((r) => r.id),
    );
    skipped += bad;
    for (const record of records) {
      for (const contactId of byEngagement.get(record.id) ?? []) {
        const list = ofContact.get(contactId) ?? [];
        list.push({ type, record });
        ofContact.set(contactId, list);
      }
    }
    linked += records.length;
    progress(STEPS, 'Whose activity it is', linked, allIds);
  }

  // Contacts with activity in the period that were handed over before it (activity figures count them).
  const activeBefore = [...ofContact.entries()]
    .filter(([id, list]) => !contacts.has(id) && list.some(({ record }) => inPeriod(record, window)))
    .map(([id]) => id);
  if (activeBefore.length > 0) {
    const read = await client.batchRead('contacts', activeBefore, properties);
    skipped += read.skipped;
    for (const contact of read.results) contacts.set(contact.id, contact);
  }

  const assets = reportLibrary(library);
  const leads: LeadSummary[] = [];
  for (const contact of contacts.values()) {
    const summary = summarizeContact(contact, ofContact.get(contact.id) ?? [], fieldMap, assets);
    const checked = summary && LeadSummarySchema.safeParse(summary.lead);
    if (summary && checked?.success) {
      leads.push(checked.data);
      skipped += summary.skipped;
    } else skipped++;
  }
  leads.sort((a, b) => (a.handoffAt ?? 0) - (b.handoffAt ?? 0) || a.leadId.localeCompare(b.leadId));
  return {
    leads,
    libraryAssetIds: library.map((asset) => asset.id),
    knowsCustomers: true,
    blindSpots: [
      ...HUBSPOT_BLIND_SPOTS,
      ...(skipped > 0
        ? [`${skipped} record${skipped === 1 ? '' : 's'} HubSpot sent could not be read and are left out.`]
        : []),
    ],
    skipped,
  };
}

function inPeriod(record: CrmObject, window: ReportWindow): boolean {
  const at = millis(record.properties.hs_timestamp);
  return at !== undefined && at >= window.from && at < window.to;
}

function millis(value: string | null | undefined): number | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  const ms = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * Every record of `type` whose `property` lies in [from, to), paged 200 at a time. A range that
 * holds more than search can reach (10,000) is split in two, and each half read alone.
 */
async function searchRange(
  client: HubSpotClient,
  type: 'contacts' | EngagementType,
  property: string,
  from: number,
  to: number,
  properties: readonly string[],
  onPage: (done: number, total: number) => void,
): Promise<{ results: CrmObject[]; skipped: number }> {
  const filters: Filter[] = [
    { propertyName: property, operator: 'GTE', value: String(from) },
    { propertyName: property, operator: 'LT', value: String(to) },
  ];
  const first = await client.search(type, filters, properties, PAGE);
  const total = first.total ?? 0;
  if (total > SEARCH_CAP && to - from > 1) {
    const middle = Math.floor((from + to) / 2);
    let before = 0;
    const low = await searchRange(client, type, property, from, middle, properties, (n) => {
      before = n;
      onPage(n, total);
    });
    const high = await searchRange(client, type, property, middle, to, properties, (n) =>
      onPage(before + n, total),
    );
    return { results: [...low.results, ...high.results], skipped: low.skipped + high.skipped };
  }
  const results = [...first.results];
  let skipped = first.skipped;
  onPage(results.length + skipped, total);
  let after = first.paging?.next?.after;
  while (after) {
    const page = await client.search(type, filters, properties, PAGE, after);
    results.push(...page.results);
    skipped += page.skipped;
    onPage(results.length + skipped, total);
    after = page.paging?.next?.after;
  }
  return { results, skipped };
}

/** One contact and its engagements as the report's summary; `skipped`: engagements that could not be read. */
function summarizeContact(
  contact: CrmObject,
  engagements: ReadonlyArray<{ type: EngagementType; record: CrmObject }>,
  fieldMap: FieldMap,
  library: ReportLibrary,
): { lead: LeadSummary; skipped: number } | undefined {
  const lead = contactToLead(contact, fieldMap);
  if (!lead) return undefined;
  const p = contact.properties;
  const handoffAt = millis(lead.mqlAt);
  const sqlAt = millis(p[SQL_DATE]);
  const customerAt = millis(p[CUSTOMER_DATE]);
  let skipped = 0;
  const attempts: LeadSummary['attempts'] = [];
  const notes = noteFindings();
  for (const { type, record } of engagements) {
    if (type === 'notes') {
      const note = readBatonNote(record.properties.hs_note_body);
      const at = millis(record.properties.hs_timestamp) ?? millis(record.createdAt);
      if (note && at !== undefined) addBatonNote(notes, note, at, library, `hubspot-note:${record.id}`);
      continue;
    }
    const attempt = engagementToAttempt(type, record, contact.id);
    if (attempt === undefined) continue; // not an attempt (an SMS, say)
    const checked = AttemptSchema.safeParse(attempt);
    if (!checked.success) {
      skipped++;
      continue;
    }
    attempts.push({
      at: Date.parse(checked.data.at),
      channel: checked.data.channel,
      outcome: checked.data.outcome,
    });
  }
  const { handBacks, assetsSent, linksCopied, contentRequests } = notes;
  // Accepted: HubSpot's own SQL date (Baton's accept writes the lifecycle stage).
  if (sqlAt !== undefined && (lead.stage === 'sql' || lead.stage === 'customer'))
    handBacks.push({ kind: 'accept', at: sqlAt });
  const byAt = (a: { at: number }, b: { at: number }) => a.at - b.at;
  handBacks.sort(byAt);
  // The standing hand-back agrees with the stage now (an undone recycle leaves its note behind).
  const standingKind = standingKindOf(lead.stage);
  const standing = standingKind ? handBacks.filter((h) => h.kind === standingKind).at(-1) : undefined;
  const touches = contentTouches(contact, lead.id);
  return {
    lead: {
      leadId: lead.id,
      name: lead.name,
      owner: lead.owner,
      stage: lead.stage,
      handoffAt,
      leadSource: p[SOURCE]?.trim() || undefined,
      attempts: attempts.sort(byAt),
      handBack: standing,
      firstHandBackAt: handoffAt === undefined ? undefined : handBacks.find((h) => h.at >= handoffAt)?.at,
      assetsSent: assetsSent.sort(byAt),
      linksCopied: linksCopied.sort(byAt),
      contentRequests: contentRequests.sort(byAt),
      touchesBeforeHandoff:
        handoffAt === undefined ? 0 : touches.filter((t) => Date.parse(t.at) < handoffAt).length,
      customerAt,
      sqlAt,
    },
    skipped,
  };
}
