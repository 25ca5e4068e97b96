import {
  type FakeSalesforce,
  type FakeSalesforceOptions,
  type FakeSalesforceState,
  type IssuedTokens,
  type RequestLogEntry,
  SALESFORCE_API_VERSION,
  startFakeSalesforce,
} from '../../salesforce-server/server.mjs';

export const V = SALESFORCE_API_VERSION;
export const DATA = `/services/data/v${V}`;

/** A decoded JSON body: tests read Salesforce's loosely typed answers field by field. */
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are asserted field by field
export type Json = any;

export type Reply = { status: number; headers: Headers; body: Json };

export type Harness = {
  server: FakeSalesforce;
  tokens: IssuedTokens;
  /** Calls the API with the harness's access token (or `token`, or none when `token: null`). */
  call(
    method: string,
    path: string,
    body?: unknown,
    options?: { token?: string | null; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Reply>;
  /** GET {DATA}/query?q=… */
  query(soql: string, options?: { token?: string | null }): Promise<Reply>;
  /** A form POST to the login host (OAuth). */
  form(path: string, fields: Record<string, string>): Promise<Reply>;
  control(method: string, path: string, body?: unknown): Promise<Json>;
  state(): Promise<FakeSalesforceState>;
  requests(): Promise<RequestLogEntry[]>;
};

/** @param text an answer body, JSON or empty */
const decode = (text: string): Json => {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export async function startHarness(options: FakeSalesforceOptions = {}): Promise<Harness> {
  const server = await startFakeSalesforce(options);
  const tokens = server.issueTokens();
  const call: Harness['call'] = async (method, path, body, opts = {}) => {
    const token = opts.token === undefined ? tokens.accessToken : opts.token;
    const response = await fetch(`${server.url}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...opts.headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: opts.signal,
    });
    return { status: response.status, headers: response.headers, body: decode(await response.text()) };
  };
  const form: Harness['form'] = async (path, fields) => {
    const response = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, headers: response.headers, body: decode(await response.text()) };
  };
  const control: Harness['control'] = async (method, path, body) => {
    const response = await fetch(`${server.controlUrl}${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok)
      throw new Error(`control ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    server,
    tokens,
    call,
    query: (soql, opts) => call('GET', `${DATA}/query?q=${encodeURIComponent(soql)}`, undefined, opts),
    form,
    control,
    state: () => control('GET', '/state'),
    requests: async () => (await control('GET', '/requests')).requests,
  };
}

/** The usage count of a `Sforce-Limit-Info: api-usage=N/M` header. */
export const usage = (reply: Reply) => {
  const match = /^api-usage=(\d+)\/(\d+)$/.exec(reply.headers.get('sforce-limit-info') ?? '');
  return match ? { used: Number(match[1]), max: Number(match[2]) } : null;
};
