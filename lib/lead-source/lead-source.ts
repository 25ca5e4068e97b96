import { z } from 'zod';
import type { ScoreTouch } from '../core/score';
import {
  type Asset,
  AssetSent,
  Attempt,
  ContentRequest,
  Disposition,
  Lead,
  type LeadIdentity,
  type LeadPatch,
  Touch,
} from '../model/schemas';
import type { QueueEntry } from '../queue/queue-entry';
import type { ReportDataWire, ReportWindow } from '../report/report-data-schema';
import type { ReportProgress } from '../report/report-progress';
import type { QueueEntriesOptions } from './queue-entries';

/** What a report read may tell its caller on the way (a CRM's read takes paced requests). */
export type ReportReadHooks = { onProgress?: (progress: ReportProgress) => void };

/** Everything the card needs about one lead, read in one go. */
export const LeadContext = z.object({
  lead: Lead,
  /** Newest first. */
  touches: z.array(Touch),
  /** Newest first. */
  attempts: z.array(Attempt),
  dispositions: z.array(Disposition),
  assetsSent: z.array(AssetSent),
  contentRequests: z.array(ContentRequest),
});
export type LeadContext = z.infer<typeof LeadContext>;

export type ActivityOptions = { touches?: boolean };

export const QueueQuery = z.object({
  owner: z.string().optional(),
  /** Include sample records (only while the sample workspace is loaded). */
  includeSample: z.boolean().default(true),
  limit: z.number().int().positive().max(50_000).default(5_000),
});
export type QueueQuery = z.input<typeof QueueQuery>;

export const NewLead = Lead.pick({
  name: true,
  emails: true,
  linkedinUrl: true,
  company: true,
  title: true,
  crm: true,
})
  .partial({ emails: true, crm: true })
  .extend({ stage: Lead.shape.stage.default('lead') });
export type NewLead = z.input<typeof NewLead>;

/**
 * Where leads come from and where the rep's work goes. The local IndexedDB store is the first
 * implementation; a CRM adapter (HubSpot) is the next, so the panel has one data path.
 */
export interface LeadSource {
  /** The best match for what a page showed: CRM id first, then email, then LinkedIn slug. */
  findByIdentity(identity: LeadIdentity): Promise<Lead | undefined>;
  readLeadContext(leadId: string): Promise<LeadContext | undefined>;
  /** Open leads handed to sales (MQL), for the queue. */
  listQueue(query: QueueQuery): Promise<Lead[]>;
  /** The queue as the panel shows it: open leads with their attempts and score. */
  queueEntries(query: QueueQuery, options: QueueEntriesOptions): Promise<QueueEntry[]>;
  /**
   * Attempts and touches of many leads at once (for the queue's SLA and score). `touches: false`
   * reads attempts only (the badge and reminders need the SLA, not the score); touches are then [].
   */
  readActivity(
    leadIds: readonly string[],
    options?: ActivityOptions,
  ): Promise<Map<string, { attempts: Attempt[]; touches: readonly ScoreTouch[] }>>;
  /** Activity was written outside this source (an import, a restore, the sample workspace). */
  activityChanged(): Promise<void>;
  /** Name prefix, email prefix or company prefix; at most `limit` results. */
  search(text: string, limit?: number): Promise<Lead[]>;
  addLead(input: NewLead, now: Date): Promise<Lead>;
  updateFields(leadId: string, patch: LeadPatch, now: Date): Promise<Lead>;
  /** Ties what a page showed (an email, a LinkedIn profile, a CRM id) to an existing lead. */
  linkIdentity(leadId: string, identity: LeadIdentity, now: Date): Promise<Lead>;
  logAttempt(attempt: Attempt): Promise<Attempt>;
  /** Undo of a just-logged attempt. */
  removeAttempt(attemptId: string): Promise<void>;
  /** Records a hand-back and moves the stage (accept → SQL, recycle → recycled, disqualify). */
  setDisposition(disposition: Disposition): Promise<Lead>;
  /** Undo of a just-made hand-back: removes it and restores the stage it had before. */
  undoDisposition(dispositionId: string): Promise<Lead>;
  recordAssetSent(sent: AssetSent): Promise<void>;
  recordContentRequest(request: ContentRequest): Promise<void>;
  listAssets(): Promise<Asset[]>;
  /**
   * The weekly report's per-lead summaries (docs/architecture.md "Report"): leads handed over in the window and leads
   * with activity in it, with all their activity up to now. Absent: this source cannot report yet.
   */
  readReportData?(window: ReportWindow, hooks?: ReportReadHooks): Promise<ReportDataWire>;
  /** Forgets what was read for the report (the page's Refresh): the next read asks the source again. */
  forgetReportData?(window: ReportWindow): Promise<void>;
  /** The connected CRM's name and, when its reads are paused, why (for the sync line). Absent: the local store. */
  syncNotice?(): Promise<{ crmName: 'HubSpot' | 'Salesforce'; readsPaused?: string }>;
  /** How many records the source's latest reads left out because they could not be read (a CRM's; the local store's are checked when written: 0). */
  unreadableRecords(): Promise<number>;
}

export class LeadNotFoundError extends Error {
  constructor(readonly leadId: string) {
    super(`No lead with id "${leadId}"`);
    this.name = 'LeadNotFoundError';
  }
}
