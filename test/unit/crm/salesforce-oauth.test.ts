import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { SalesforceAuthError } from '@/lib/crm/salesforce/client';
import {
  authorizeUrl,
  exchangeCode,
  newPkcePair,
  newState,
  readRedirect,
  refreshAccessToken,
  revokeToken,
} from '@/lib/crm/salesforce/oauth';

const LOGIN = 'https://login.salesforce.com';
const KEY = '3MVG9fakeConsumerKey0123456789';
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const TOKEN = {
  access_token: '00Dxx0000001gPL!AQ4AQFakeAccess',
  refresh_token: '5Aep861FakeRefreshToken',
  instance_url: 'https://acme.my.salesforce.com',
  id: 'https://login.salesforce.com/id/00Dxx0000001gPLEAY/005xx000001SwiUAAS',
  token_type: 'Bearer',
  issued_at: '1764000000000',
};

type Call = { url: string; method?: string; headers: Record<string, string>; form: URLSearchParams };
function fakeFetch(status: number, body: unknown) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({
      url: String(input),
      method: init?.method,
      headers: (init?.headers ?? {}) as Record<string, string>,
      form: new URLSearchParams(String(init?.body ?? '')),
    });
    return new Response(body === undefined ? '' : JSON.stringify(body), { status });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

describe('PKCE', () => {
  test('the challenge is base64url(SHA-256(verifier)), the verifier 43–128 unreserved characters', async () => {
    const { verifier, challenge } = await newPkcePair();
    expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
    expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect((await newPkcePair()).verifier).not.toBe(verifier);
  });

  test('each state is new', () => {
    expect(newState()).not.toBe(newState());
    expect(newState().length).toBeGreaterThanOrEqual(22);
  });
});

describe('authorizeUrl', () => {
  test('the web-server flow with S256 on the pinned login origin', () => {
    const url = new URL(
      authorizeUrl({
        loginUrl: LOGIN,
        consumerKey: KEY,
        redirectUri: REDIRECT,
        challenge: 'ch',
        state: 'st',
      }),
    );
    expect(url.origin + url.pathname).toBe('https://login.salesforce.com/services/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: KEY,
      redirect_uri: REDIRECT,
      code_challenge: 'ch',
      code_challenge_method: 'S256',
      state: 'st',
      scope: 'api refresh_token',
    });
  });

  test('a My Domain login host is used as is; any other host is refused', () => {
    expect(
      authorizeUrl({
        loginUrl: 'https://acme.my.salesforce.com',
        consumerKey: KEY,
        redirectUri: REDIRECT,
        challenge: 'c',
        state: 's',
      }),
    ).toMatch(/^https:\/\/acme\.my\.salesforce\.com\/services\/oauth2\/authorize\?/);
    for (const loginUrl of [
      'https://evil.example',
      'https://login.salesforce.com.evil.example',
      'http://login.salesforce.com',
    ])
      expect(() =>
        authorizeUrl({ loginUrl, consumerKey: KEY, redirectUri: REDIRECT, challenge: 'c', state: 's' }),
      ).toThrow(/login host must be/);
  });
});

describe('readRedirect', () => {
  test('the code, when the state is the one sent', () => {
    expect(readRedirect(`${REDIRECT}?code=aPrx.code%3D%3D&state=st`, 'st')).toEqual({ code: 'aPrx.code==' });
  });

  test('a state that is not ours is refused', () => {
    expect(() => readRedirect(`${REDIRECT}?code=abc&state=other`, 'st')).toThrow(/state mismatch/);
    expect(() => readRedirect(`${REDIRECT}?code=abc`, 'st')).toThrow(/state mismatch/);
  });

  test('no code is an error', () => {
    expect(() => readRedirect(`${REDIRECT}?state=st`, 'st')).toThrow(/without an authorization code/);
  });

  test.each([
    ['access_denied', 'end-user denied authorization', /did not allow Baton/],
    [
      'OAUTH_APP_BLOCKED',
      'this app is blocked by admin',
      /admin must install the External Client App \(Approve Uninstalled Connected Apps\)/,
    ],
    ['invalid_client_id', 'client identifier invalid', /check the consumer key/],
    ['redirect_uri_mismatch', 'redirect_uri must match configuration', /callback URL/],
    ['something_new', 'who knows', /refused.*something_new: who knows/],
  ])('Salesforce’s %s is named', (error, description, message) => {
    const url = `${REDIRECT}?error=${error}&error_description=${encodeURIComponent(description)}&state=st`;
    expect(() => readRedirect(url, 'st')).toThrow(message);
    expect(() => readRedirect(url, 'st')).toThrow(new RegExp(error));
  });
});

