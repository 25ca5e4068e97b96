import { z } from 'zod';

/**
 * The Salesforce REST API as Baton uses it, from Salesforce's public docs: one API version for
 * every call, the paths, and zod schemas for the answers. Records are checked one by one where a
 * list comes back (see client.ts), so one bad record never fails a list.
 */

/** One version for every call (Spring '26). */
export const SALESFORCE_API_VERSION = 'v66.0';

const base = `/services/data/${SALESFORCE_API_VERSION}`;

export const paths = {
  query: (soql: string) => `${base}/query?q=${encodeURIComponent(soql)}`,
  sobject: (type: SObjectType) => `${base}/sobjects/${type}`,
  record: (type: SObjectType, id: string) => `${base}/sobjects/${type}/${id}`,
  describe: (type: SObjectType) => `${base}/sobjects/${type}/describe`,
  composite: () => `${base}/composite`,
  /** OAuth, on the login host. */
  token: () => '/services/oauth2/token',
  revoke: () => '/services/oauth2/revoke',
  authorize: () => '/services/oauth2/authorize',
} as const;

export const SOBJECT_TYPES = [
  'Lead',
  'Contact',
  'Task',
  'Event',
  'CampaignMember',
  'LeadHistory',
  'User',
] as const;
export type SObjectType = (typeof SOBJECT_TYPES)[number];

/** A record as Salesforce sends it: `attributes` plus the selected fields (checked per use, in mapping.ts). */
export const SObjectRecord = z
  .object({
    attributes: z.object({ type: z.string(), url: z.string().optional() }).optional(),
    Id: z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, { message: 'must be a Salesforce id' }),
  })
  .catchall(z.unknown());
export type SObjectRecord = z.infer<typeof SObjectRecord>;

/** A query page; its records are checked one by one by the client. */
export const QueryPage = z.object({
  totalSize: z.number().int().nonnegative(),
  done: z.boolean(),
  records: z.array(z.unknown()),
  nextRecordsUrl: z
    .string()
    .regex(/^\/services\/data\/v\d+\.\d+\/query\/[A-Za-z0-9-]+$/, { message: 'must be a query cursor path' })
    .optional(),
});

export const CreateResult = z.object({
  id: z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/),
  success: z.literal(true),
  errors: z.array(z.unknown()).default([]),
});

/** Salesforce's error body: an array of `{ message, errorCode, fields? }`. */
export const ErrorBody = z.array(
  z.object({ message: z.string(), errorCode: z.string(), fields: z.array(z.string()).optional() }).loose(),
);
export type ErrorBody = z.infer<typeof ErrorBody>;

export const DescribeField = z
  .object({
    name: z.string().min(1),
    label: z.string(),
    type: z.string(),
    updateable: z.boolean().default(false),
    filterable: z.boolean().default(false),
    custom: z.boolean().default(false),
    picklistValues: z
      .array(
        z.object({ value: z.string(), label: z.string().nullable().optional(), active: z.boolean() }).loose(),
      )
      .default([]),
  })
  .loose();
export type DescribeField = z.infer<typeof DescribeField>;

export const DescribeResult = z.object({ name: z.string(), fields: z.array(z.unknown()) }).loose();

export type CompositeSubrequest = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: string;
  referenceId: string;
  body?: Record<string, unknown>;
};

export const CompositeResponse = z.object({
  compositeResponse: z.array(
    z.object({
      body: z.unknown(),
      httpHeaders: z.record(z.string(), z.string()).optional(),
      httpStatusCode: z.number().int(),
      referenceId: z.string(),
    }),
  ),
});

/** The token endpoint's answer (authorization code and refresh grants). */
export const TokenResponse = z.object({
  access_token: z.string().min(10),
  refresh_token: z.string().min(10).optional(),
  instance_url: z.string().url(),
  /** The identity URL: `https://login…/id/<orgId>/<userId>`. */
  id: z.string().url(),
  token_type: z.string().optional(),
  issued_at: z.string().optional(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof TokenResponse>;

export const OAuthErrorBody = z.object({ error: z.string(), error_description: z.string().optional() });

/** The org and user ids from a token's identity URL. */
export function identityOf(idUrl: string): { orgId: string; userId: string } | undefined {
  const match = /\/id\/([a-zA-Z0-9]{15,18})\/([a-zA-Z0-9]{15,18})\/?$/.exec(new URL(idUrl).pathname);
  return match?.[1] && match[2] ? { orgId: match[1], userId: match[2] } : undefined;
}

/** `Sforce-Limit-Info: api-usage=N/M`: the org's calls in the rolling 24 hours, and its allocation. */
export function apiUsageOf(header: string | null): { used: number; max: number } | undefined {
  const match = /api-usage=(\d+)\/(\d+)/.exec(header ?? '');
  if (!match) return undefined;
  const used = Number(match[1]);
  const max = Number(match[2]);
  return max > 0 ? { used, max } : undefined;
}
