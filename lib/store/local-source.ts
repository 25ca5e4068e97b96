import Dexie, { type Table } from 'dexie';
import type { ScoreTouch } from '../core/score';
import {
  type ActivityOptions,
  type LeadContext,
  LeadNotFoundError,
  type LeadSource,
  NewLead,
  QueueQuery,
} from '../lead-source/lead-source';
import type { QueueEntriesOptions } from '../lead-source/queue-entries';
import {
  type Asset,
  AssetSent,
  Attempt,
  ContentRequest,
  Disposition,
  Lead,
  type LeadIdentity,
  LeadPatch,
  STAGE_AFTER_DISPOSITION,
} from '../model/schemas';
import type { QueueEntry } from '../queue/queue-entry';
import type { ReportDataWire, ReportWindow } from '../report/report-data-schema';
import { readAttemptsOf, readTouchesOf } from './activity';
import { type BatonDb, fromStoredLead, toStoredLead } from './db';
import { readLocalReportData } from './report-data';
import { ScoreTouchCache } from './score-touch-cache';
import { refreshSummaries, summaryTables } from './summaries';
import { queueEntryOf, type SummaryRecord } from './summary-record';

type ParsedQueueQuery = ReturnType<typeof QueueQuery.parse>;

/** The embedded LeadSource: everything in the browser's IndexedDB. */
export class LocalLeadSource implements LeadSource {
  /** Open MQLs' summaries by query, until the next write (see queueRecords). */
  private readonly queueCache = new Map<string, Promise<SummaryRecord[]>>();
  private generation = 0;

  constructor(
    private readonly db: BatonDb,
    private readonly scoreTouches = new ScoreTouchCache(),
  ) {}

  async findByIdentity(identity: LeadIdentity): Promise<Lead | undefined> {
    const { leads } = this.db;
    const byCrm = identity.crm
      ? await leads.where('crmKeys').equals(`${identity.crm.system}:${identity.crm.id}`).first()
      : undefined;
    if (byCrm) return fromStoredLead(byCrm);
    if (identity.emails.length > 0) {
      const byEmail = await leads.where('emails').anyOf(identity.emails).first();
      if (byEmail) return fromStoredLead(byEmail);
    }
    if (identity.linkedinSlug) {
      const bySlug = await leads.where('linkedinSlug').equals(identity.linkedinSlug.toLowerCase()).first();
      if (bySlug) return fromStoredLead(bySlug);
    }
    return undefined;
  }

  async readLeadContext(leadId: string): Promise<LeadContext | undefined> {
    const db = this.db;
    return db.transaction(
      'r',
      [db.leads, db.touches, db.attempts, db.dispositions, db.assetsSent, db.contentRequests],
      async () => {
        const stored = await db.leads.get(leadId);
        if (!stored) return undefined;
        // Compound [leadId+at] indexes give each lead's rows already in time order, without a scan.
        const byLead = <T, I>(table: Table<T, string, I>) =>
          table.where('[leadId+at]').between([leadId, Dexie.minKey], [leadId, Dexie.maxKey]);
        const [touches, attempts, dispositions, assetsSent, contentRequests] = await Promise.all([
          byLead(db.touches).reverse().toArray(),
          byLead(db.attempts).reverse().toArray(),
          byLead(db.dispositions).toArray(),
          byLead(db.assetsSent).toArray(),
          byLead(db.contentRequests).toArray(),
        ]);
        return { lead: fromStoredLead(stored), touches, attempts, dispositions, assetsSent, contentRequests };
      },
    );
  }

  async listQueue(input: QueueQuery): Promise<Lead[]> {
    const query = QueueQuery.parse(input);
    const collection =
      query.owner !== undefined
        ? this.db.leads.where('[owner+stage]').equals([query.owner, 'mql'])
        : this.db.leads.where('stage').equals('mql');
    // No per-row filter callback: that walks a cursor, one round trip per lead (seconds at 10k MQLs).
    // A plain limited range is one request; sample leads are few and indexed, so they are dropped after.
    if (query.includeSample) return (await collection.limit(query.limit).toArray()).map(fromStoredLead);
    const sampleIds = new Set(await this.db.leads.where('sampleFlag').equals(1).primaryKeys());
    const rows = await collection.limit(query.limit + sampleIds.size).toArray();
    return rows
      .filter((lead) => !lead.sample && !sampleIds.has(lead.id))
      .slice(0, query.limit)
      .map(fromStoredLead);
  }

