import { describe, expect, test, vi } from 'vitest';
import { connectHubSpot } from '@/lib/background/crm-connect';
import { HUBSPOT_API_VERSION } from '@/lib/crm/hubspot/api';
import { pinnedHubSpotOrigin, UnpinnedOriginError } from '@/lib/crm/hubspot/api-origin';
import { HubSpotAuthError, HubSpotClient, HubSpotError } from '@/lib/crm/hubspot/client';
import { RequestPacer } from '@/lib/crm/hubspot/pacer';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const contact = {
  id: '51001',
  properties: { email: 'dana@x.example', firstname: 'Dana' },
  updatedAt: '2026-11-24T10:00:00Z',
};

function clientWith(responses: Array<Response | Error>) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const next = responses.shift();
    if (!next) throw new Error('no more responses');
    if (next instanceof Error) throw next;
    return next;
  });
  const sleeps: number[] = [];
  const client = new HubSpotClient({
    baseUrl: 'https://api.hubapi.com/',
    token: 'pat-na1-secret',
    fetch: fetch as unknown as typeof globalThis.fetch,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    pacer: new RequestPacer({ max: 1000, intervalMs: 10_000, searchPerSecond: 1000 }),
  });
  return { client, calls, sleeps };
}

describe('HubSpotClient', () => {
  test('calls the date-based path with the bearer token and validates the answer', async () => {
    const { client, calls } = clientWith([json(200, contact)]);
    const found = await client.getContact('51001', ['email', 'firstname']);
    expect(found?.properties.firstname).toBe('Dana');
    expect(calls[0]?.url).toBe(
      `https://api.hubapi.com/crm/objects/${HUBSPOT_API_VERSION}/contacts/51001?properties=email,firstname`,
    );
    const headers = (calls[0]?.init.headers ?? {}) as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer pat-na1-secret');
  });

  test('a 404 contact is "not found", not an error', async () => {
    const { client } = clientWith([
      json(404, { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'nope' }),
    ]);
    expect(await client.getContact('9', ['email'])).toBeUndefined();
  });

  test('429 waits as long as HubSpot says, then succeeds', async () => {
    const { client, sleeps } = clientWith([
      json(
        429,
        { status: 'error', category: 'RATE_LIMITS', policyName: 'TEN_SECONDLY_ROLLING' },
        { 'Retry-After': '2' },
      ),
      json(200, contact),
    ]);
    expect((await client.getContact('51001', ['email']))?.id).toBe('51001');
    expect(sleeps).toEqual([2000]);
  });

  test('5xx and network failures are retried with growing backoff; the last error is thrown', async () => {
    const { client, sleeps, calls } = clientWith([
      json(502, {}),
      new TypeError('fetch failed'),
      json(503, {}),
      json(500, {}),
      json(500, {}),
    ]);
    await expect(client.getContact('51001', ['email'])).rejects.toThrow('HubSpot server error 500');
    expect(calls).toHaveLength(5);
    expect(sleeps).toEqual([250, 500, 1000, 2000]);
  });

  test('401 stops at once with an auth error that says to reconnect', async () => {
    const { client, calls } = clientWith([
      json(401, { status: 'error', category: 'INVALID_AUTHENTICATION', message: 'bad token' }),
    ]);
    const error = await client.listContactProperties().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubSpotAuthError);
    expect((error as Error).message).toContain('reconnect HubSpot');
    expect(calls).toHaveLength(1);
  });

  test('a daily-limit 429 is not retried', async () => {
    const { client, calls } = clientWith([json(429, { policyName: 'DAILY', message: 'daily' })]);
    await expect(client.listContactProperties()).rejects.toThrow('daily request limit');
    expect(calls).toHaveLength(1);
  });

  test('a malformed answer is a clear error naming the path and field, not a crash', async () => {
    const { client } = clientWith([json(200, { results: 'x' })]);
    const error = (await client.search('contacts', [], ['email']).catch((e: unknown) => e)) as HubSpotError;
    expect(error).toBeInstanceOf(HubSpotError);
    expect(error.message).toMatch(
      /^Unexpected response from HubSpot for \/crm\/objects\/2026-03\/contacts\/search: results/,
    );
  });

  test('a malformed record in a list is left out and counted; the rest of the list is read', async () => {
    const { client } = clientWith([json(200, { results: [{ id: 7, properties: 'x' }, contact, null] })]);
    const page = await client.search('contacts', [], ['email']);
    expect(page.results).toEqual([contact]);
    expect(page.skipped).toBe(2);
  });

  test('a create is sent once on a timeout (it may have been applied), but retried on 429', async () => {
    const dropped = clientWith([new TypeError('socket hang up')]);
    await expect(
      dropped.client.createEngagement('calls', '51001', { hs_timestamp: '2026-11-24T10:00:00Z' }),
    ).rejects.toThrow('Could not reach HubSpot');
    expect(dropped.calls).toHaveLength(1);
    const limited = clientWith([
      json(429, { policyName: 'TEN_SECONDLY_ROLLING' }),
      json(201, { id: '7', properties: {} }),
    ]);
    expect((await limited.client.createEngagement('calls', '51001', { hs_timestamp: 'x' })).id).toBe('7');
    const body = JSON.parse(String(limited.calls[1]?.init.body));
    expect(body.associations[0]).toEqual({
      to: { id: '51001' },
      types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }],
    });
  });
});

