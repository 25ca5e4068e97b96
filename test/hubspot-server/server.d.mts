/**
 * Types for server.mjs, so TypeScript tests can import the test server (the project's tsconfig does
 * not check JavaScript). Keep in step with server.mjs.
 */

export declare const HUBSPOT_API_VERSION: '2026-03';

export type ObjectType = 'contacts' | 'leads' | 'calls' | 'emails' | 'communications' | 'notes';
export type EngagementType = Exclude<ObjectType, 'contacts' | 'leads'>;
export declare const OBJECT_TYPES: readonly ObjectType[];
export declare const ENGAGEMENT_TYPES: readonly EngagementType[];
/** HUBSPOT_DEFINED association type ids: engagement → contact, and contact → engagement. */
export declare const ASSOCIATION_TYPE_IDS: Record<EngagementType, { toContact: number; fromContact: number }>;
/**
 * Association type ids with leads. Seen in public code: 578 lead → contact, 580 lead → company; the
 * rest are the test server's own choice.
 */
export declare const LEAD_ASSOCIATION_TYPE_IDS: {
  contacts: { fromLead: 578; toLead: number };
  companies: { fromLead: 580 };
} & Record<EngagementType, { toLead: number; fromLead: number }>;
/** The `sourceId` of API writes in a property's history. */
export declare const INTEGRATION_SOURCE_ID: string;

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
  archived: false;
  createdAt: string;
  updatedAt: string;
  metadata: Record<string, string>;
}
export interface Pipeline {
  id: string;
  label: string;
  displayOrder: number;
  archived: false;
  createdAt: string;
  updatedAt: string;
  stages: PipelineStage[];
}
/** GET /crm/pipelines/{v}/leads → { results: LEAD_PIPELINES } */
export declare const LEAD_PIPELINES: readonly Pipeline[];
export declare const LEAD_DISQUALIFICATION_REASONS: ReadonlyArray<[value: string, label: string]>;

/** One write of a property, newest first in `propertiesWithHistory`. */
export interface HistoryEntry {
  value: string;
  timestamp: string;
  /** CRM_UI (seeded), INTEGRATION (API writes), CALCULATED (derived by the server). */
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

export declare const OWNERS: ReadonlyArray<{
  id: string;
  email: string;
  firstName: string;
  lastName: string;
}>;
export declare const LIFECYCLE_STAGES: ReadonlyArray<[value: string, label: string]>;
export declare const LEAD_STATUSES: ReadonlyArray<[value: string, label: string]>;
export declare const EMPLOYEE_RANGES: readonly string[];
export declare const TIMEFRAMES: readonly string[];

export declare const REP_OWNER_ID: '90001';
export declare const COLLEAGUE_OWNER_ID: '90002';
export declare const HERO_CONTACTS: ReadonlyArray<{
  id: string;
  firstname: string;
  lastname: string;
  email: string;
  jobtitle: string;
  company: string;
  industry: string;
  companySize: number;
  territory: string;
  need: string | undefined;
  linkedinSlug: string;
  mqlMinutesAgo: number;
}>;
export interface SeededLead {
  id: string;
  contactId: string;
  stage: string;
  ownerId: string;
}
/** One lead per hero contact: 80001 Dana (New), 80002 Priya (New), 80003 Marco (Attempting). */
export declare const HERO_LEADS: readonly SeededLead[];
/** 80004: a colleague's (90002) lead in Connected; 80005: a lead in Qualified. */
export declare const SEEDED_LEADS: { colleague: SeededLead; qualified: SeededLead };
/** Dana's seeded history, in minutes before seeding, oldest first. */
export declare const DANA_HISTORY: {
  owners: ReadonlyArray<{ ownerId: string; minutesAgo: number }>;
  conversions: ReadonlyArray<{ name: string; minutesAgo: number }>;
  emailClicks: ReadonlyArray<{ name: string; minutesAgo: number }>;
  pageVisits: ReadonlyArray<{ url: string; minutesAgo: number; pageViews: number }>;
  hubspotscore: { value: number; at: string };
};
export declare const SEEDED_ENGAGEMENTS: {
  priyaDialerCall: string;
  priyaGmailEmail: string;
  priyaColleagueCall: string;
  marcoLinkedInMessage: string;
};
export declare function employeeRange(size: number): string;

export type FaultKind = '500' | '429' | 'timeout' | 'drop';

export interface FakeHubSpotOptions {
  /** API port; 0 = a free port. */
  port?: number;
  /** Control port; 0 = a free port. */
  controlPort?: number;
  host?: string;
  token?: string;
  /** Seeds the generated contacts and the fault generator. */
  seed?: number;
  /** Defaults: 100 requests per rolling 10,000 ms, search 5 per second. */
  rate?: { max?: number; intervalMs?: number; searchPerSecond?: number };
  /** Every API call answers 403 MISSING_SCOPES. */
  forbidden?: boolean;
  /** How long a `timeout` fault holds a request before closing the socket (default 30,000 ms). */
  holdMs?: number;
  /** Extra MQL contacts of owner 90001 for load tests: ids 60000…, emails bulk-<n>@load.example. */
  bulkContacts?: number;
}

export interface FakeHubSpot {
  /** API base URL, e.g. http://127.0.0.1:4010 (paths start with /crm/…). */
  url: string;
  controlUrl: string;
  token: string;
  apiVersion: typeof HUBSPOT_API_VERSION;
  close(): Promise<void>;
}

export declare function startFakeHubSpot(options?: FakeHubSpotOptions): Promise<FakeHubSpot>;

// --- control-port answers ---

export interface CrmObject {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: false;
  /** With `propertiesWithHistory` asked for: each of those properties' writes, newest first. */
  propertiesWithHistory?: Record<string, HistoryEntry[]>;
}

export interface StateRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
}

export interface FakeHubSpotConfig {
  token: string;
  forbidden: boolean;
  missingScopes: string[];
  seed: number;
  rate: { max: number; intervalMs: number; searchPerSecond: number };
  faults: {
    random: { p500: number; p429: number; timeout: number; dropAfterApply: number } | null;
    holdMs: number;
    queued: FaultKind[];
  };
  down: boolean;
  apiVersion: typeof HUBSPOT_API_VERSION;
}

/** GET /state */
export interface FakeHubSpotState {
  contacts: Array<StateRecord & { associations: Record<EngagementType | 'leads', string[]> }>;
  leads: Array<StateRecord & { associations: Record<EngagementType | 'contacts', string[]> }>;
  engagements: Record<
    EngagementType,
    Array<StateRecord & { associations: { contacts: string[]; leads: string[] } }>
  >;
  archived: Record<ObjectType, string[]>;
  config: FakeHubSpotConfig;
}

/** GET /requests → { requests: RequestLogEntry[] } */
export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string | null;
  path: string | null;
  /** What the client received; null when it received nothing (down, timeout, drop). */
  status: number | null;
  fault?: FaultKind | 'down';
  /** For `drop`: the status of the applied (but unsent) answer. */
  appliedStatus?: number;
  /** The object a write touched or created. */
  objectId?: string;
  body?: unknown;
}
