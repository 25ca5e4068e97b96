import { z } from 'zod';
import { SalesforceSetup } from '../crm/salesforce/setup';
import { LeadContext, NewLead, QueueQuery } from '../lead-source/lead-source';
import {
  Asset,
  AssetSent,
  Attempt,
  ContentRequest,
  Disposition,
  Lead,
  LeadIdentity,
  LeadPatch,
} from '../model/schemas';
import { QueueEntry } from '../queue/queue-entry';
import { ReportWindow } from '../report/report-data-schema';
import { ReportProgress } from '../report/report-progress';
import { ReportAnswerSchema } from '../report/report-schema';

/** HubSpot's setup as the options page picks it: the background checks it against the portal. */
const SetupPick = z.object({
  mode: z.enum(['contacts', 'leads']),
  leads: z
    .object({
      pipelineId: z.string().max(100),
      workStageIds: z.array(z.string().max(100)).max(20),
      qualifiedStageId: z.string().max(100),
      unqualifiedStageId: z.string().max(100),
      handoffStageId: z.string().max(100),
    })
    .optional(),
  scoreProperty: z.string().max(100).optional(),
});
export type SetupPick = z.infer<typeof SetupPick>;

/**
 * Salesforce's setup as the options page picks it: the background checks every status against
 * the org's Lead Status values and every field against describe. Left out: kept as it is.
 */
const SalesforceField = z.string().max(80);
const SalesforceStatus = z.string().trim().min(1).max(255);
export const SalesforceSetupPick = z.object({
  mqlStatuses: z.array(SalesforceStatus).min(1).max(20),
  acceptedStatus: SalesforceStatus,
  recycledStatus: SalesforceStatus,
  disqualifiedStatus: SalesforceStatus,
  handoffField: SalesforceField.optional(),
  reasonField: SalesforceField.optional(),
  scoreField: SalesforceField.optional(),
  contactStatusField: SalesforceField.optional(),
  fields: z
    .object({
      budget: SalesforceField,
      timeframe: SalesforceField,
      need: SalesforceField,
      productInterest: SalesforceField,
      territory: SalesforceField,
      linkedinUrl: SalesforceField,
    })
    .partial()
    .optional(),
});
export type SalesforceSetupPick = z.infer<typeof SalesforceSetupPick>;

const SalesforceFieldChoice = z.object({ name: z.string(), label: z.string() });

/** Longer than any address a host page shows (browsers cap theirs near 2 MB; a report never needs that). */
export const MAX_PAGE_URL = 4096;

/** What the background knows about a tab: the identity its content script last reported. */
export const TabState = z.object({
  tabId: z.number().int(),
  url: z.string().max(MAX_PAGE_URL).optional(),
  /** null: the content script ran and found nobody; undefined: no content script reported. */
  identity: z.optional(z.nullable(LeadIdentity)),
  /** Which host adapter reported (gmail, linkedin, …). */
  host: z.string().optional(),
  /** Every outside participant when the page shows several (a Gmail thread): the panel's picker. */
  candidates: z.array(LeadIdentity).max(50).optional(),
  updatedAt: z.number(),
});
export type TabState = z.infer<typeof TabState>;

export const WorkspaceCounts = z.object({
  leads: z.number(),
  touches: z.number(),
  assets: z.number(),
  attempts: z.number(),
  sampleLeads: z.number(),
});

/** Who may send a message: a content script in a tab, or an extension page (panel, options). */
export type SenderKind = 'content-script' | 'extension-page';

/**
 * The one protocol between contexts. Each message names who may send it, and zod schemas for
 * its request and response; the background validates both directions (see handle.ts).
 */
