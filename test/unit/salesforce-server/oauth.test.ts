import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ORG_ID, REP_USER_ID } from '../../salesforce-server/server.mjs';
import { DATA, type Harness, startHarness } from './harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.server.close();
});

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/salesforce';
const pkce = () => {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};
/** GET /authorize without following the redirect; answers the Location as a URL. */
const authorize = async (params: Record<string, string>) => {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: h.server.consumerKey,
    redirect_uri: REDIRECT,
    code_challenge_method: 'S256',
    state: 'st-123',
    scope: 'api refresh_token',
    ...params,
  });
  for (const [name, value] of Object.entries(params)) if (value === '') query.delete(name);
  const reply = await h.call('GET', `/services/oauth2/authorize?${query}`, undefined, { token: null });
  const location = reply.headers.get('location');
  return { status: reply.status, location: location ? new URL(location) : null, body: reply.body };
};
const redeem = (code: string, verifier: string, extra: Record<string, string> = {}) =>
  h.form('/services/oauth2/token', {
    grant_type: 'authorization_code',
    code,
    client_id: h.server.consumerKey,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
    ...extra,
  });

describe('OAuth web server flow with PKCE', () => {
  it('redirects with a code that a right verifier redeems once, for a token pair that works', async () => {
    const { verifier, challenge } = pkce();
    const auth = await authorize({ code_challenge: challenge });
    expect(auth.status).toBe(302);
    expect(auth.location?.origin + (auth.location?.pathname ?? '')).toBe(REDIRECT);
    expect(auth.location?.searchParams.get('state')).toBe('st-123');
    const code = auth.location?.searchParams.get('code') ?? '';
    expect(code).not.toBe('');

    expect((await redeem(code, pkce().verifier)).body).toEqual({
      error: 'invalid_grant',
      error_description: 'authentication failure',
    });
    const tokens = await redeem(code, verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.body).toMatchObject({
      access_token: expect.stringMatching(/^00D000000000001!/),
      refresh_token: expect.any(String),
      signature: expect.any(String),
      scope: 'api refresh_token',
      instance_url: h.server.url,
      id: `${h.server.url}/id/${ORG_ID}/${REP_USER_ID}`,
      token_type: 'Bearer',
      issued_at: expect.stringMatching(/^\d{13}$/),
    });
    const again = await redeem(code, verifier);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');

    const reply = await h.query('SELECT Id FROM User', { token: tokens.body.access_token });
    expect(reply.status).toBe(200);
    expect(reply.body.totalSize).toBe(3);
  });

  it('refuses a code for another client id or redirect_uri', async () => {
    const { verifier, challenge } = pkce();
    const code = (await authorize({ code_challenge: challenge })).location?.searchParams.get('code') ?? '';
    const wrongClient = await redeem(code, verifier, { client_id: 'someone-else' });
    expect(wrongClient.status).toBe(400);
    expect(wrongClient.body.error).toBe('invalid_client_id');
    const wrongRedirect = await redeem(code, verifier, { redirect_uri: 'https://elsewhere.example/cb' });
    expect(wrongRedirect.body).toEqual({
      error: 'invalid_grant',
      error_description: 'authentication failure',
    });
    expect((await redeem(code, verifier)).status).toBe(200);
  });

  it('redirects with errors for a wrong client id, no S256 challenge, denial and a blocked app', async () => {
    const { challenge } = pkce();
    const wrong = await authorize({ code_challenge: challenge, client_id: 'nope' });
    expect(wrong.status).toBe(302);
    expect(wrong.location?.searchParams.get('error')).toBe('invalid_client_id');
    expect(wrong.location?.searchParams.get('code')).toBeNull();
    const plain = await authorize({ code_challenge: challenge, code_challenge_method: 'plain' });
    expect(plain.location?.searchParams.get('error')).toBe('invalid_request');
    const none = await authorize({ code_challenge: '' });
    expect(none.location?.searchParams.get('error')).toBe('invalid_request');
    const token = await authorize({ code_challenge: challenge, response_type: 'token' });
    expect(token.location?.searchParams.get('error')).toBe('invalid_request');

    await h.control('POST', '/oauth', { deny: true });
    const denied = await authorize({ code_challenge: challenge });
    expect(denied.location?.searchParams.get('error')).toBe('access_denied');
    expect(denied.location?.searchParams.get('error_description')).toBe('end-user denied authorization');
    expect(denied.location?.searchParams.get('state')).toBe('st-123');
    await h.control('POST', '/oauth', { deny: false, uninstalled: true });
    expect((await authorize({ code_challenge: challenge })).location?.searchParams.get('error')).toBe(
      'OAUTH_APP_BLOCKED',
    );
  });

  it('answers a 400 page for a redirect_uri that is neither https nor loopback http', async () => {
    const { challenge } = pkce();
    const bad = await authorize({ code_challenge: challenge, redirect_uri: 'http://evil.example/cb' });
    expect(bad.status).toBe(400);
    expect(bad.location).toBeNull();
    const loopback = await authorize({ code_challenge: challenge, redirect_uri: 'http://127.0.0.1:9999/cb' });
    expect(loopback.status).toBe(302);
  });
});

