import { beforeEach, describe, expect, test } from 'vitest';
import { salesforceTokens } from '@/lib/background/salesforce-tokens';
import { SalesforceAuthError } from '@/lib/crm/salesforce/client';
import {
  readSalesforceConnection,
  removeSalesforceConnection,
  type SalesforceConnection,
  saveSalesforceConnection,
} from '@/lib/crm/salesforce/connection';
import { defaultSalesforceSetup } from '@/lib/crm/salesforce/setup';
import { crmDb } from '@/lib/store/crm-db';

const connection = (over: Partial<SalesforceConnection> = {}): SalesforceConnection => ({
  system: 'salesforce',
  loginUrl: 'https://login.salesforce.com',
  consumerKey: '3MVG9fakeConsumerKey0123456789',
  instanceUrl: 'https://acme.my.salesforce.com',
  accessToken: 'access-token-1',
  refreshToken: 'refresh-token-1',
  orgId: '00Dxx0000001gPLEAY',
  userId: '005xx000001SwiUAAS',
  setup: defaultSalesforceSetup,
  connectedAt: '2026-11-24T15:00:00.000Z',
  ...over,
});

const answer = (access: string) =>
  new Response(
    JSON.stringify({
      access_token: access,
      instance_url: 'https://acme.my.salesforce.com',
      id: 'https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS',
    }),
    { status: 200 },
  );

/** A token endpoint that answers when told to, counting the refreshes. */
function slowTokenEndpoint() {
  const bodies: URLSearchParams[] = [];
  let release: (response: Response) => void = () => {};
  const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    bodies.push(new URLSearchParams(String(init?.body)));
    return new Promise<Response>((resolve) => {
      release = resolve;
    });
  }) as typeof globalThis.fetch;
  return { fetch, bodies, answer: (response: Response) => release(response) };
}

beforeEach(async () => {
  await Promise.all(crmDb().tables.map((t) => t.clear()));
});

describe('salesforceTokens', () => {
  test('current() is the stored access token; none stored is an auth error', async () => {
    const tokens = salesforceTokens(async () => answer('unused-token-x'));
    await expect(tokens.current()).rejects.toBeInstanceOf(SalesforceAuthError);
    await expect(tokens.current()).rejects.toThrow(/connect Salesforce in options/);
    await saveSalesforceConnection(connection());
    expect(await tokens.current()).toBe('access-token-1');
  });

  test('concurrent renewals of the same stale token make one refresh, and all get the new token', async () => {
    await saveSalesforceConnection(connection());
    const endpoint = slowTokenEndpoint();
    const tokens = salesforceTokens(endpoint.fetch);
    const renewals = [
      tokens.renew('access-token-1'),
      tokens.renew('access-token-1'),
      tokens.renew('access-token-1'),
    ];
    await expect.poll(() => endpoint.bodies.length).toBe(1);
    endpoint.answer(answer('access-token-2'));
    expect(await Promise.all(renewals)).toEqual(['access-token-2', 'access-token-2', 'access-token-2']);
    expect(endpoint.bodies).toHaveLength(1);
    expect(endpoint.bodies[0]?.get('grant_type')).toBe('refresh_token');
    expect(endpoint.bodies[0]?.get('refresh_token')).toBe('refresh-token-1');
    expect((await readSalesforceConnection())?.accessToken).toBe('access-token-2');
    // Another client, later, with the token already renewed: no refresh, the stored one.
    const later = salesforceTokens(endpoint.fetch);
    expect(await later.renew('access-token-1')).toBe('access-token-2');
    expect(endpoint.bodies).toHaveLength(1);
  });

  test('a reconnect while the refresh ran wins: its tokens stay, the renewal fails', async () => {
    await saveSalesforceConnection(connection());
    const endpoint = slowTokenEndpoint();
    const renewal = salesforceTokens(endpoint.fetch).renew('access-token-1');
    await expect.poll(() => endpoint.bodies.length).toBe(1);
    await saveSalesforceConnection(
      connection({ accessToken: 'access-token-new', refreshToken: 'refresh-token-new' }),
    );
    endpoint.answer(answer('access-token-2'));
    await expect(renewal).rejects.toBeInstanceOf(SalesforceAuthError);
    const stored = await readSalesforceConnection();
    expect(stored?.accessToken).toBe('access-token-new');
    expect(stored?.refreshToken).toBe('refresh-token-new');
  });

  test('a disconnect while the refresh ran wins: nothing is written back', async () => {
    await saveSalesforceConnection(connection());
    const endpoint = slowTokenEndpoint();
    const renewal = salesforceTokens(endpoint.fetch).renew('access-token-1');
    await expect.poll(() => endpoint.bodies.length).toBe(1);
    await removeSalesforceConnection();
    endpoint.answer(answer('access-token-2'));
    await expect(renewal).rejects.toBeInstanceOf(SalesforceAuthError);
    expect(await readSalesforceConnection()).toBeUndefined();
  });

  test('a refused refresh token (invalid_grant) is a SalesforceAuthError, and the next renewal tries again', async () => {
    await saveSalesforceConnection(connection());
    let calls = 0;
    const tokens = salesforceTokens(async () => {
      calls++;
      return new Response(
        JSON.stringify({ error: 'invalid_grant', error_description: 'expired access/refresh token' }),
        {
          status: 400,
        },
      );
    });
    await expect(tokens.renew('access-token-1')).rejects.toBeInstanceOf(SalesforceAuthError);
    await expect(tokens.renew('access-token-1')).rejects.toThrow(/reconnect Salesforce/);
    expect(calls).toBe(2);
    expect((await readSalesforceConnection())?.accessToken).toBe('access-token-1');
  });
});
