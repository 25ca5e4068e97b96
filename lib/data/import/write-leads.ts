import type { Lead } from '../../model/schemas';
import { putRows } from '../../store/bulk';
import { type BatonDb, fromStoredLead, type StoredLead, toStoredLead } from '../../store/db';
import { readSummaries } from '../../store/summaries';
import { withLead } from '../../store/summary-record';
import type { ColumnMapping } from './fields';
import { contentHash } from './hash';
import { apartKey, samePerson } from './match';
import type { LeadFields, LeadRow } from './rows';
import { type RunIndex, resolveIds, resolveKeys, unique } from './run-index';
import type { Counts, Pending, Reject } from './write';

/**
 * Writes a chunk of lead rows in one transaction, with the leads' summaries. Each row updates the
 * lead it names (by Baton id, CRM id, then email; then the id derived from its name for rows with
 * neither) or adds one; a row whose email finds a lead of another name is kept apart as a lead of
 * its own (match.ts) and reported as a possible duplicate.
 */

/** A new lead's id: from its first email or CRM ref, else its name and company (so re-imports find it). */
export function derivedLeadId(fields: LeadFields): string {
  const key =
    fields.emails[0] ??
    (fields.crm[0]
      ? `${fields.crm[0].system}:${fields.crm[0].id}`
      : `${fields.name ?? ''}|${fields.company ?? ''}`);
  return `lead-${contentHash(key.toLowerCase())}`;
}

/** The id of a lead kept apart from others with its email (match.ts): found again on re-import. */
export function apartLeadId(email: string, name: string): string {
  return `lead-${contentHash(apartKey(email, name))}`;
}

const crmKeyOf = (ref: { system: string; id: string }) => `${ref.system}:${ref.id}`;

export async function writeLeads(
  db: BatonDb,
  rows: Array<Pending<LeadRow>>,
  now: Date,
  { reject, keptApart }: { reject: Reject; keptApart: Reject },
  mapping: ColumnMapping,
  run: RunIndex,
): Promise<Counts> {
  const updatedAt = now.toISOString();
  const fallbackColumn = Math.max(0, mapping.findIndex(Boolean));
  return db.transaction('rw', db.leads, db.summaries, async () => {
    const known = new ChunkLeads(db, run);
    await known.loadMatches(await lookUpChunk(db, rows, run));
    const changed = new Map<string, StoredLead>();
    const counts: Counts = { created: 0, updated: 0 };
    for (const { row, value } of rows) {
      const { fields, source } = value;
      // Only a row whose email's lead has another name awaits here: an await for every row would
      // outlast the transaction's zone (Dexie follows only so many awaits of promises not its own).
      const byKeys = matchByKeys(known, run, fields);
      let { matchId } = byKeys;
      let newId: string | undefined;
      if (byKeys.nameDiffers) {
        const { email, found } = byKeys.nameDiffers;
        ({ matchId, newId } = sameNameOrApart(
          run,
          fields,
          email,
          found,
          await known.sharing(email, found.id),
        ));
      }
      const existing = matchId ? known.current.get(matchId) : undefined;
      const lead = mergeLead(
        existing ? fromStoredLead(existing) : undefined,
        newId && !existing ? { ...fields, id: newId } : fields,
        updatedAt,
      );
      // Every field was checked by the row's zod schema and the stored lead when it was stored; what
      // a merge can still lack is a name for a new lead (a row with only a CRM id has one made up).
      if (!lead.name) {
        reject(row, { column: source.name ?? fallbackColumn, reason: 'a new lead needs a name or an email' });
        continue;
      }
      const apartEmail = keptApartEmail(run, fields, lead.id);
      if (apartEmail) {
        const others = (await known.sharing(apartEmail, lead.id)).filter((other) => other.id !== lead.id);
        if (others.length > 0)
          keptApart(row, {
            column: source.emails ?? fallbackColumn,
            reason: possibleDuplicateReason(apartEmail, others),
          });
      }
      const stored = toStoredLead(lead as Lead);
      known.register(stored);
      changed.set(stored.id, stored);
      if (existing) counts.updated++;
      else counts.created++;
    }
    await putLeads(db, run, changed);
    return counts;
  });
}