export const protocol = {
  // content script → background
  identityDetected: {
    from: 'content-script',
    input: z.object({
      url: z.string().max(MAX_PAGE_URL),
      host: z.string().max(40),
      identity: z.nullable(LeadIdentity),
      candidates: z.array(LeadIdentity).max(50).optional(),
    }),
    output: z.object({ ok: z.literal(true) }),
  },
  // extension pages → background
  getTabState: {
    from: 'extension-page',
    input: z.object({ tabId: z.number().int() }),
    output: TabState.nullable(),
  },
  /** The tab's state, its lead and that lead's context in one round trip: the panel's first render. */
  getTabView: {
    from: 'extension-page',
    input: z.object({ tabId: z.number().int() }),
    output: z.object({
      tabState: TabState.nullable(),
      lead: Lead.nullable(),
      context: LeadContext.nullable(),
    }),
  },
  findLead: { from: 'extension-page', input: z.object({ identity: LeadIdentity }), output: Lead.nullable() },
  readLeadContext: {
    from: 'extension-page',
    input: z.object({ leadId: z.string() }),
    output: LeadContext.nullable(),
  },
  listQueue: { from: 'extension-page', input: QueueQuery, output: z.array(Lead) },
  queueEntries: { from: 'extension-page', input: z.null().optional(), output: z.array(QueueEntry) },
  searchLeads: {
    from: 'extension-page',
    input: z.object({ text: z.string().max(200), limit: z.number().int().positive().max(100).optional() }),
    output: z.array(Lead),
  },
  addLead: { from: 'extension-page', input: NewLead, output: Lead },
  linkIdentity: {
    from: 'extension-page',
    input: z.object({ leadId: z.string(), identity: LeadIdentity }),
    output: Lead,
  },
  updateFields: {
    from: 'extension-page',
    input: z.object({ leadId: z.string(), patch: LeadPatch }),
    output: Lead,
  },
  logAttempt: { from: 'extension-page', input: Attempt, output: Attempt },
  removeAttempt: { from: 'extension-page', input: z.object({ attemptId: z.string() }), output: z.null() },
  setDisposition: { from: 'extension-page', input: Disposition, output: Lead },
  undoDisposition: { from: 'extension-page', input: z.object({ dispositionId: z.string() }), output: Lead },
  recordAssetSent: { from: 'extension-page', input: AssetSent, output: z.null() },
  recordContentRequest: { from: 'extension-page', input: ContentRequest, output: z.null() },
  /** The weekly report's figures for a period, every view of it (computed in the background). */
  reportAnswer: { from: 'extension-page', input: ReportWindow, output: ReportAnswerSchema },
  /** The report page's Refresh: the source forgets what it read for the period (HubSpot's cache). */
  refreshReportData: {
    from: 'extension-page',
    input: ReportWindow,
    output: z.object({ ok: z.literal(true) }),
  },
  listAssets: { from: 'extension-page', input: z.null().optional(), output: z.array(Asset) },
  loadSample: { from: 'extension-page', input: z.null().optional(), output: WorkspaceCounts },
  removeSample: { from: 'extension-page', input: z.null().optional(), output: WorkspaceCounts },
  clearAllData: { from: 'extension-page', input: z.null().optional(), output: WorkspaceCounts },
  countWorkspace: { from: 'extension-page', input: z.null().optional(), output: WorkspaceCounts },
  /** The options page's data worker wrote to the store (import or restore): refresh panels, badge, reminders. */
  dataImported: {
    from: 'extension-page',
    input: z.object({ kind: z.enum(['leads', 'touches', 'attempts', 'handbacks', 'assets', 'backup']) }),
    output: z.null(),
  },
  // CRM connection (options page). The token goes in; it never comes back out.
  crmConnect: {
    from: 'extension-page',
    input: z.object({ token: z.string(), baseUrl: z.string(), ownerId: z.string() }),
    output: z.object({ properties: z.number(), missingMappedProperties: z.array(z.string()) }),
  },
  crmDisconnect: {
    from: 'extension-page',
    input: z.null().optional(),
    output: z.object({ purged: z.number() }),
  },
  /** What the options page offers for HubSpot's setup: read from the portal, with the setup in use. */
  crmSetupChoices: {
    from: 'extension-page',
    input: z.null().optional(),
    output: z.object({
      mode: z.enum(['contacts', 'leads']),
      current: SetupPick.optional(),
      leads: z.discriminatedUnion('available', [
        z.object({
          available: z.literal(true),
          pipelines: z.array(
            z.object({
              id: z.string(),
              label: z.string(),
              stages: z.array(z.object({ id: z.string(), label: z.string() })),
            }),
          ),
        }),
        z.object({ available: z.literal(false), reason: z.string() }),
      ]),
      /** The portal's number properties of contacts: where its own score may live. */
      scoreProperties: z.array(z.object({ name: z.string(), label: z.string() })),
    }),
  },
  crmSaveSetup: {
    from: 'extension-page',
    input: SetupPick,
    output: z.object({ mode: z.enum(['contacts', 'leads']) }),
  },
  crmStatus: {
    from: 'extension-page',
    input: z.null().optional(),
    output: z.object({
      connected: z.boolean(),
      system: z.literal('hubspot').optional(),
      mode: z.enum(['contacts', 'leads']).optional(),
      baseUrl: z.string().optional(),
      ownerId: z.string().optional(),
      connectedAt: z.string().optional(),
    }),
  },
  /** Salesforce: the OAuth web-server flow with PKCE runs in the background; the tokens never come back out. */
  salesforceConnect: {
    from: 'extension-page',
    input: z.object({ loginUrl: z.string().max(300), consumerKey: z.string().max(300) }),
    output: z.object({ instanceUrl: z.string(), userId: z.string(), missingFields: z.array(z.string()) }),
  },
  salesforceDisconnect: {
    from: 'extension-page',
    input: z.null().optional(),
    output: z.object({ purged: z.number(), revoked: z.boolean() }),
  },
  salesforceStatus: {
    from: 'extension-page',
    input: z.null().optional(),
    output: z.object({
      connected: z.boolean(),
      system: z.literal('salesforce').optional(),
      loginUrl: z.string().optional(),
      /** The External Client App's consumer key (public, not a secret): a reconnect reuses it. */
      consumerKey: z.string().optional(),
      instanceUrl: z.string().optional(),
      orgId: z.string().optional(),
      userId: z.string().optional(),
      connectedAt: z.string().optional(),
    }),
  },
  /** What the org offers for the setup (describe and the Lead Status values), with the setup in use. */
  salesforceSetupChoices: {
    from: 'extension-page',
    input: z.null().optional(),
    output: z.object({
      leadStatuses: z.array(z.string()),
      handoffFields: z.array(SalesforceFieldChoice),
      reasonFields: z.array(SalesforceFieldChoice),
      scoreFields: z.array(SalesforceFieldChoice),
      contactStatusFields: z.array(SalesforceFieldChoice),
      /** Writable text, picklist and URL fields on Lead: where budget, timeframe, need… may live. */
      qualificationFields: z.array(SalesforceFieldChoice),
      current: SalesforceSetup,
      missingFields: z.array(z.string()),
    }),
  },
  salesforceSaveSetup: {
    from: 'extension-page',
    input: SalesforceSetupPick,
    output: z.object({ ok: z.literal(true) }),
  },
  outboxStatus: {
    from: 'extension-page',
    input: z.null().optional(),
    output: z.object({
      pending: z.number(),
      failed: z.number(),
      /** Records the CRM sent that could not be read and were left out of the latest reads. */
      unreadableRecords: z.number().int().nonnegative().optional(),
      /** The connected CRM, by name, for the sync line. */
      crmName: z.enum(['HubSpot', 'Salesforce']).optional(),
      /** Why reads from the CRM are paused (Salesforce's daily allowance nearly used). */
      readsPaused: z.string().optional(),
      lastError: z.string().optional(),
      pausedReason: z.string().optional(),
      failedEntries: z.array(
        z.object({
          id: z.string(),
          leadId: z.string(),
          kind: z.string(),
          lastError: z.string().optional(),
          /** What the write does, in words ("Call (no answer)", "Fields: budget"). */
          summary: z.string(),
          at: z.string(),
        }),
      ),
    }),
  },
  outboxRetry: { from: 'extension-page', input: z.object({ id: z.string() }), output: z.null() },
  outboxDiscard: { from: 'extension-page', input: z.object({ id: z.string() }), output: z.null() },
  // extension page → the Gmail content script of a tab: put an asset's title and link at the cursor
  insertAsset: {
    from: 'extension-page',
    input: z.object({ title: z.string().max(300), url: z.string() }),
    output: z.object({ inserted: z.boolean(), reason: z.string().optional() }),
  },
  // background → extension pages (broadcasts; nobody may be listening)
  leadChanged: {
    from: 'background',
    input: z.object({
      leadId: z.string().optional(),
      /** Only the lead's activity or CRM sync changed (an attempt, an asset sent): who the lead is did not. */
      activityOnly: z.boolean().optional(),
    }),
    output: z.void(),
  },
  tabStateChanged: { from: 'background', input: z.object({ tabId: z.number().int() }), output: z.void() },
  /** How far a report read has come (HubSpot's takes paced requests): the page's progress bar. */
  reportProgress: { from: 'background', input: ReportProgress, output: z.void() },
} as const satisfies Record<string, { from: SenderKind | 'background'; input: z.ZodType; output: z.ZodType }>;

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = z.input<Protocol[T]['input']>;
export type ResponseOf<T extends MessageType> = z.output<Protocol[T]['output']>;

/** The protocol map in the shape @webext-core/messaging types its sendMessage/onMessage with. */
export type ProtocolMap = { [T in MessageType]: (data: RequestOf<T>) => ResponseOf<T> };
