import { describe, expect, test } from 'vitest';
import {
  SalesforceAuthError,
  SalesforceClient,
  SalesforceError,
  type SalesforceTokens,
} from '@/lib/crm/salesforce/client';
import { ApiUsage, SalesforceReadsPaused } from '@/lib/crm/salesforce/usage';

const INSTANCE = 'https://acme.my.salesforce.com';
type Call = { url: string; method: string; auth: string | null; body?: unknown };

/** A fetch that answers from a list, recording what it was asked. */
function scripted(answers: Array<(call: Call) => Response>) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      url: String(input),
      method: init?.method ?? 'GET',
      auth: headers.get('Authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const answer = answers.shift();
    if (!answer) throw new Error(`unexpected call ${call.method} ${call.url}`);
    return answer(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json', 'Sforce-Limit-Info': 'api-usage=10/15000', ...headers },
    });

function tokens(): SalesforceTokens & { renewals: number } {
  let token = 'token-one-xxxxxxxx';
  const holder = {
    renewals: 0,
    current: async () => token,
    renew: async (stale: string) => {
      holder.renewals++;
      if (stale !== token) return token;
      token = 'token-two-xxxxxxxx';
      return token;
    },
  };
  return holder;
}

const client = (
  fetch: typeof globalThis.fetch,
  extra: Partial<ConstructorParameters<typeof SalesforceClient>[0]> = {},
) =>
  new SalesforceClient({
    instanceUrl: INSTANCE,
    tokens: tokens(),
    fetch,
    sleep: async () => {},
    random: () => 0,
    ...extra,
  });

const page = (records: unknown[], next?: string) => ({
  totalSize: records.length,
  done: !next,
  records,
  ...(next ? { nextRecordsUrl: next } : {}),
});
const LEAD = (id: string) => ({ attributes: { type: 'Lead' }, Id: id, Name: `Lead ${id}` });