/**
 * Asks the store, once for the chunk, about every email, CRM key and id its rows name (keys this
 * run saw already are not asked again); returns the ids of the stored leads they found.
 */
async function lookUpChunk(db: BatonDb, rows: Array<Pending<LeadRow>>, run: RunIndex): Promise<string[]> {
  const emails = unique(rows.flatMap((r) => r.value.fields.emails));
  const crmKeys = unique(rows.flatMap((r) => r.value.fields.crm.map(crmKeyOf)));
  // A derived id only matters for rows with neither email nor CRM id (others are found by those).
  const ids = unique(
    rows.flatMap(({ value: { fields } }) =>
      fields.id ? [fields.id] : fields.emails.length + fields.crm.length === 0 ? [derivedLeadId(fields)] : [],
    ),
  );
  const lookupStart = performance.now();
  await Promise.all([
    resolveKeys(db, 'emails', emails, run.leadOfEmail, run.fresh, run.sharedEmails),
    resolveKeys(db, 'crmKeys', crmKeys, run.leadOfCrm, run.fresh),
    resolveIds(db, ids, run),
  ]);
  run.lookupMs += performance.now() - lookupStart;
  return unique([
    ...emails.map((key) => run.leadOfEmail.get(key)),
    ...crmKeys.map((key) => run.leadOfCrm.get(key)),
    ...ids.filter((id) => run.leadIds.get(id)),
  ]).filter((id): id is string => Boolean(id));
}

/** The leads a chunk knows: those its rows found in the store, and those it has written. */
class ChunkLeads {
  readonly current = new Map<string, StoredLead>();
  private readonly db: BatonDb;
  private readonly run: RunIndex;

  constructor(db: BatonDb, run: RunIndex) {
    this.db = db;
    this.run = run;
  }

  async loadMatches(ids: string[]): Promise<void> {
    if (ids.length > 0)
      for (const lead of await this.db.leads.bulkGet(ids)) if (lead) this.current.set(lead.id, lead);
  }

  /** A lead written by this chunk: later rows, and the run's later chunks, find it by its keys. */
  register(lead: StoredLead): void {
    this.current.set(lead.id, lead);
    this.run.leadIds.set(lead.id, true);
    for (const email of lead.emails)
      if (!this.run.leadOfEmail.get(email)) this.run.leadOfEmail.set(email, lead.id);
    for (const key of lead.crmKeys) if (!this.run.leadOfCrm.get(key)) this.run.leadOfCrm.set(key, lead.id);
  }

  /** A lead this chunk knows or the store holds (a lead kept apart is looked up when needed). */
  async load(id: string): Promise<StoredLead | undefined> {
    const known = this.current.get(id);
    if (known || (this.run.fresh && !this.run.leadIds.get(id))) return known;
    const stored = await this.db.leads.get(id);
    if (stored) this.current.set(id, stored);
    return stored;
  }

  /**
   * Every lead with this email: the store's (one request, only for an email leads of different
   * names share) and this run's, so the same person is found again whatever order rows come in.
   */
  async sharing(email: string, knownId: string): Promise<StoredLead[]> {
    const ids = new Set([knownId, ...(this.run.sharers.get(email) ?? [])]);
    if (!this.run.fresh)
      for (const id of await this.db.leads.where('emails').equals(email).primaryKeys()) ids.add(id);
    const leads: StoredLead[] = [];
    for (const id of ids) {
      const lead = await this.load(id);
      if (lead) leads.push(lead);
    }
    return leads;
  }
}

/**
 * The stored lead a row updates, found by its keys: its Baton id, a CRM id, then an email, then
 * the id derived from its name for a row with neither email nor CRM id. When the email's lead has
 * another name, `nameDiffers` says so: the leads sharing that email decide (sameNameOrApart).
 */
