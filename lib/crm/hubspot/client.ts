import type { z } from 'zod';
import { describeZodError } from '../../model/schemas';
import {
  type AssociationRow,
  AssociationsResponse,
  BatchAssociationsResponse,
  BatchReadResponse,
  type CrmObject,
  CrmObject as CrmObjectSchema,
  DefaultAssociationResponse,
  type EngagementType,
  ErrorBody,
  type Filter,
  type ObjectType,
  type Owner,
  OwnersResponse,
  PipelinesResponse,
  PropertiesResponse,
  paths,
  type RecordType,
  SearchResponse,
  TO_CONTACT_ASSOCIATION,
} from './api';
import { pinnedHubSpotOrigin } from './api-origin';
import { RequestPacer } from './pacer';

/** A HubSpot answer Baton cannot use. `retryable`: the same request may succeed later. */
export class HubSpotError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    readonly category?: string,
  ) {
    super(message);
    this.name = 'HubSpotError';
  }
}

/** 401/403: the token is wrong, revoked or lacks a scope. Nothing should be retried until reconnected. */
export class HubSpotAuthError extends HubSpotError {
  constructor(message: string, status: number, category?: string) {
    super(message, status, false, category);
    this.name = 'HubSpotAuthError';
  }
}

export type HubSpotClientOptions = {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Attempts per request for failures that are safe to repeat. */
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  pacer?: RequestPacer;
};

type RequestOptions = {
  body?: unknown;
  search?: boolean;
  /**
   * A create is not safe to repeat blindly: a timeout or a dropped response may hide a write
   * that was applied. Such requests are tried once; the caller checks and retries (see the outbox).
   */
  unsafe?: boolean;
};

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A typed client for the few HubSpot CRM endpoints Baton uses, written from HubSpot's public
 * docs. Every response is validated with zod; requests are paced under the account's limits;
 * 429s, 5xx and timeouts are retried with exponential backoff and full jitter.
 */
export class HubSpotClient {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  readonly pacer: RequestPacer;
  /** The only origin the token is sent to (see api-origin.ts): checked here, before any request. */
  private readonly origin: string;

  constructor(private readonly options: HubSpotClientOptions) {
    this.origin = pinnedHubSpotOrigin(options.baseUrl);
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.maxAttempts = options.maxAttempts ?? 5;
    this.sleep = options.sleep ?? sleepFor;
    this.random = options.random ?? Math.random;
    this.pacer = options.pacer ?? new RequestPacer();
  }

