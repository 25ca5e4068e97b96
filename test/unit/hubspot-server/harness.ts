import {
  type FakeHubSpot,
  type FakeHubSpotOptions,
  type FakeHubSpotState,
  HUBSPOT_API_VERSION,
  type RequestLogEntry,
  startFakeHubSpot,
} from '../../hubspot-server/server.mjs';

export const V = HUBSPOT_API_VERSION;

/** A decoded JSON body: tests read HubSpot's loosely typed answers field by field. */
// biome-ignore lint/suspicious/noExplicitAny: JSON answers are asserted field by field
export type Json = any;

export type Reply = { status: number; headers: Headers; body: Json };

export type Harness = {
  server: FakeHubSpot;
  /** Calls the API port with the server's token (or `token`, or none when `token: null`). */
  call(
    method: string,
    path: string,
    body?: unknown,
    options?: { token?: string | null; headers?: Record<string, string>; signal?: AbortSignal },
  ): Promise<Reply>;
  control(method: string, path: string, body?: unknown): Promise<Json>;
  state(): Promise<FakeHubSpotState>;
  requests(): Promise<RequestLogEntry[]>;
};

export async function startHarness(options: FakeHubSpotOptions = {}): Promise<Harness> {
  const server = await startFakeHubSpot(options);
  const call: Harness['call'] = async (method, path, body, opts = {}) => {
    const token = opts.token === undefined ? server.token : opts.token;
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...opts.headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: opts.signal,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
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
    call,
    control,
    state: () => control('GET', '/state'),
    requests: async () => (await control('GET', '/requests')).requests,
  };
}

/** A search body with one AND-group of filters. */
export const where = (filters: object[], extra: object = {}) => ({ filterGroups: [{ filters }], ...extra });

/** The association a create request sends: engagement → contact. */
export const toContact = (contactId: string, associationTypeId: number) => [
  { to: { id: contactId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId }] },
];
