/**
 * Types for server.mjs, so TypeScript tests can import the test server (the project's tsconfig does
 * not check JavaScript). Keep in step with server.mjs.
 */

export declare const SALESFORCE_API_VERSION: '66.0';
export declare const ORG_ID: '00D000000000001AAA';
export declare const REP_USER_ID: '005000000000001AAA';
export declare const TEAMMATE_USER_ID: '005000000000002AAA';
export declare const MARKETING_USER_ID: '005000000000003AAA';

export interface SalesforceUser {
  Id: string;
  FirstName: string;
  LastName: string;
  Name: string;
  Email: string;
  Username: string;
  IsActive: boolean;
}
export declare const USERS: readonly SalesforceUser[];

export declare const LEAD_STATUSES: readonly string[];
export declare const CONTACT_STATUSES: readonly string[];
export declare const LEAD_SOURCES: readonly string[];
export declare const TIMEFRAMES: readonly string[];
export declare const TASK_SUBTYPES: readonly string[];
export declare const TASK_STATUSES: readonly string[];

export interface FieldDef {
  name: string;
  type: string;
  label: string;
  length: number;
  custom: boolean;
  readOnly: boolean;
  createOnly: boolean;
  required: boolean;
  filterable: boolean;
  sortable: boolean;
  nillable: boolean;
  picklist?: string[];
  restricted?: boolean;
  defaultValue?: string;
  referenceTo?: string[];
  relationshipName?: string;
}
export declare const SCHEMA: Record<
  string,
  {
    name: string;
    label: string;
    labelPlural: string;
    keyPrefix: string;
    writable: boolean;
    fields: FieldDef[];
  }
>;

/** The 18-character case-safe form of a 15-character id. */
export declare function caseSafeId(id15: string): string;
/** base64url(SHA-256(verifier)): the PKCE S256 code challenge. */
export declare function pkceChallenge(verifier: string): string;

export declare class ApiError extends Error {
  constructor(status: number, errorCode: string, message: string, fields?: string[]);
  status: number;
  errorCode: string;
  fields: string[] | undefined;
  readonly body: Array<{ message: string; errorCode: string; fields?: string[] }>;
}
export declare class SoqlError extends Error {}
/** Parses a SOQL query of the supported subset; throws SoqlError. */
export declare function parseSoql(text: string): {
  fields: Array<{ path: string[]; text: string }>;
  object: string;
  where: unknown;
  orderBy: Array<{ field: { path: string[]; text: string }; descending: boolean; nullsLast: boolean }>;
  limit: number | null;
  offset: number | null;
};

export declare const HERO_IDS: {
  dana: '00Q8d00000DnWhtAAB';
  marco: '00Q8d00000MbLlIEAV';
  priya: '0038d00000PrRmNAAV';
};
export interface HeroPerson {
  key: 'dana' | 'priya' | 'marco';
  type: 'Lead' | 'Contact';
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  title: string;
  company: string;
  industry: string;
  companySize: number;
  territory: string;
  need: string | undefined;
  linkedinSlug: string;
  phone: string;
  handedOverMinutesAgo: number;
}
/** The heroes as seeded, in the order of HERO_LEADS in lib/sample/people.ts (Dana, Priya, Marco). */
export declare const HERO_PEOPLE: readonly HeroPerson[];
export declare const PRIYA_ACCOUNT_ID: string;
export declare const SEEDED_TASKS: { marcoCall: string; marcoEmail: string };
export declare const SEEDED_EVENTS: { priyaMeeting: string };
export declare const CAMPAIGNS: ReadonlyArray<{
  id: string;
  Name: string;
  Type: string;
  Status: string;
  startDaysAgo: number;
}>;
/** How many generated leads (20) and contacts (3) the seed adds besides the heroes. */
export declare const GENERATED: { leads: number; contacts: number };

export type FaultKind = '500' | 'timeout' | 'drop' | 'limit';

export interface FakeSalesforceOptions {
  /** API port (login host and instance); 0 = a free port. */
  port?: number;
  /** Control port; 0 = a free port. */
  controlPort?: number;
  host?: string;
  /** Seeds the generated records and the fault generator. */
  seed?: number;
  /** The connected app's consumer key (OAuth client_id); default 'baton-test-consumer-key'. */
  consumerKey?: string;
  /** The rolling 24-hour API allocation (default 15,000). */
  apiMax?: number;
  /** How long a `timeout` fault holds a request before closing the socket (default 30,000 ms). */
  holdMs?: number;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  instanceUrl: string;
  /** The identity URL: `<url>/id/<orgId>/<userId>`. */
  id: string;
}

export interface FakeSalesforce {
  /** Login host and instance URL, e.g. http://127.0.0.1:4020. */
  url: string;
  controlUrl: string;
  consumerKey: string;
  apiVersion: typeof SALESFORCE_API_VERSION;
  /** Mints a token pair for the rep (Alex Rep), exactly as the token endpoint would. */
  issueTokens(): IssuedTokens;
  close(): Promise<void>;
}

export declare function startFakeSalesforce(options?: FakeSalesforceOptions): Promise<FakeSalesforce>;

// --- control-port answers ---

/** A stored record: field API names → values (datetimes as `2026-12-07T10:15:00.000+0000`). */
export type StateRecord = Record<string, unknown> & { Id: string };

export interface FakeSalesforceConfig {
  consumerKey: string;
  seed: number;
  apiVersion: typeof SALESFORCE_API_VERSION;
  limits: { used: number; max: number };
  queryBatchSize: number;
  history: { trackOwner: boolean; trackStatus: boolean };
  oauth: { deny: boolean; uninstalled: boolean };
  fls: Array<{ object: string; field: string; readOnly: boolean; hidden: boolean }>;
  validationRules: Array<{
    object: string;
    field: string;
    equals: unknown;
    requireField: string;
    message: string;
  }>;
  faults: {
    random: { p500: number; timeout: number; dropAfterApply: number; pLimit: number } | null;
    holdMs: number;
    queued: Array<FaultKind | 'pass'>;
  };
  down: boolean;
}

/** GET /state */
export interface FakeSalesforceState {
  Lead: StateRecord[];
  Contact: StateRecord[];
  Account: StateRecord[];
  Task: StateRecord[];
  Event: StateRecord[];
  Campaign: StateRecord[];
  CampaignMember: StateRecord[];
  LeadHistory: StateRecord[];
  User: StateRecord[];
  deleted: Record<string, string[]>;
  config: FakeSalesforceConfig;
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
  /** The record a write touched or created. */
  objectId?: string;
  body?: unknown;
  /** For composite: each subrequest's method and url (references substituted when they ran). */
  subrequests?: Array<{ method: string; url: string }>;
}
