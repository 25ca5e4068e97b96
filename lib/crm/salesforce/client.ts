import type { z } from 'zod';
import { describeZodError } from '../../model/schemas';
import {
  apiUsageOf,
  CompositeResponse,
  type CompositeSubrequest,
  CreateResult,
  DescribeField,
  DescribeResult,
  ErrorBody,
  paths,
  QueryPage,
  type SObjectType,
} from './api';
import { pinnedInstanceOrigin } from './origins';
import { soqlId } from './soql';
import { ApiUsage } from './usage';

/** A Salesforce answer Baton cannot use. `retryable`: the same request may succeed later. */
export class SalesforceError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    /** Salesforce's errorCode (INVALID_FIELD, FIELD_CUSTOM_VALIDATION_EXCEPTION, …), or TIMEOUT / NETWORK. */
    readonly code?: string,
    /** How long to wait before trying again, when Salesforce says (the daily allowance). */
    readonly waitMs?: number,
  ) {
    super(message);
    this.name = 'SalesforceError';
  }
}

/** The session could not be renewed: nothing is sent until the rep reconnects Salesforce. */
export class SalesforceAuthError extends SalesforceError {
  constructor(message: string) {
    super(message, 401, false, 'INVALID_SESSION_ID');
    this.name = 'SalesforceAuthError';
  }
}

/** Where the client gets its access token, and a new one after a 401 (see lib/background/salesforce-tokens.ts). */
export interface SalesforceTokens {
  current(): Promise<string>;
  /** A fresh access token after `stale` was refused; throws a SalesforceAuthError when the refresh token is refused too. */
  renew(stale: string): Promise<string>;
}

