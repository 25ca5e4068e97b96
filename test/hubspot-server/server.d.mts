/**
 * Types for server.mjs, so TypeScript tests can import the test server (the project's tsconfig does
 * not check JavaScript). Keep in step with server.mjs.
 */

export declare const HUBSPOT_API_VERSION: '2026-03';

export type ObjectType = 'contacts' | 'calls' | 'emails' | 'communications' | 'notes';
export type EngagementType = Exclude<ObjectType, 'contacts'>;
export declare const OBJECT_TYPES: readonly ObjectType[];
export declare const ENGAGEMENT_TYPES: readonly EngagementType[];
/** HUBSPOT_DEFINED association type ids: engagement → contact, and contact → engagement. */
export declare const ASSOCIATION_TYPE_IDS: Record<EngagementType, { toContact: number; fromContact: number }>;

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
  contacts: Array<StateRecord & { associations: Record<EngagementType, string[]> }>;
  engagements: Record<EngagementType, Array<StateRecord & { associations: { contacts: string[] } }>>;
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
