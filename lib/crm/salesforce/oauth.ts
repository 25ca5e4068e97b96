import { describeZodError } from '../../model/schemas';
import { OAuthErrorBody, paths, TokenResponse } from './api';
import { SalesforceAuthError } from './client';
import { pinnedLoginOrigin } from './origins';

/**
 * Salesforce's OAuth 2.0 web-server flow with PKCE, for a public client (no secret): the authorize
 * URL, the redirect's code, the code exchange, the refresh and the revoke. Pure: `fetch` is given,
 * and every request goes to the pinned login origin only.
 */

/** The scopes Baton asks for: the REST API, and a refresh token so the rep stays connected. */
export const SALESFORCE_SCOPES = 'api refresh_token';

const base64url = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

const randomToken = (bytes: number) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

/** base64url(SHA-256(verifier)), the S256 code challenge. */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** A PKCE pair: a 86-character verifier (64 random bytes) and its S256 challenge. */
export async function newPkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomToken(64);
  return { verifier, challenge: await challengeOf(verifier) };
}

/** The `state` that ties the redirect to this attempt. */
export const newState = () => randomToken(24);

export type AuthorizeInput = {
  loginUrl: string;
  consumerKey: string;
  redirectUri: string;
  challenge: string;
  state: string;
};

export function authorizeUrl(input: AuthorizeInput): string {
  const url = new URL(paths.authorize(), pinnedLoginOrigin(input.loginUrl));
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: input.consumerKey.trim(),
    redirect_uri: input.redirectUri,
    code_challenge: input.challenge,
    code_challenge_method: 'S256',
    state: input.state,
    scope: SALESFORCE_SCOPES,
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  return url.toString();
}

/** What Salesforce's OAuth error codes mean for whoever set the app up. */
const OAUTH_ERRORS: Record<string, string> = {
  access_denied: 'you did not allow Baton to use Salesforce',
  OAUTH_APP_BLOCKED:
    'the app is blocked for you: your admin must install the External Client App (Approve Uninstalled Connected Apps)',
  OAUTH_APP_ACCESS_DENIED:
    'you may not use this app: your admin must install the External Client App and give your profile access',
  invalid_client_id: 'Salesforce knows no app with this consumer key: check the consumer key',
  invalid_client: 'Salesforce refused the app: check the consumer key',
  redirect_uri_mismatch: "the app's callback URL is not Baton's redirect URL: paste it in the app's settings",
  invalid_grant: 'Salesforce refused the authorization: connect again',
  invalid_request: 'Salesforce refused the request (is PKCE required on the app?)',
  unsupported_response_type: 'the app does not allow the web-server flow',
  inactive_user: 'your Salesforce user is inactive',
  inactive_org: 'the Salesforce org is inactive',
  rate_limit_exceeded: 'too many login attempts: wait a few minutes',
};

/** A clear Error from Salesforce's `error` and `error_description`. */
export function oauthError(error: string, description?: string): Error {
  const meaning = OAUTH_ERRORS[error];
  const detail = description?.trim() ? ` (${error}: ${description.trim().slice(0, 300)})` : ` (${error})`;
  return new Error(`Salesforce: ${meaning ?? 'the connection was refused'}${detail}`);
}

/** The authorization code from the redirect, once its state is the one sent. */
export function readRedirect(redirect: string, expectedState: string): { code: string } {
  let url: URL;
  try {
    url = new URL(redirect);
  } catch {
    throw new Error('Salesforce: the sign-in did not come back with an address Baton can read');
  }
  // Salesforce puts the answer in the query; some errors come in the fragment.
  const params = new URLSearchParams(url.search);
  if (!params.has('code') && !params.has('error') && url.hash)
    for (const [key, value] of new URLSearchParams(url.hash.slice(1))) params.set(key, value);
  const error = params.get('error');
  if (error) throw oauthError(error, params.get('error_description') ?? undefined);
  if (params.get('state') !== expectedState)
    throw new Error(
      'Salesforce: the sign-in answer does not belong to this connection attempt (state mismatch): connect again',
    );
  const code = params.get('code');
  if (!code) throw new Error('Salesforce: the sign-in came back without an authorization code');
  return { code };
}

type Fetch = typeof fetch;

/** POSTs a form to the login origin's endpoint; a refusal is an Error named from Salesforce's `error`. */
async function postForm(
  fetchImpl: Fetch,
  loginUrl: string,
  path: string,
  form: Record<string, string>,
): Promise<{ status: number; json: unknown; text: string }> {
  const origin = pinnedLoginOrigin(loginUrl);
  let response: Response;
  try {
    response = await fetchImpl(`${origin}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      // A redirect would re-post the code or refresh token elsewhere: refused, never followed.
      redirect: 'error',
    });
  } catch (error) {
    throw new Error(`Could not reach Salesforce at ${origin} (${(error as Error).message})`);
  }
  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

function refusal(status: number, json: unknown): { error: string; description?: string } {
  const parsed = OAuthErrorBody.safeParse(json);
  return parsed.success
    ? { error: parsed.data.error, description: parsed.data.error_description }
    : { error: `HTTP ${status}` };
}

function tokenOf(json: unknown): TokenResponse {
  const parsed = TokenResponse.safeParse(json);
  if (!parsed.success)
    throw new Error(`Salesforce sent a token answer Baton cannot use: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

export async function exchangeCode(input: {
  fetch: Fetch;
  loginUrl: string;
  consumerKey: string;
  redirectUri: string;
  code: string;
  verifier: string;
}): Promise<TokenResponse> {
  const { status, json } = await postForm(input.fetch, input.loginUrl, paths.token(), {
    grant_type: 'authorization_code',
    code: input.code,
    client_id: input.consumerKey.trim(),
    redirect_uri: input.redirectUri,
    code_verifier: input.verifier,
  });
  if (status < 200 || status >= 300) {
    const { error, description } = refusal(status, json);
    throw oauthError(error, description);
  }
  return tokenOf(json);
}

/** A new access token; a refused refresh token (`invalid_grant`) is a SalesforceAuthError: reconnect. */
export async function refreshAccessToken(input: {
  fetch: Fetch;
  loginUrl: string;
  consumerKey: string;
  refreshToken: string;
}): Promise<TokenResponse> {
  const { status, json } = await postForm(input.fetch, input.loginUrl, paths.token(), {
    grant_type: 'refresh_token',
    refresh_token: input.refreshToken,
    client_id: input.consumerKey.trim(),
  });
  if (status < 200 || status >= 300) {
    const { error, description } = refusal(status, json);
    if (error === 'invalid_grant' || error === 'invalid_client_id' || error === 'invalid_client')
      throw new SalesforceAuthError(
        `Salesforce refused to renew the session (${error}${description ? `: ${description.slice(0, 200)}` : ''}): reconnect Salesforce in options`,
      );
    throw oauthError(error, description);
  }
  return tokenOf(json);
}

/** Revokes a token (the refresh token revokes its access tokens with it). */
export async function revokeToken(input: { fetch: Fetch; loginUrl: string; token: string }): Promise<void> {
  const { status, json } = await postForm(input.fetch, input.loginUrl, paths.revoke(), {
    token: input.token,
  });
  if (status < 200 || status >= 300) {
    const { error, description } = refusal(status, json);
    throw oauthError(error, description);
  }
}