describe('exchangeCode', () => {
  test('POSTs the code and verifier, form-encoded, to the login origin’s token endpoint', async () => {
    const { fetch, calls } = fakeFetch(200, TOKEN);
    const token = await exchangeCode({
      fetch,
      loginUrl: 'https://test.salesforce.com/',
      consumerKey: KEY,
      redirectUri: REDIRECT,
      code: 'the-code',
      verifier: 'the-verifier',
    });
    expect(token.access_token).toBe(TOKEN.access_token);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://test.salesforce.com/services/oauth2/token');
    expect(call?.method).toBe('POST');
    expect(call?.headers['Content-Type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(call?.form ?? [])).toEqual({
      grant_type: 'authorization_code',
      code: 'the-code',
      client_id: KEY,
      redirect_uri: REDIRECT,
      code_verifier: 'the-verifier',
    });
  });

  test('Salesforce’s error JSON is named', async () => {
    const { fetch } = fakeFetch(400, { error: 'invalid_grant', error_description: 'invalid code verifier' });
    await expect(
      exchangeCode({
        fetch,
        loginUrl: LOGIN,
        consumerKey: KEY,
        redirectUri: REDIRECT,
        code: 'c',
        verifier: 'v',
      }),
    ).rejects.toThrow(/invalid_grant: invalid code verifier/);
  });

  test('an answer without the token fields is refused', async () => {
    const { fetch } = fakeFetch(200, { access_token: 'short' });
    await expect(
      exchangeCode({
        fetch,
        loginUrl: LOGIN,
        consumerKey: KEY,
        redirectUri: REDIRECT,
        code: 'c',
        verifier: 'v',
      }),
    ).rejects.toThrow(/token answer Baton cannot use/);
  });

  test('an unpinned login host gets no request', async () => {
    const { fetch, calls } = fakeFetch(200, TOKEN);
    await expect(
      exchangeCode({
        fetch,
        loginUrl: 'https://login.salesforce.evil.example',
        consumerKey: KEY,
        redirectUri: REDIRECT,
        code: 'c',
        verifier: 'v',
      }),
    ).rejects.toThrow(/login host must be/);
    expect(calls).toHaveLength(0);
  });
});

describe('refreshAccessToken', () => {
  test('grant_type=refresh_token with the consumer key', async () => {
    const { access_token, instance_url, id } = TOKEN;
    const { fetch, calls } = fakeFetch(200, { access_token, instance_url, id });
    const token = await refreshAccessToken({
      fetch,
      loginUrl: LOGIN,
      consumerKey: KEY,
      refreshToken: 'r-token-123',
    });
    expect(token.refresh_token).toBeUndefined();
    expect(calls[0]?.url).toBe('https://login.salesforce.com/services/oauth2/token');
    expect(calls[0]?.method).toBe('POST');
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'r-token-123',
      client_id: KEY,
    });
  });

  test('invalid_grant is a SalesforceAuthError: reconnect', async () => {
    const { fetch } = fakeFetch(400, {
      error: 'invalid_grant',
      error_description: 'expired access/refresh token',
    });
    const refresh = refreshAccessToken({
      fetch,
      loginUrl: LOGIN,
      consumerKey: KEY,
      refreshToken: 'r-token-123',
    });
    await expect(refresh).rejects.toBeInstanceOf(SalesforceAuthError);
    await expect(refresh).rejects.toThrow(/reconnect Salesforce/);
  });

  test('a server error is a plain Error, not an auth one', async () => {
    const { fetch } = fakeFetch(503, undefined);
    const refresh = refreshAccessToken({
      fetch,
      loginUrl: LOGIN,
      consumerKey: KEY,
      refreshToken: 'r-token-123',
    });
    await expect(refresh).rejects.toThrow(/HTTP 503/);
    await expect(refresh).rejects.not.toBeInstanceOf(SalesforceAuthError);
  });
});

describe('revokeToken', () => {
  test('POSTs token= to the login origin’s revoke endpoint', async () => {
    const { fetch, calls } = fakeFetch(200, undefined);
    await revokeToken({ fetch, loginUrl: 'https://acme.my.salesforce.com', token: 'r-token-123' });
    expect(calls[0]?.url).toBe('https://acme.my.salesforce.com/services/oauth2/revoke');
    expect(calls[0]?.method).toBe('POST');
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({ token: 'r-token-123' });
  });

  test('a refusal is an error; an unpinned host gets nothing', async () => {
    const refused = fakeFetch(400, {
      error: 'unsupported_token_type',
      error_description: 'this token type is not supported',
    });
    await expect(revokeToken({ fetch: refused.fetch, loginUrl: LOGIN, token: 'x' })).rejects.toThrow(
      /unsupported_token_type/,
    );
    const { fetch, calls } = fakeFetch(200, undefined);
    await expect(revokeToken({ fetch, loginUrl: 'https://evil.example', token: 'x' })).rejects.toThrow();
    expect(calls).toHaveLength(0);
  });
});