  /**
   * From the stored summaries (one small record per lead, one indexed range read): no attempts or
   * touches are read, so the first ask costs what the thousandth does.
   */
  async queueEntries(input: QueueQuery, { scoreModel, now }: QueueEntriesOptions): Promise<QueueEntry[]> {
    const records = await this.queueRecords(QueueQuery.parse(input));
    return records.map((record) => queueEntryOf(record, scoreModel, now));
  }

  /**
   * The open MQLs' summaries, kept in memory until the next write: the badge's refresh reads them
   * when the background starts, and the panel's queue then asks for the same ones. Reading 5,000
   * records from IndexedDB costs ~200 ms here whatever their size (issue #15: first ask ≤ 200 ms).
   * A read that overlaps a write is not kept (the generation moved on).
   */
  private queueRecords(query: ParsedQueueQuery): Promise<SummaryRecord[]> {
    const key = JSON.stringify([query.owner ?? null, query.includeSample, query.limit]);
    const kept = this.queueCache.get(key);
    if (kept) return kept;
    const generation = this.generation;
    const read = this.readQueueRecords(query);
    this.queueCache.set(key, read);
    read.then(
      () => {
        if (this.generation !== generation) this.queueCache.delete(key);
      },
      () => this.queueCache.delete(key),
    );
    return read;
  }

  private async readQueueRecords(query: ParsedQueueQuery): Promise<SummaryRecord[]> {
    const { summaries } = this.db;
    const collection =
      query.owner !== undefined
        ? summaries.where('[owner+stage]').equals([query.owner, 'mql'])
        : summaries.where('stage').equals('mql');
    return query.includeSample
      ? collection.limit(query.limit).toArray()
      : (await collection.limit(query.limit + (await this.sampleLeadCount())).toArray())
          .filter((record) => !record.sample)
          .slice(0, query.limit);
  }

  /** Forgets what was read from the summaries: a write is starting or has been made. */
  private summariesChanged(): void {
    this.generation++;
    this.queueCache.clear();
  }

  private sampleLeadCount(): Promise<number> {
    return this.db.leads.where('sampleFlag').equals(1).count();
  }

  async readActivity(
    leadIds: readonly string[],
    { touches = true }: ActivityOptions = {},
  ): Promise<Map<string, { attempts: Attempt[]; touches: readonly ScoreTouch[] }>> {
    const readStarted = this.scoreTouches.readStarted;
    const attempts = await readAttemptsOf(this.db, leadIds);
    let touchesOf: Map<string, readonly ScoreTouch[]> | undefined;
    if (touches) {
      touchesOf = new Map();
      const missing: string[] = [];
      for (const leadId of leadIds) {
        const cached = this.scoreTouches.get(leadId);
        if (cached) touchesOf.set(leadId, cached);
        else missing.push(leadId);
      }
      for (const [leadId, read] of await readTouchesOf(this.db, missing))
        touchesOf.set(leadId, this.scoreTouches.set(leadId, read, readStarted));
    }
    return new Map(
      leadIds.map((leadId) => [
        leadId,
        { attempts: attempts.get(leadId) ?? [], touches: touchesOf?.get(leadId) ?? [] },
      ]),
    );
  }

  /** Touches were written outside this source (an import, a restore, the sample workspace). */
  async activityChanged(): Promise<void> {
    this.scoreTouches.clear();
    this.summariesChanged();
  }

  async search(text: string, limit = 20): Promise<Lead[]> {
    const needle = text.trim().toLowerCase();
    if (needle.length === 0) return [];
    const { leads } = this.db;
    const found = new Map<string, Lead>();
    const add = (rows: Parameters<typeof fromStoredLead>[0][]) => {
      for (const row of rows) if (found.size < limit) found.set(row.id, fromStoredLead(row));
    };
    add(await leads.where('nameLower').startsWith(needle).limit(limit).toArray());
    if (found.size < limit) add(await leads.where('emails').startsWith(needle).limit(limit).toArray());
    if (found.size < limit)
      add(await leads.where('company').startsWithIgnoreCase(needle).limit(limit).toArray());
    return [...found.values()];
  }

  /** Every record was checked against the model when it was written. */
  async unreadableRecords(): Promise<number> {
    return 0;
  }

  async addLead(input: NewLead, now: Date): Promise<Lead> {
    const fields = NewLead.parse(input);
    const lead = Lead.parse({ ...fields, id: crypto.randomUUID(), updatedAt: now.toISOString() });
    await this.inSummaryTransaction(async () => {
      await this.db.leads.add(toStoredLead(lead));
      await refreshSummaries(this.db, [lead.id]);
    });
    return lead;
  }