describe('SalesforceClient', () => {
  test('the token goes only to the pinned instance', () => {
    expect(() => client(scripted([]).fetch, { instanceUrl: 'https://evil.example' })).toThrow(
      /not a My Domain/,
    );
    expect(() =>
      client(scripted([]).fetch, { instanceUrl: 'https://acme.my.salesforce.com.evil.example' }),
    ).toThrow();
    expect(() => client(scripted([]).fetch, { instanceUrl: 'http://acme.my.salesforce.com' })).toThrow();
  });

  test('a 401 renews the session once and sends the request again with the new token', async () => {
    const { fetch, calls } = scripted([
      json(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]),
      json(200, page([LEAD('00Q000000000001AAA')])),
    ]);
    const holder = tokens();
    const found = await client(fetch, { tokens: holder }).query('SELECT Id FROM Lead', (r) => r);
    expect(found.records).toHaveLength(1);
    expect(calls.map((c) => c.auth)).toEqual(['Bearer token-one-xxxxxxxx', 'Bearer token-two-xxxxxxxx']);
    expect(holder.renewals).toBe(1);
  });

  test('a second 401 after renewing says to reconnect, without looping', async () => {
    const refused = json(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
    const { fetch, calls } = scripted([refused, refused]);
    await expect(client(fetch).query('SELECT Id FROM Lead', (r) => r)).rejects.toBeInstanceOf(
      SalesforceAuthError,
    );
    expect(calls).toHaveLength(2);
  });

  test('a query follows nextRecordsUrl and leaves out (and counts) records it cannot read', async () => {
    const { fetch, calls } = scripted([
      json(200, page([LEAD('00Q000000000001AAA'), { Id: 42 }], '/services/data/v66.0/query/01gXX-2000')),
      json(200, page([LEAD('00Q000000000002AAA')])),
    ]);
    const found = await client(fetch).query('SELECT Id, Name FROM Lead', (raw) =>
      typeof (raw as { Id?: unknown }).Id === 'string' ? raw : undefined,
    );
    expect(found.records).toHaveLength(2);
    expect(found.skipped).toBe(1);
    expect(calls[1]?.url).toBe(`${INSTANCE}/services/data/v66.0/query/01gXX-2000`);
    expect(decodeURIComponent(calls[0]?.url ?? '')).toContain('q=SELECT Id, Name FROM Lead');
  });

  test('5xx is retried; a refusal is named and not retried', async () => {
    const { fetch, calls } = scripted([
      json(500, [{ message: 'boom', errorCode: 'UNKNOWN_EXCEPTION' }]),
      json(204, undefined),
      json(400, [
        {
          message: 'Recycle reason is required',
          errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          fields: ['Recycle_Reason__c'],
        },
      ]),
    ]);
    const sf = client(fetch);
    await sf.update('Lead', '00Q000000000001AAA', { Status: 'SQL' });
    expect(calls).toHaveLength(2);
    const refused = await sf.update('Lead', '00Q000000000001AAA', { Status: 'Nurture' }).catch((e) => e);
    expect(refused).toBeInstanceOf(SalesforceError);
    expect(refused.retryable).toBe(false);
    expect(refused.code).toBe('FIELD_CUSTOM_VALIDATION_EXCEPTION');
    expect(refused.message).toMatch(/validation rule.*Recycle reason is required/);
    expect(calls).toHaveLength(3);
  });

  test('a locked row (another process holds the record) is retried, not failed', async () => {
    const { fetch, calls } = scripted([
      json(400, [
        { message: 'unable to obtain exclusive access to this record', errorCode: 'UNABLE_TO_LOCK_ROW' },
      ]),
      json(204, undefined),
    ]);
    await client(fetch).update('Lead', '00Q000000000001AAA', { Status: 'SQL' });
    expect(calls).toHaveLength(2);
  });

  test('Developer Edition, scratch and sandbox My Domains are instances; look-alikes are not', () => {
    for (const ok of [
      'https://acme-dev-ed.develop.my.salesforce.com',
      'https://acme--uat.sandbox.my.salesforce.com',
      'https://site-1234.scratch.my.salesforce.com',
    ])
      expect(() => client(scripted([]).fetch, { instanceUrl: ok })).not.toThrow();
    for (const bad of [
      'https://my.salesforce.com',
      'https://acme.my.salesforce.com.evil.example',
      'https://acme.evil.my-salesforce.com',
    ])
      expect(() => client(scripted([]).fetch, { instanceUrl: bad })).toThrow();
  });

  test('a create is tried once (its answer may be lost after it was applied)', async () => {
    const { fetch, calls } = scripted([json(503, [{ message: 'down', errorCode: 'SERVER_UNAVAILABLE' }])]);
    await expect(client(fetch).create('Task', { Subject: 'Call' })).rejects.toMatchObject({
      retryable: true,
    });
    expect(calls).toHaveLength(1);
  });

  test('REQUEST_LIMIT_EXCEEDED is not retried at once; it says how long to wait', async () => {
    const { fetch, calls } = scripted([
      json(403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }]),
    ]);
    const error = await client(fetch)
      .update('Lead', '00Q000000000001AAA', { Status: 'SQL' })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'REQUEST_LIMIT_EXCEEDED', retryable: true });
    expect(error.waitMs).toBeGreaterThanOrEqual(60_000);
    expect(calls).toHaveLength(1);
  });

  test('reads pause once 90% of the allowance is used; writes still go', async () => {
    let now = 0;
    const usage = new ApiUsage(() => now);
    const { fetch, calls } = scripted([
      json(200, page([]), { 'Sforce-Limit-Info': 'api-usage=13600/15000' }),
      json(204, undefined, { 'Sforce-Limit-Info': 'api-usage=13601/15000' }),
      json(200, page([]), { 'Sforce-Limit-Info': 'api-usage=100/15000' }),
    ]);
    const sf = client(fetch, { usage });
    await sf.query('SELECT Id FROM Lead', (r) => r);
    await expect(sf.query('SELECT Id FROM Lead', (r) => r)).rejects.toBeInstanceOf(SalesforceReadsPaused);
    await sf.update('Lead', '00Q000000000001AAA', { Status: 'SQL' });
    expect(calls).toHaveLength(2);
    expect(usage.snapshot()).toEqual({ used: 13601, max: 15000 });
    // Ten minutes on, one read goes to see whether the rolling window has moved on.
    now += 10 * 60_000;
    await sf.query('SELECT Id FROM Lead', (r) => r);
    await sf.query('SELECT Id FROM Lead', (r) => r).catch(() => {});
    expect(usage.snapshot()).toEqual({ used: 100, max: 15000 });
  });

  test('composite all-or-none throws the cause, not the subrequests halted with it', async () => {
    const { fetch, calls } = scripted([
      json(200, {
        compositeResponse: [
          {
            body: [{ errorCode: 'PROCESSING_HALTED', message: 'halted' }],
            httpHeaders: {},
            httpStatusCode: 400,
            referenceId: 'status',
          },
          {
            body: [
              {
                errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
                message: 'Unable to create/update fields: Status',
                fields: ['Status'],
              },
            ],
            httpHeaders: {},
            httpStatusCode: 400,
            referenceId: 'note',
          },
        ],
      }),
    ]);
    const error = await client(fetch)
      .composite(
        [
          {
            method: 'PATCH',
            url: '/services/data/v66.0/sobjects/Lead/00Q000000000001AAA',
            referenceId: 'status',
            body: { Status: 'SQL' },
          },
          { method: 'POST', url: '/services/data/v66.0/sobjects/Task', referenceId: 'note', body: {} },
        ],
        { allOrNone: true },
      )
      .catch((e) => e);
    expect(error.code).toBe('INVALID_FIELD_FOR_INSERT_UPDATE');
    expect(error.message).toMatch(/field-level security/);
    expect(calls[0]?.body).toMatchObject({ allOrNone: true });
  });
});