export type SalesforceClientOptions = {
  instanceUrl: string;
  tokens: SalesforceTokens;
  usage?: ApiUsage;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

type RequestOptions = {
  body?: unknown;
  /** A create may have been applied when its answer is lost: tried once, checked by the caller (the outbox). */
  unsafe?: boolean;
  /** Reads pause when the org's allowance runs low; writes still go. */
  read?: boolean;
};

/** Waiting this long after the org's allowance ran out before trying again. */
export const LIMIT_RETRY_MS = 15 * 60_000;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Records of a list that could be read, and how many could not. */
export type Checked<T> = { records: T[]; skipped: number };

/**
 * A typed client for the Salesforce REST endpoints Baton uses, written from Salesforce's public
 * docs. Every answer is checked with zod (list records one by one); the token goes only to the
 * pinned instance; a 401 renews the session once; 5xx and timeouts are retried with backoff and
 * jitter; every answer's `Sforce-Limit-Info` is read, and reads pause before the allowance runs out.
 */
export class SalesforceClient {
  private readonly origin: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  readonly usage: ApiUsage;

  constructor(private readonly options: SalesforceClientOptions) {
    this.origin = pinnedInstanceOrigin(options.instanceUrl);
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxAttempts = options.maxAttempts ?? 4;
    this.sleep = options.sleep ?? sleepFor;
    this.random = options.random ?? Math.random;
    this.usage = options.usage ?? new ApiUsage();
  }

  async request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | undefined,
    options: RequestOptions = {},
  ): Promise<z.output<S>> {
    if (options.read) this.usage.checkRead();
    let lastError: SalesforceError | undefined;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      try {
        return await this.authorized(method, path, schema, options.body);
      } catch (error) {
        const failure =
          error instanceof SalesforceError ? error : new SalesforceError(String(error), undefined, true);
        lastError = failure;
        const repeatable = failure.retryable && !options.unsafe && failure.code !== 'REQUEST_LIMIT_EXCEEDED';
        if (!repeatable || attempt === this.maxAttempts) throw failure;
        await this.sleep(Math.min(30_000, 500 * 2 ** (attempt - 1)) * this.random());
      }
    }
    throw lastError ?? new SalesforceError('Salesforce request failed', undefined, true);
  }

  /** One request; a refused session is renewed once and the request sent again. */
  private async authorized<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | undefined,
    body: unknown,
  ): Promise<z.output<S>> {
    const token = await this.options.tokens.current();
    try {
      return await this.once(method, path, schema, body, token);
    } catch (error) {
      if (!(error instanceof SalesforceError) || error.status !== 401) throw error;
      const renewed = await this.options.tokens.renew(token);
      try {
        return await this.once(method, path, schema, body, renewed);
      } catch (again) {
        if (again instanceof SalesforceError && again.status === 401)
          throw new SalesforceAuthError(
            'Salesforce refused the renewed session: reconnect Salesforce in options',
          );
        throw again;
      }
    }
  }

  private async once<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S | undefined,
    body: unknown,
    token: string,
  ): Promise<z.output<S>> {
    if (!path.startsWith('/services/data/'))
      throw new SalesforceError(`Not a Salesforce REST path: ${path.slice(0, 80)}`, undefined, false);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: Response;
    try {
      response = await this.fetch(`${this.origin}${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
        // A redirect would carry the token to wherever it points: refused, never followed.
        redirect: 'error',
      });
    } catch (error) {
      const timedOut = controller.signal.aborted;
      throw new SalesforceError(
        timedOut
          ? `Salesforce did not answer within ${this.timeoutMs / 1000} s`
          : `Could not reach Salesforce (${(error as Error).message})`,
        undefined,
        true,
        timedOut ? 'TIMEOUT' : 'NETWORK',
      );
    } finally {
      clearTimeout(timer);
    }
    this.usage.observe(apiUsageOf(response.headers.get('Sforce-Limit-Info')));
    const text = await response.text().catch(() => '');
    const json = parseJson(text);
    if (!response.ok) throw errorFor(response.status, json, path);
    if (!schema) return undefined as z.output<S>;
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new SalesforceError(
        `Unexpected answer from Salesforce for ${shortPath(path)}: ${describeZodError(parsed.error)}`,
        response.status,
        false,
        'UNEXPECTED_ANSWER',
      );
    return parsed.data;
  }

  /**
   * Runs a SOQL query and follows `nextRecordsUrl` until `limit` records; each record is checked
   * with `record` and one that fails is counted in `skipped`, never failing the list.
   */
  async query<T>(
    soql: string,
    record: (raw: unknown) => T | undefined,
    limit = 2_000,
    /** A write's own lookup (is the Task already there?) goes even while reads are paused. */
    options: { forWrite?: boolean } = {},
  ): Promise<Checked<T>> {
    return this.pages(paths.query(soql), undefined, record, limit, !options.forWrite);
  }

  /**
   * The records of a query's first page already in hand (a composite's query answer) and of the
   * pages after it (`nextRecordsUrl`, one API call each), checked as `query` checks them.
   */
  continueQuery<T>(
    first: z.output<typeof QueryPage>,
    record: (raw: unknown) => T | undefined,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<Checked<T> & { calls: number }> {
    return this.pages(undefined, first, record, limit, true);
  }

  private async pages<T>(
    start: string | undefined,
    first: z.output<typeof QueryPage> | undefined,
    record: (raw: unknown) => T | undefined,
    limit: number,
    read: boolean,
  ): Promise<Checked<T> & { calls: number }> {
    const records: T[] = [];
    let skipped = 0;
    let calls = 0;
    let page = first;
    let next = start;
    while (page || (next && records.length + skipped < limit)) {
      if (!page) {
        page = await this.request('GET', next as string, QueryPage, { read });
        calls++;
      }
      for (const raw of page.records) {
        const checked = record(raw);
        if (checked === undefined) skipped++;
        else records.push(checked);
      }
      next = page.done ? undefined : page.nextRecordsUrl;
      page = undefined;
    }
    return { records: records.slice(0, limit), skipped, calls };
  }

  /** Creates a record; tried once (see `unsafe`). */
  async create(type: SObjectType, fields: Record<string, unknown>): Promise<string> {
    const result = await this.request('POST', paths.sobject(type), CreateResult, {
      body: fields,
      unsafe: true,
    });
    return result.id;
  }

  /** A PATCH sets the same values however often it is sent: safe to repeat. */
  async update(type: SObjectType, id: string, fields: Record<string, unknown>): Promise<void> {
    soqlId(id);
    await this.request('PATCH', paths.record(type, id), undefined, { body: fields });
  }

  /** Deletes a record; one already gone counts as deleted. */
  async delete(type: SObjectType, id: string): Promise<void> {
    soqlId(id);
    try {
      await this.request('DELETE', paths.record(type, id), undefined);
    } catch (error) {
      const gone =
        error instanceof SalesforceError &&
        (error.status === 404 || error.code === 'ENTITY_IS_DELETED' || error.code === 'NOT_FOUND');
      if (!gone) throw error;
    }
  }

  /** The object's fields, read one by one (one odd field never hides the rest). */
  async describe(type: 'Lead' | 'Contact' | 'Task'): Promise<DescribeField[]> {
    const result = await this.request('GET', paths.describe(type), DescribeResult, { read: true });
    return result.fields.flatMap((raw) => {
      const parsed = DescribeField.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /**
   * Several calls as one (Salesforce's Composite API: one API call for up to 25). With
   * `allOrNone`, a failing subrequest rolls the others back and the first failure is thrown.
   * Subrequests that create are not repeated blindly (`unsafe`).
   */
  async composite(
    subrequests: readonly CompositeSubrequest[],
    options: { allOrNone: boolean; read?: boolean },
  ): Promise<Array<{ referenceId: string; status: number; body: unknown }>> {
    if (subrequests.length === 0) return [];
    if (subrequests.length > 25) throw new Error('a composite request takes at most 25 subrequests');
    const unsafe = subrequests.some((sub) => sub.method === 'POST');
    const result = await this.request('POST', paths.composite(), CompositeResponse, {
      body: { allOrNone: options.allOrNone, compositeRequest: subrequests },
      unsafe,
      read: options.read,
    });
    const answers = result.compositeResponse.map((sub) => ({
      referenceId: sub.referenceId,
      status: sub.httpStatusCode,
      body: sub.body,
    }));
    if (options.allOrNone) {
      // The real cause, not the PROCESSING_HALTED of the ones rolled back with it.
      const failed =
        answers.find((a) => a.status >= 400 && !isHalted(a.body)) ?? answers.find((a) => a.status >= 400);
      if (failed) throw errorFor(failed.status, failed.body, `composite ${failed.referenceId}`);
    }
    return answers;
  }
}

const isHalted = (body: unknown) =>
  Array.isArray(body) && body.some((e) => (e as { errorCode?: string })?.errorCode === 'PROCESSING_HALTED');

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const shortPath = (path: string) => path.split('?')[0]?.slice(0, 120) ?? path;

/** 4xx answers that pass: another process held the record, or the query ran long. */
const TRANSIENT = new Set(['UNABLE_TO_LOCK_ROW', 'QUERY_TIMEOUT', 'SERVER_UNAVAILABLE']);

/** Field-level security, validation rules and bad fields: a retry would get the same answer. */
const REFUSALS: Record<string, string> = {
  INVALID_FIELD: 'Salesforce has no such field (or hides it from this user)',
  INVALID_FIELD_FOR_INSERT_UPDATE: 'this user may not write that field (field-level security)',
  FIELD_CUSTOM_VALIDATION_EXCEPTION: "the org's validation rule refused it",
  INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 'a value is not in the picklist',
  INSUFFICIENT_ACCESS_OR_READONLY: 'this user may not change that record',
  INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY: 'this user may not change that record',
  REQUIRED_FIELD_MISSING: 'a required field is empty',
  STRING_TOO_LONG: 'a value is too long',
  INVALID_CROSS_REFERENCE_KEY: 'a linked record does not exist',
  MALFORMED_QUERY: 'Baton sent a query Salesforce could not read',
  INVALID_TYPE: 'Salesforce has no such object',
  ENTITY_IS_DELETED: 'the record was deleted',
};

/** The error for a refused answer, named the way the panel shows it. */
export function errorFor(status: number, json: unknown, path: string): SalesforceError {
  const parsed = ErrorBody.safeParse(json);
  const first = parsed.success ? parsed.data[0] : undefined;
  const code = first?.errorCode;
  const detail = first ? `${first.errorCode}: ${first.message.slice(0, 300)}` : `HTTP ${status}`;
  if (status === 401)
    return new SalesforceError(`Salesforce refused the session (${detail})`, 401, false, code);
  if (code === 'REQUEST_LIMIT_EXCEEDED')
    return new SalesforceError(
      "Salesforce's daily API allowance for the org is used up (REQUEST_LIMIT_EXCEEDED): Baton tries again later",
      status,
      true,
      code,
      LIMIT_RETRY_MS,
    );
  if (status >= 500 || status === 429 || (code !== undefined && TRANSIENT.has(code)))
    return new SalesforceError(`Salesforce had an error (${detail})`, status, true, code);
  const why = code ? REFUSALS[code] : undefined;
  return new SalesforceError(
    `Salesforce refused ${shortPath(path)}${why ? `: ${why}` : ''} (${detail})`,
    status,
    false,
    code,
  );
}