  async updateFields(leadId: string, patch: LeadPatch, now: Date): Promise<Lead> {
    const changes = LeadPatch.parse(patch);
    return this.inSummaryTransaction(async () => {
      const stored = await this.db.leads.get(leadId);
      if (!stored) throw new LeadNotFoundError(leadId);
      const lead = Lead.parse({ ...fromStoredLead(stored), ...changes, updatedAt: now.toISOString() });
      await this.db.leads.put(toStoredLead(lead));
      await refreshSummaries(this.db, [leadId]);
      return lead;
    });
  }

  async linkIdentity(leadId: string, identity: LeadIdentity, now: Date): Promise<Lead> {
    return this.inSummaryTransaction(async () => {
      const stored = await this.db.leads.get(leadId);
      if (!stored) throw new LeadNotFoundError(leadId);
      const current = fromStoredLead(stored);
      const crm =
        identity.crm &&
        !current.crm.some((ref) => ref.system === identity.crm?.system && ref.id === identity.crm?.id);
      const lead = Lead.parse({
        ...current,
        emails: [...new Set([...current.emails, ...identity.emails])],
        linkedinUrl:
          current.linkedinUrl ??
          (identity.linkedinSlug ? `https://www.linkedin.com/in/${identity.linkedinSlug}/` : undefined),
        crm: crm && identity.crm ? [...current.crm, identity.crm] : current.crm,
        updatedAt: now.toISOString(),
      });
      await this.db.leads.put(toStoredLead(lead));
      await refreshSummaries(this.db, [leadId]);
      return lead;
    });
  }

  async logAttempt(input: Attempt): Promise<Attempt> {
    const attempt = Attempt.parse(input);
    await this.inSummaryTransaction(async () => {
      if (!(await this.db.leads.get(attempt.leadId))) throw new LeadNotFoundError(attempt.leadId);
      await this.db.attempts.put(attempt);
      await refreshSummaries(this.db, [attempt.leadId]);
    });
    return attempt;
  }

  async removeAttempt(attemptId: string): Promise<void> {
    await this.inSummaryTransaction(async () => {
      const attempt = await this.db.attempts.get(attemptId);
      await this.db.attempts.delete(attemptId);
      if (attempt) await refreshSummaries(this.db, [attempt.leadId]);
    });
  }

  async setDisposition(input: Disposition): Promise<Lead> {
    const disposition = Disposition.parse(input);
    return this.inSummaryTransaction(async () => {
      const stored = await this.db.leads.get(disposition.leadId);
      if (!stored) throw new LeadNotFoundError(disposition.leadId);
      const lead = Lead.parse({
        ...fromStoredLead(stored),
        stage: STAGE_AFTER_DISPOSITION[disposition.kind],
        updatedAt: disposition.at,
      });
      await this.db.dispositions.put({ ...disposition, previousStage: stored.stage });
      await this.db.leads.put(toStoredLead(lead));
      await refreshSummaries(this.db, [lead.id]);
      return lead;
    });
  }

  async undoDisposition(dispositionId: string): Promise<Lead> {
    return this.inSummaryTransaction(async () => {
      const disposition = await this.db.dispositions.get(dispositionId);
      if (!disposition) throw new Error(`No hand-back with id "${dispositionId}" to undo`);
      const stored = await this.db.leads.get(disposition.leadId);
      if (!stored) throw new LeadNotFoundError(disposition.leadId);
      const lead = Lead.parse({
        ...fromStoredLead(stored),
        stage: disposition.previousStage ?? 'mql',
        updatedAt: new Date().toISOString(),
      });
      await this.db.dispositions.delete(dispositionId);
      await this.db.leads.put(toStoredLead(lead));
      await refreshSummaries(this.db, [lead.id]);
      return lead;
    });
  }

  async recordAssetSent(input: AssetSent): Promise<void> {
    const sent = AssetSent.parse(input);
    await this.inSummaryTransaction(async () => {
      await this.db.assetsSent.put(sent);
      await refreshSummaries(this.db, [sent.leadId]);
    });
  }

  async recordContentRequest(input: ContentRequest): Promise<void> {
    const request = ContentRequest.parse(input);
    await this.inSummaryTransaction(async () => {
      await this.db.contentRequests.put(request);
      await refreshSummaries(this.db, [request.leadId]);
    });
  }

  async readReportData(window: ReportWindow): Promise<ReportDataWire> {
    return readLocalReportData(this.db, window);
  }

  async listAssets(): Promise<Asset[]> {
    return this.db.assets.toArray();
  }

  /** A write and the summary of the lead it changes, in one transaction (summaries.ts). */
  private async inSummaryTransaction<T>(write: () => Promise<T>): Promise<T> {
    this.summariesChanged();
    try {
      return await this.db.transaction('rw', summaryTables(this.db), write);
    } finally {
      this.summariesChanged();
    }
  }
}