describe('RequestPacer', () => {
  test('never more than max in a window; search spaced; waits when the headers say the window is used up', async () => {
    let now = 0;
    const waits: number[] = [];
    const pacer = new RequestPacer(
      { max: 3, intervalMs: 10_000, searchPerSecond: 4 },
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    for (let i = 0; i < 4; i++) await pacer.waitTurn(false);
    expect(waits).toEqual([10_000]);
    await pacer.waitTurn(true);
    await pacer.waitTurn(true);
    expect(waits.at(-1)).toBe(250);
    pacer.observe(
      new Headers({
        'X-HubSpot-RateLimit-Remaining': '0',
        'X-HubSpot-RateLimit-Interval-Milliseconds': '10000',
      }),
    );
    const before = now;
    await pacer.waitTurn(false);
    expect(now - before).toBeGreaterThanOrEqual(10_000);
  });
});

describe('the token goes only to its host', () => {
  const hostile = [
    'https://api.hubapi.com.evil.example',
    'https://evil.example/?https://api.hubapi.com',
    'https://api.hubapi.com@evil.example',
    'https://user:pw@api.hubapi.com',
    'https://api.hubapi.com/anything',
    'http://api.hubapi.com',
    'http://localhost:8080',
    'http://127.0.0.1:4010',
    'not a url',
  ];

  test.each(hostile)('the store build refuses %s', (baseUrl) => {
    expect(() => pinnedHubSpotOrigin(baseUrl, false)).toThrow(UnpinnedOriginError);
  });

  test('the store build sends to api.hubapi.com; a test build also to a test server on loopback', () => {
    expect(pinnedHubSpotOrigin('https://api.hubapi.com', false)).toBe('https://api.hubapi.com');
    expect(pinnedHubSpotOrigin('https://api.hubapi.com/', false)).toBe('https://api.hubapi.com');
    expect(pinnedHubSpotOrigin('http://127.0.0.1:4010', true)).toBe('http://127.0.0.1:4010');
    expect(pinnedHubSpotOrigin('http://localhost:8080/', true)).toBe('http://localhost:8080');
    expect(() => pinnedHubSpotOrigin('http://localhost.evil.example:8080', true)).toThrow(
      UnpinnedOriginError,
    );
    expect(() => pinnedHubSpotOrigin('https://api.hubapi.com.evil.example', true)).toThrow(
      UnpinnedOriginError,
    );
  });

  test('a client for another host is never built, so no request carries the token there', async () => {
    const fetch = vi.fn();
    expect(
      () =>
        new HubSpotClient({
          baseUrl: 'https://api.hubapi.com.evil.example',
          token: 'pat-na1-secret',
          fetch: fetch as unknown as typeof globalThis.fetch,
        }),
    ).toThrow(/only to https:\/\/api\.hubapi\.com/);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('connectHubSpot', () => {
  test('the background refuses a base URL off the pinned host before sending anything', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch');
    await expect(
      connectHubSpot({
        token: 'pat-na1-0123456789',
        baseUrl: 'https://api.hubapi.com.evil.example',
        ownerId: '',
      }),
    ).rejects.toThrow(/baseUrl: must be https:\/\/api\.hubapi\.com/);
    expect(fetch).not.toHaveBeenCalled();
  });
});