describe('refresh and revoke', () => {
  it('refreshes without rotating the refresh token, and refuses an unknown one', async () => {
    const refreshed = await h.form('/services/oauth2/token', {
      grant_type: 'refresh_token',
      refresh_token: h.tokens.refreshToken,
      client_id: h.server.consumerKey,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect(refreshed.body.access_token).not.toBe(h.tokens.accessToken);
    expect(refreshed.body.instance_url).toBe(h.server.url);
    expect((await h.query('SELECT Id FROM User', { token: refreshed.body.access_token })).status).toBe(200);
    const unknown = await h.form('/services/oauth2/token', {
      grant_type: 'refresh_token',
      refresh_token: 'nope',
      client_id: h.server.consumerKey,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      error: 'invalid_grant',
      error_description: 'expired access/refresh token',
    });
  });

  it('expired access tokens answer 401 while the refresh token still works', async () => {
    await h.control('POST', '/auth', { expireAccessTokens: true });
    const expired = await h.query('SELECT Id FROM User');
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual([
      { message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' },
    ]);
    expect(expired.headers.get('sforce-limit-info')).toBeNull();
    const refreshed = await h.form('/services/oauth2/token', {
      grant_type: 'refresh_token',
      refresh_token: h.tokens.refreshToken,
      client_id: h.server.consumerKey,
    });
    expect((await h.query('SELECT Id FROM User', { token: refreshed.body.access_token })).status).toBe(200);
  });

  it('revoking the refresh token revokes its access tokens; an unknown token is refused', async () => {
    expect((await h.query('SELECT Id FROM User')).status).toBe(200);
    const revoked = await h.form('/services/oauth2/revoke', { token: h.tokens.refreshToken });
    expect(revoked.status).toBe(200);
    expect(revoked.body).toBeUndefined();
    expect((await h.query('SELECT Id FROM User')).status).toBe(401);
    const refresh = await h.form('/services/oauth2/token', {
      grant_type: 'refresh_token',
      refresh_token: h.tokens.refreshToken,
      client_id: h.server.consumerKey,
    });
    expect(refresh.status).toBe(400);
    const unknown = await h.form('/services/oauth2/revoke', { token: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({
      error: 'unsupported_token_type',
      error_description: 'this token type is not supported',
    });
  });

  it('revoking an access token leaves the refresh token working', async () => {
    await h.form('/services/oauth2/revoke', { token: h.tokens.accessToken });
    expect((await h.query('SELECT Id FROM User')).status).toBe(401);
    const refreshed = await h.form('/services/oauth2/token', {
      grant_type: 'refresh_token',
      refresh_token: h.tokens.refreshToken,
      client_id: h.server.consumerKey,
    });
    expect(refreshed.status).toBe(200);
  });

  it('serves the identity URL and the version list', async () => {
    const id = await h.call('GET', new URL(h.tokens.id).pathname);
    expect(id.status).toBe(200);
    expect(id.body).toMatchObject({
      user_id: REP_USER_ID,
      organization_id: ORG_ID,
      email: 'alex.rep@baton-demo.example',
    });
    const versions = await h.call('GET', '/services/data/', undefined, { token: null });
    expect(versions.body).toEqual([{ label: expect.any(String), url: DATA, version: '66.0' }]);
  });
});