  async request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | undefined,
    options: RequestOptions = {},
  ): Promise<z.output<S>> {
    let lastError: HubSpotError | undefined;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      await this.pacer.waitTurn(options.search ?? false);
      try {
        return await this.once(method, path, schema, options.body);
      } catch (error) {
        const failure =
          error instanceof HubSpotError ? error : new HubSpotError(String(error), undefined, true);
        lastError = failure;
        const repeatable = failure.retryable && (!options.unsafe || failure.status === 429);
        if (!repeatable || attempt === this.maxAttempts) throw failure;
        const backoff = Math.min(30_000, 500 * 2 ** (attempt - 1));
        const wait =
          failure instanceof RateLimited
            ? Math.max(failure.waitMs, backoff * this.random())
            : backoff * this.random();
        await this.sleep(wait);
      }
    }
    throw lastError ?? new HubSpotError('HubSpot request failed', undefined, true);
  }

  private async once<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | undefined,
    body: unknown,
  ): Promise<z.output<S>> {
    if (!path.startsWith('/') || path.startsWith('//'))
      throw new HubSpotError(`Not a HubSpot API path: ${path}`, undefined, false);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetch(`${this.origin}${path}`, {
        method,
        headers: { Authorization: `Bearer ${this.options.token}`, 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (error) {
      const timedOut = controller.signal.aborted;
      throw new HubSpotError(
        timedOut
          ? `HubSpot did not answer within ${this.timeoutMs / 1000} s`
          : `Could not reach HubSpot (${(error as Error).message})`,
        undefined,
        true,
        timedOut ? 'TIMEOUT' : 'NETWORK',
      );
    } finally {
      clearTimeout(timer);
    }
    this.pacer.observe(response.headers);
    const text = await response.text().catch(() => '');
    const json = parseJson(text);
    if (!response.ok) throw errorFor(response, json, path);
    if (!schema) return undefined as z.output<S>;
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new HubSpotError(
        `Unexpected response from HubSpot for ${path}: ${describeZodError(parsed.error)}`,
        response.status,
        false,
      );
    }
    return parsed.data;
  }

  // --- records: contacts and leads ---

  listContactProperties() {
    return this.listProperties('contacts');
  }

  listProperties(objectType: RecordType) {
    return this.request('GET', paths.properties(objectType), PropertiesResponse).then((r) => r.results);
  }

  /** Every owner of the portal, 500 a page. */
  async listOwners(): Promise<Owner[]> {
    const owners: Owner[] = [];
    let after: string | undefined;
    do {
      const page = await this.request(
        'GET',
        `${paths.owners()}?limit=500${after ? `&after=${encodeURIComponent(after)}` : ''}`,
        OwnersResponse,
      );
      owners.push(...page.results);
      after = page.paging?.next?.after;
    } while (after);
    return owners;
  }

  /** The Leads object's pipelines; a portal without the Leads object answers 403 (a HubSpotAuthError). */
  leadPipelines() {
    return this.request('GET', paths.leadPipelines(), PipelinesResponse).then((r) => r.results);
  }

  getContact(id: string, properties: readonly string[], withHistory: readonly string[] = []) {
    return this.getRecord('contacts', id, properties, withHistory);
  }

  /** One record, or undefined when HubSpot has none with that id; `withHistory`: properties whose every write comes too. */
  async getRecord(
    objectType: RecordType,
    id: string,
    properties: readonly string[],
    withHistory: readonly string[] = [],
  ): Promise<CrmObject | undefined> {
    const list = (names: readonly string[]) => names.map(encodeURIComponent).join(',');
    const history = withHistory.length > 0 ? `&propertiesWithHistory=${list(withHistory)}` : '';
    try {
      return await this.request(
        'GET',
        `${paths.object(objectType, id)}?properties=${list(properties)}${history}`,
        CrmObjectSchema,
      );
    } catch (error) {
      if (error instanceof HubSpotError && error.status === 404) return undefined;
      throw error;
    }
  }

  search(
    objectType: ObjectType,
    filters: Filter[],
    properties: readonly string[],
    limit = 100,
    after?: string,
  ) {
    return this.request('POST', paths.search(objectType), SearchResponse, {
      search: true,
      body: { filterGroups: [{ filters }], properties, limit, ...(after ? { after } : {}) },
    });
  }

  /** Search, page after page (200 a page), until `limit` records or the last page. */
  async searchUpTo(
    objectType: ObjectType,
    filters: Filter[],
    properties: readonly string[],
    limit: number,
  ): Promise<{ results: CrmObject[]; skipped: number }> {
    const results: CrmObject[] = [];
    let skipped = 0;
    let after: string | undefined;
    do {
      const page = await this.search(
        objectType,
        filters,
        properties,
        Math.min(200, limit - results.length),
        after,
      );
      results.push(...page.results);
      skipped += page.skipped;
      after = page.paging?.next?.after;
    } while (after && results.length < limit);
    return { results, skipped };
  }

  updateContact(id: string, properties: Record<string, string>) {
    return this.updateRecord('contacts', id, properties);
  }

  updateRecord(objectType: RecordType, id: string, properties: Record<string, string>) {
    return this.request('PATCH', paths.object(objectType, id), CrmObjectSchema, { body: { properties } });
  }

  /** Associates two records with their default (most generic) type. Idempotent: safe to repeat. */
  associateDefault(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string) {
    return this.request(
      'PUT',
      paths.defaultAssociation(fromType, fromId, toType, toId),
      DefaultAssociationResponse,
    );
  }

  // --- engagements ---

  async associatedIds(contactId: string, toType: EngagementType | 'leads'): Promise<string[]> {
    const response = await this.request(
      'GET',
      paths.contactAssociations(contactId, toType),
      AssociationsResponse,
    );
    return response.results.map((row) => row.toObjectId);
  }

  /** The records of `ids`, 100 a request; `skipped`: records HubSpot sent that could not be read. */
  async batchRead(
    objectType: ObjectType,
    ids: readonly string[],
    properties: readonly string[],
    withHistory: readonly string[] = [],
  ): Promise<{ results: CrmObject[]; skipped: number }> {
    const results: CrmObject[] = [];
    let skipped = 0;
    for (let i = 0; i < ids.length; i += 100) {
      const inputs = ids.slice(i, i + 100).map((id) => ({ id }));
      const page = await this.request('POST', paths.batchRead(objectType), BatchReadResponse, {
        body: { inputs, properties, propertiesWithHistory: withHistory },
      });
      results.push(...page.results);
      skipped += page.skipped;
    }
    return { results, skipped };
  }

  /**
   * The contacts each engagement of `ids` is associated with, 1,000 engagements a request
   * (associations v4 batch read); an engagement with more associations than one page holds is
   * asked again with its `after`. `skipped`: rows HubSpot sent that could not be read.
   */
  async associatedContacts(
    fromType: EngagementType | 'leads',
    ids: readonly string[],
  ): Promise<{ byEngagement: Map<string, string[]>; skipped: number }> {
    const byEngagement = new Map<string, string[]>();
    let skipped = 0;
    let inputs: Array<{ id: string; after?: string }> = ids.map((id) => ({ id }));
    while (inputs.length > 0) {
      const more: Array<{ id: string; after?: string }> = [];
      for (let i = 0; i < inputs.length; i += ASSOCIATION_BATCH) {
        const page = await this.request(
          'POST',
          paths.batchAssociations(fromType, 'contacts'),
          BatchAssociationsResponse,
          { body: { inputs: inputs.slice(i, i + ASSOCIATION_BATCH) } },
        );
        skipped += page.skipped;
        for (const row of page.results as AssociationRow[]) {
          const list = byEngagement.get(row.from.id) ?? [];
          list.push(...row.to.map((to) => to.toObjectId));
          byEngagement.set(row.from.id, list);
          const after = row.paging?.next?.after;
          if (after) more.push({ id: row.from.id, after });
        }
      }
      inputs = more;
    }
    return { byEngagement, skipped };
  }

  /** Creates an engagement associated with a contact. Tried once: see `unsafe`. */
  createEngagement(objectType: EngagementType, contactId: string, properties: Record<string, string>) {
    return this.request('POST', paths.objects(objectType), CrmObjectSchema, {
      unsafe: true,
      body: {
        properties,
        associations: [
          {
            to: { id: contactId },
            types: [
              {
                associationCategory: 'HUBSPOT_DEFINED',
                associationTypeId: TO_CONTACT_ASSOCIATION[objectType],
              },
            ],
          },
        ],
      },
    });
  }

  deleteEngagement(objectType: EngagementType, id: string) {
    return this.request('DELETE', paths.object(objectType, id), undefined);
  }
}

/** Inputs per associations v4 batch read (HubSpot's limit). */
export const ASSOCIATION_BATCH = 1000;

/** A 429: how long HubSpot asked us to wait. */
class RateLimited extends HubSpotError {
  constructor(
    message: string,
    readonly waitMs: number,
    category?: string,
  ) {
    super(message, 429, true, category);
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function errorFor(response: Response, json: unknown, path: string): HubSpotError {
  const body = ErrorBody.safeParse(json);
  const detail = body.success ? (body.data.message ?? body.data.category ?? '') : '';
  const category = body.success ? body.data.category : undefined;
  const status = response.status;
  if (status === 401 || status === 403) {
    const what =
      status === 401
        ? 'HubSpot refused the token (expired or revoked)'
        : 'The token lacks a HubSpot scope Baton needs';
    return new HubSpotAuthError(`${what}: reconnect HubSpot. ${detail}`.trim(), status, category);
  }
  if (status === 429) {
    const retryAfter = Number(response.headers.get('Retry-After'));
    const interval = Number(response.headers.get('X-HubSpot-RateLimit-Interval-Milliseconds'));
    const waitMs =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? retryAfter * 1000
        : Number.isFinite(interval) && interval > 0
          ? Math.min(interval, 10_000)
          : 1_000;
    const policy = body.success ? body.data.policyName : undefined;
    if (policy === 'DAILY')
      return new HubSpotError(`HubSpot's daily request limit is used up. ${detail}`, 429, false, category);
    return new RateLimited(`HubSpot rate limit (${policy ?? 'unknown policy'})`, waitMs, category);
  }
  if (status >= 500)
    return new HubSpotError(`HubSpot server error ${status} on ${path}`, status, true, category);
  return new HubSpotError(`HubSpot refused ${path} (${status}): ${detail}`, status, false, category);
}