function matchByKeys(
  known: ChunkLeads,
  run: RunIndex,
  fields: LeadFields,
): { matchId: string | undefined; nameDiffers?: { email: string; found: StoredLead } } {
  const { current } = known;
  const derived = fields.emails.length + fields.crm.length === 0 ? derivedLeadId(fields) : undefined;
  let matchId =
    (fields.id && current.has(fields.id) ? fields.id : undefined) ??
    fields.crm.map((ref) => run.leadOfCrm.get(crmKeyOf(ref))).find(Boolean);
  if (!matchId && !fields.id) {
    const email = fields.emails.find((address) => run.leadOfEmail.get(address));
    const found = email ? current.get(run.leadOfEmail.get(email) ?? '') : undefined;
    if (email && found && fields.name && !samePerson(found.name, fields.name))
      return { matchId: undefined, nameDiffers: { email, found } };
    if (found) matchId = found.id;
  }
  if (!matchId && derived && current.has(derived)) matchId = derived;
  return { matchId: matchId ?? undefined };
}

/**
 * A shared or placeholder address: the same person if one of its leads has this name, else a lead
 * of its own (an id from email and name, so a re-import finds it again).
 */
function sameNameOrApart(
  run: RunIndex,
  fields: LeadFields,
  email: string,
  found: StoredLead,
  sharing: readonly StoredLead[],
): { matchId: string | undefined; newId: string } {
  const name = fields.name ?? '';
  const matchId = sharing.find((lead) => samePerson(lead.name, name))?.id;
  const newId = apartLeadId(email, name);
  const sharers = run.sharers.get(email) ?? new Set([found.id]);
  sharers.add(matchId ?? newId);
  run.sharers.set(email, sharers);
  return { matchId, newId };
}

/**
 * The email a lead kept apart shares, if this row's lead is one: it is listed as a possible
 * duplicate every time its row is imported (whichever lead its email finds first), so the same
 * file gives the same report. Only emails known to be on several leads are checked: hashing every
 * row's would cost time.
 */
function keptApartEmail(run: RunIndex, fields: LeadFields, leadId: string): string | undefined {
  if (!fields.name) return undefined;
  return fields.emails.find(
    (email) =>
      (run.sharers.has(email) || run.sharedEmails.has(email)) &&
      apartLeadId(email, fields.name ?? '') === leadId,
  );
}

function possibleDuplicateReason(email: string, others: readonly StoredLead[]): string {
  return `possible duplicate: "${email}" is also the email of ${others
    .slice(0, 3)
    .map((other) => `"${other.name}"`)
    .join(', ')}, whose name differs, so this row is kept as a lead of its own`;
}

/**
 * The chunk's leads, and their summaries: each takes its new fields over the rows it already sums
 * up (a lead new to a store that had no leads has none).
 */
async function putLeads(db: BatonDb, run: RunIndex, changed: Map<string, StoredLead>): Promise<void> {
  const leads = [...changed.values()];
  const before = run.fresh ? new Map() : await readSummaries(db, [...changed.keys()]);
  await putRows(db.leads, leads);
  await putRows(
    db.summaries,
    leads.map((lead) => withLead(lead, before.get(lead.id))),
  );
}

const CRM_LABEL = { hubspot: 'HubSpot contact', salesforce: 'Salesforce record' } as const;

/** The stored lead with what the row says laid over it; lists (emails, CRM refs) are merged. */
function mergeLead(
  existing: Lead | undefined,
  fields: LeadFields,
  updatedAt: string,
): Omit<Lead, 'name'> & { name: string | undefined } {
  const { emails, crm, id, ...rest } = fields;
  const mergedEmails = unique([...(existing?.emails ?? []), ...emails]);
  const mergedCrm = [...(existing?.crm ?? [])];
  for (const ref of crm)
    if (!mergedCrm.some((have) => have.system === ref.system && have.id === ref.id)) mergedCrm.push(ref);
  const firstRef = mergedCrm[0];
  const name =
    rest.name ??
    existing?.name ??
    mergedEmails[0] ??
    (firstRef ? `${CRM_LABEL[firstRef.system]} ${firstRef.id}` : undefined);
  return {
    ...(existing ?? { stage: rest.mqlAt ? ('mql' as const) : ('lead' as const) }),
    ...rest,
    stage: rest.stage ?? existing?.stage ?? (rest.mqlAt ? 'mql' : 'lead'),
    id: existing?.id ?? id ?? derivedLeadId(fields),
    name,
    emails: mergedEmails,
    crm: mergedCrm,
    // Imported records are the user's own, even when they update a sample lead.
    sample: false,
    updatedAt,
  };
}
