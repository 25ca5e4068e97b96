/**
 * A local Salesforce test server: the OAuth 2.0 web server flow with PKCE (no person to click
 * "Allow"), and the REST API under `/services/data/vNN.0/` that Baton calls (query with SOQL, sObject
 * rows, describe, composite), with bearer auth, the rolling API allocation (`Sforce-Limit-Info`) and
 * Salesforce's error bodies; and a separate control port (no auth) to read the state, reset it,
 * inject faults (500, limit, timeout, drop after apply), change security, limits and validation rules
 * and read the request log. See README.md next to this file.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  closeBoth,
  createApiServer,
  createControlServer,
  createSend,
  faultControl,
  holdUnanswered,
  listenBoth,
  logControl,
  nextFault,
  openRequest,
  privateNetworkHeaders,
} from '../server-kit/http.mjs';
import { ApiError, isIdShaped, notFound, ORG_ID, Org, REP_USER_ID } from './org.mjs';
import { seededRandom, seedOrg } from './seed.mjs';

export {
  ApiError,
  CONTACT_STATUSES,
  caseSafeId,
  LEAD_SOURCES,
  LEAD_STATUSES,
  MARKETING_USER_ID,
  ORG_ID,
  REP_USER_ID,
  SCHEMA,
  TASK_STATUSES,
  TASK_SUBTYPES,
  TEAMMATE_USER_ID,
  TIMEFRAMES,
  USERS,
} from './org.mjs';
export {
  CAMPAIGNS,
  GENERATED,
  HERO_IDS,
  HERO_PEOPLE,
  PRIYA_ACCOUNT_ID,
  SEEDED_EVENTS,
  SEEDED_TASKS,
} from './seed.mjs';
export { parseSoql, SoqlError } from './soql.mjs';

/** The API version the server advertises; any `vNN.0` is accepted. */
export const SALESFORCE_API_VERSION = '66.0';

/** @typedef {'500' | 'timeout' | 'drop' | 'limit'} FaultKind */
/** @typedef {FaultKind | 'pass'} QueuedKind */
/** @typedef {{ p500?: number, timeout?: number, dropAfterApply?: number, pLimit?: number }} RandomFaults */
/**
 * @typedef {{
 *   seq: number, at: string, method: string | null, path: string | null, status: number | null,
 *   fault?: FaultKind | 'down', appliedStatus?: number, objectId?: string, body?: unknown,
 *   subrequests?: Array<{ method: string, url: string }>,
 * }} RequestLogEntry
 */
/**
 * @typedef {{
 *   port?: number, controlPort?: number, host?: string, seed?: number, consumerKey?: string,
 *   apiMax?: number, holdMs?: number,
 * }} FakeSalesforceOptions
 */
/** @typedef {{ status: number, body?: unknown, headers?: Record<string, string>, objectId?: string }} Answer */

const FAULT_KINDS = ['500', 'timeout', 'drop', 'limit', 'pass'];
/** @type {import('../server-kit/http.mjs').FaultOrder<FaultKind>} */
const FAULT_ORDER = [
  ['p500', '500'],
  ['pLimit', 'limit'],
  ['timeout', 'timeout'],
  ['dropAfterApply', 'drop'],
];
const DEFAULT_HOLD_MS = 30_000;
const DEFAULT_BATCH = 2000;
const DAY_MS = 24 * 60 * 60 * 1000;
const CODE_LIFE_MS = 10 * 60 * 1000;
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'Sforce-Limit-Info',
  'Access-Control-Max-Age': '600',
};
const COMPOSITE_MAX = 25;
const COMPOSITE_MAX_QUERIES = 5;

const send = createSend({ jsonType: 'application/json;charset=UTF-8', textType: 'text/html;charset=utf-8' });

/** base64url of SHA-256, the PKCE S256 transform. @param {string} verifier */
export const pkceChallenge = (verifier) => createHash('sha256').update(verifier).digest('base64url');

/** Whether an OAuth redirect_uri is acceptable: https, or http on a loopback host. @param {string | null} uri */
function redirectAllowed(uri) {
  if (!uri) return false;
  try {
    const url = new URL(uri);
    if (url.protocol === 'https:') return true;
    return url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  } catch {
    return false;
  }
}

/** @param {string} message */
const errorPage = (message) =>
  `<!doctype html><html><head><title>Error</title></head><body><h1>error=redirect_uri_mismatch</h1><p>${message.replace(/[<>&]/g, '')}</p></body></html>`;

/** The record of a composite `@{ref.path}` expression, or undefined. @param {unknown} root @param {string} path */
function lookupPath(root, path) {
  /** @type {unknown} */
  let at = root;
  for (const match of path.matchAll(/([A-Za-z0-9_]+)|\[(\d+)\]/g)) {
    if (at === null || typeof at !== 'object') return undefined;
    const key = match[1] ?? Number(match[2]);
    at = /** @type {Record<string | number, unknown>} */ (at)[key];
  }
  return at;
}

/**
 * Starts the API server and its control server.
 * @param {FakeSalesforceOptions} [options]
 */
export async function startFakeSalesforce(options = {}) {
  const {
    port = 0,
    controlPort = 0,
    host = '127.0.0.1',
    seed = 1,
    consumerKey = 'baton-test-consumer-key',
    apiMax = 15000,
  } = options;
  const signingSecret = randomBytes(32);

  const fake = {
    org: new Org(),
    seed,
    /** @type {{ max: number, times: number[] }} */
    limits: { max: apiMax, times: [] },
    queryBatch: DEFAULT_BATCH,
    /** @type {Map<string, { rows: Array<Record<string, unknown>>, version: string }>} */
    cursors: new Map(),
    cursorCount: 0,
    oauth: { deny: false, uninstalled: false },
    /** @type {Map<string, { clientId: string, redirectUri: string, challenge: string, userId: string, expires: number, used: boolean }>} */
    codes: new Map(),
    /** @type {Map<string, { userId: string, clientId: string, refreshToken: string | null, expired: boolean }>} */
    accessTokens: new Map(),
    /** @type {Map<string, { userId: string, clientId: string }>} */
    refreshTokens: new Map(),
    /** @type {{ random: Required<RandomFaults> | null, next: () => number, holdMs: number }} */
    faults: { random: null, next: seededRandom(seed), holdMs: options.holdMs ?? DEFAULT_HOLD_MS },
    /** @type {QueuedKind[]} */
    queue: [],
    down: false,
    /** @type {RequestLogEntry[]} */
    log: [],
    seq: 0,
    /** @type {Set<NodeJS.Timeout>} */
    holds: new Set(),
  };

  /** @param {number} dataSeed */
  const resetData = (dataSeed) => {
    fake.org = new Org();
    fake.seed = dataSeed;
    fake.cursors.clear();
    seedOrg(fake.org, { seed: dataSeed, now: Date.now() });
  };
  resetData(seed);

  // --- the API allocation (rolling 24 hours) ---

  const used = () => {
    const since = Date.now() - DAY_MS;
    const times = fake.limits.times;
    let drop = 0;
    while (drop < times.length && /** @type {number} */ (times[drop]) <= since) drop++;
    if (drop > 0) times.splice(0, drop);
    return times.length;
  };
  const limitHeader = () => ({ 'Sforce-Limit-Info': `api-usage=${used()}/${fake.limits.max}` });
  const limitExceeded = () => new ApiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');

  // --- tokens ---

  let baseUrl = '';
  const identityUrl = (/** @type {string} */ userId) => `${baseUrl}/id/${ORG_ID}/${userId}`;
  /** @param {string} userId @param {string} clientId @param {boolean} withRefresh @param {string | null} [refreshToken] */
  const mint = (userId, clientId, withRefresh, refreshToken = null) => {
    const accessToken = `${ORG_ID.slice(0, 15)}!${randomBytes(48).toString('base64url')}`;
    const refresh = withRefresh ? `5Aep861${randomBytes(40).toString('base64url')}` : refreshToken;
    if (withRefresh && refresh) fake.refreshTokens.set(refresh, { userId, clientId });
    fake.accessTokens.set(accessToken, { userId, clientId, refreshToken: refresh, expired: false });
    const issuedAt = String(Date.now());
    const id = identityUrl(userId);
    return {
      access_token: accessToken,
      ...(withRefresh ? { refresh_token: refresh } : {}),
      signature: createHmac('sha256', signingSecret).update(`${id}${issuedAt}`).digest('base64'),
      scope: 'api refresh_token',
      instance_url: baseUrl,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
  };

  // --- OAuth (login host) ---

  /** @param {URL} url @returns {Answer} */
  const authorize = (url) => {
    const params = url.searchParams;
    const redirectUri = params.get('redirect_uri');
    if (!redirectAllowed(redirectUri)) {
      return {
        status: 400,
        body: errorPage('redirect_uri must be an https URL or an http URL on a loopback host'),
      };
    }
    const target = new URL(/** @type {string} */ (redirectUri));
    const state = params.get('state');
    /** @param {Record<string, string>} values */
    const redirect = (values) => {
      for (const [name, value] of Object.entries(values)) target.searchParams.set(name, value);
      if (state !== null) target.searchParams.set('state', state);
      return { status: 302, headers: { Location: target.toString() } };
    };
    if (params.get('client_id') !== consumerKey) {
      return redirect({ error: 'invalid_client_id', error_description: 'client identifier invalid' });
    }
    if (params.get('response_type') !== 'code') {
      return redirect({ error: 'invalid_request', error_description: 'response_type must be code' });
    }
    const challenge = params.get('code_challenge');
    if (!challenge || params.get('code_challenge_method') !== 'S256') {
      return redirect({
        error: 'invalid_request',
        error_description: 'code_challenge and code_challenge_method=S256 are required',
      });
    }
    if (fake.oauth.uninstalled) {
      return redirect({ error: 'OAUTH_APP_BLOCKED', error_description: 'this app is blocked by admin' });
    }
    if (fake.oauth.deny) {
      return redirect({ error: 'access_denied', error_description: 'end-user denied authorization' });
    }
    const code = `aPrx${randomBytes(32).toString('base64url')}`;
    fake.codes.set(code, {
      clientId: consumerKey,
      redirectUri: /** @type {string} */ (redirectUri),
      challenge,
      userId: REP_USER_ID,
      expires: Date.now() + CODE_LIFE_MS,
      used: false,
    });
    return redirect({ code });
  };

  /** @param {URLSearchParams} form @returns {Answer} */
  const token = (form) => {
    const grant = form.get('grant_type');
    /** @param {string} error @param {string} description */
    const fail = (error, description) => ({ status: 400, body: { error, error_description: description } });
    if (grant !== 'authorization_code' && grant !== 'refresh_token') {
      return fail('unsupported_grant_type', 'grant type not supported');
    }
    if (form.get('client_id') !== consumerKey) return fail('invalid_client_id', 'client identifier invalid');
    if (grant === 'refresh_token') {
      const refresh = fake.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!refresh || refresh.clientId !== consumerKey) {
        return fail('invalid_grant', 'expired access/refresh token');
      }
      return { status: 200, body: mint(refresh.userId, refresh.clientId, false, form.get('refresh_token')) };
    }
    const code = fake.codes.get(form.get('code') ?? '');
    const verifier = form.get('code_verifier') ?? '';
    if (
      !code ||
      code.used ||
      code.expires < Date.now() ||
      code.clientId !== form.get('client_id') ||
      code.redirectUri !== form.get('redirect_uri') ||
      !/^[A-Za-z0-9._~-]{43,128}$/.test(verifier) ||
      pkceChallenge(verifier) !== code.challenge
    ) {
      return fail('invalid_grant', 'authentication failure');
    }
    code.used = true;
    return { status: 200, body: mint(code.userId, code.clientId, true) };
  };

  /** @param {URLSearchParams} form @returns {Answer} */
  const revoke = (form) => {
    const value = form.get('token') ?? '';
    if (fake.refreshTokens.has(value)) {
      fake.refreshTokens.delete(value);
      for (const [accessToken, entry] of fake.accessTokens) {
        if (entry.refreshToken === value) fake.accessTokens.delete(accessToken);
      }
      return { status: 200 };
    }
    if (fake.accessTokens.has(value)) {
      fake.accessTokens.delete(value);
      return { status: 200 };
    }
    return {
      status: 400,
      body: { error: 'unsupported_token_type', error_description: 'this token type is not supported' },
    };
  };

  /** @param {string} userId */
  const identity = (userId) => {
    const user = fake.org.find('User', userId);
    const version = SALESFORCE_API_VERSION;
    return {
      id: identityUrl(userId),
      asserted_user: true,
      user_id: userId,
      organization_id: ORG_ID,
      username: user?.Username,
      nick_name: String(user?.Email ?? '').split('@')[0],
      display_name: user?.Name,
      email: user?.Email,
      first_name: user?.FirstName,
      last_name: user?.LastName,
      active: user?.IsActive,
      user_type: 'STANDARD',
      language: 'en_US',
      locale: 'en_US',
      utcOffset: 0,
      urls: {
        rest: `${baseUrl}/services/data/v{version}/`,
        sobjects: `${baseUrl}/services/data/v{version}/sobjects/`,
        query: `${baseUrl}/services/data/v{version}/query/`,
        profile: `${baseUrl}/${userId}`,
      },
      is_app_installed: true,
      last_modified_date: '2026-01-05T09:00:00.000+0000',
      api_version: version,
    };
  };

  // --- REST routes ---

  /** @param {string} userId */
  const writeContext = (userId) => ({ userId, now: Date.now() });
  /** @param {Array<Record<string, unknown>>} rows @param {number} offset @param {string} cursor @param {string} version */
  const page = (rows, offset, cursor, version) => {
    const end = offset + fake.queryBatch;
    const done = end >= rows.length;
    return {
      totalSize: rows.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${cursor}-${end}` }),
      records: rows.slice(offset, end),
    };
  };
  const newCursor = () => {
    fake.cursorCount++;
    return `01g8d0000${String(fake.cursorCount).padStart(6, '0')}AAA`;
  };

  /**
   * A REST request under `/services/data/vNN.0`, for the top level and composite subrequests alike.
   * @param {{ method: string, rest: string, version: string, search: URLSearchParams, body: unknown, userId: string, top: boolean }} input
   * @returns {Answer}
   */
  const dispatch = ({ method, rest, version, search, body, userId }) => {
    const segments = rest.split('/').filter(Boolean).map(decodeURIComponent);
    const [head, type, id, extra] = segments;
    /** @param {string[]} allowed */
    const methodNotAllowed = (allowed) =>
      new ApiError(
        405,
        'METHOD_NOT_ALLOWED',
        `HTTP Method '${method}' not allowed. Allowed are ${allowed.join(',')}`,
      );
    if (head === undefined) {
      if (method !== 'GET') throw methodNotAllowed(['GET']);
      const base = `/services/data/v${version}`;
      return {
        status: 200,
        body: {
          sobjects: `${base}/sobjects`,
          query: `${base}/query`,
          composite: `${base}/composite`,
          limits: `${base}/limits`,
        },
      };
    }
    if (head === 'limits' && segments.length === 1) {
      if (method !== 'GET') throw methodNotAllowed(['GET']);
      const n = used();
      return {
        status: 200,
        body: { DailyApiRequests: { Max: fake.limits.max, Remaining: Math.max(0, fake.limits.max - n) } },
      };
    }
    if (head === 'query') {
      if (method !== 'GET') throw methodNotAllowed(['GET']);
      if (segments.length === 1) {
        const q = search.get('q');
        if (q === null) throw new ApiError(400, 'MALFORMED_QUERY', 'A query string has to be specified');
        const rows = fake.org.query(q, version);
        const cursor = newCursor();
        if (rows.length > fake.queryBatch) fake.cursors.set(cursor, { rows, version });
        return { status: 200, body: page(rows, 0, cursor, version) };
      }
      if (segments.length === 2) {
        const match = /^(.+)-(\d+)$/.exec(type ?? '');
        const saved = match ? fake.cursors.get(/** @type {string} */ (match[1])) : undefined;
        if (!match || !saved || Number(match[2]) > saved.rows.length) {
          throw new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
        }
        return {
          status: 200,
          body: page(saved.rows, Number(match[2]), /** @type {string} */ (match[1]), version),
        };
      }
      throw notFound();
    }
    if (head === 'sobjects') {
      if (type === undefined) {
        if (method !== 'GET') throw methodNotAllowed(['GET']);
        return { status: 200, body: fake.org.describeGlobal(version) };
      }
      if (id === undefined) {
        if (method === 'POST') {
          const created = fake.org.create(type, body, writeContext(userId));
          const canonical = /** @type {string} */ (fake.org.objectName(type));
          return {
            status: 201,
            body: created,
            headers: { Location: `/services/data/v${version}/sobjects/${canonical}/${created.id}` },
            objectId: created.id,
          };
        }
        if (method !== 'GET') throw methodNotAllowed(['GET', 'POST']);
        const canonical = fake.org.typeOrNotFound(type);
        return {
          status: 200,
          body: {
            objectDescribe: fake.org.describeGlobal(version).sobjects.find((o) => o.name === canonical),
            recentItems: [],
          },
        };
      }
      if (id === 'describe' && extra === undefined) {
        if (method !== 'GET') throw methodNotAllowed(['GET']);
        return { status: 200, body: fake.org.describe(type, version) };
      }
      if (extra !== undefined) throw notFound();
      if (method === 'GET')
        return { status: 200, body: fake.org.read(type, id, search.get('fields'), version) };
      if (method === 'PATCH') {
        const changed = fake.org.update(type, id, body, writeContext(userId));
        return { status: 204, objectId: changed };
      }
      if (method === 'DELETE') return { status: 204, objectId: fake.org.remove(type, id) };
      throw methodNotAllowed(['GET', 'PATCH', 'DELETE']);
    }
    throw notFound();
  };

  /** The `/services/data/vNN.0/rest` parts of a path, or undefined. @param {string} pathname */
  const restPath = (pathname) => {
    const match = /^\/services\/data\/v(\d{1,3}\.0)(\/.*)?$/.exec(pathname);
    return match ? { version: /** @type {string} */ (match[1]), rest: match[2] ?? '' } : undefined;
  };

  /** Whether a subrequest url is a query (query, queryAll or a query locator). @param {string} url */
  const isQuery = (url) => {
    const path = restPath(url.split('?')[0] ?? '');
    return path !== undefined && /^\/(query|queryAll)(\/|$)/.test(path.rest);
  };

  /**
   * `POST /composite`: up to 25 subrequests (at most 5 queries), with references and allOrNone.
   * @param {unknown} body @param {string} userId @param {RequestLogEntry} entry @returns {Answer}
   */
  const composite = (body, userId, entry) => {
    const input = /** @type {{ allOrNone?: unknown, compositeRequest?: unknown }} */ (body);
    if (typeof input !== 'object' || input === null || !Array.isArray(input.compositeRequest)) {
      throw new ApiError(
        400,
        'JSON_PARSER_ERROR',
        'compositeRequest: the request body must have a compositeRequest array',
      );
    }
    const subs =
      /** @type {Array<{ method?: unknown, url?: unknown, referenceId?: unknown, body?: unknown }>} */ (
        input.compositeRequest
      );
    const referenceIds = new Set();
    for (const sub of subs) {
      if (typeof sub !== 'object' || sub === null)
        throw new ApiError(400, 'JSON_PARSER_ERROR', 'Each subrequest must be an object');
      if (typeof sub.referenceId !== 'string' || !/^[A-Za-z0-9_]+$/.test(sub.referenceId)) {
        throw new ApiError(
          400,
          'INVALID_INPUT',
          'referenceId is required and can contain only letters, numbers and underscores',
        );
      }
      if (referenceIds.has(sub.referenceId)) {
        throw new ApiError(
          400,
          'INVALID_INPUT',
          `Duplicate referenceId provided in the request: ${sub.referenceId}`,
        );
      }
      referenceIds.add(sub.referenceId);
      if (
        typeof sub.method !== 'string' ||
        !['GET', 'POST', 'PATCH', 'DELETE'].includes(sub.method.toUpperCase())
      ) {
        throw new ApiError(400, 'INVALID_INPUT', `Invalid method for subrequest ${sub.referenceId}`);
      }
      if (typeof sub.url !== 'string' || !sub.url.startsWith('/services/data/v')) {
        throw new ApiError(
          400,
          'INVALID_INPUT',
          `The url of subrequest ${sub.referenceId} must start with /services/data/vXX.X/`,
        );
      }
    }
    entry.subrequests = subs.map((sub) => ({
      method: String(sub.method).toUpperCase(),
      url: String(sub.url),
    }));
    if (subs.length > COMPOSITE_MAX) {
      throw new ApiError(
        400,
        'LIMIT_EXCEEDED',
        `Limit Exceeded: the composite request has ${subs.length} subrequests; the limit is ${COMPOSITE_MAX}`,
      );
    }
    const queries = subs.filter((sub) => isQuery(String(sub.url))).length;
    if (queries > COMPOSITE_MAX_QUERIES) {
      throw new ApiError(
        400,
        'LIMIT_EXCEEDED',
        `Limit Exceeded: the composite request has ${queries} query subrequests; the limit is ${COMPOSITE_MAX_QUERIES}`,
      );
    }
    const allOrNone = input.allOrNone === true;
    const snapshot = allOrNone ? fake.org.snapshot() : null;
    /** @type {Record<string, unknown>} */
    const results = {};
    /** @type {Array<{ body: unknown, httpHeaders: Record<string, string>, httpStatusCode: number, referenceId: string }>} */
    const responses = [];
    let failedAt = -1;
    const halted = () => [
      {
        errorCode: 'PROCESSING_HALTED',
        message: 'The transaction was rolled back since another operation in the same transaction failed.',
      },
    ];
    subs.forEach((sub, index) => {
      const referenceId = /** @type {string} */ (sub.referenceId);
      if (failedAt >= 0 && allOrNone) {
        responses.push({ body: halted(), httpHeaders: {}, httpStatusCode: 400, referenceId });
        return;
      }
      /** @type {string | null} */
      let unresolved = null;
      /** @param {string} text @param {boolean} encode */
      const substitute = (text, encode) =>
        text.replace(/@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])+)\}/g, (whole, ref, path) => {
          const value = ref in results ? lookupPath(results[ref], path) : undefined;
          if (value === undefined || value === null) {
            unresolved ??= whole;
            return whole;
          }
          return encode ? encodeURIComponent(String(value)) : String(value);
        });
      /** @param {unknown} value @returns {unknown} */
      const substituteBody = (value) => {
        if (typeof value === 'string') {
          const single = /^@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])+)\}$/.exec(value);
          if (single) {
            const found =
              single[1] && single[1] in results ? lookupPath(results[single[1]], single[2] ?? '') : undefined;
            if (found === undefined || found === null) {
              unresolved ??= value;
              return value;
            }
            return found;
          }
          return substitute(value, false);
        }
        if (Array.isArray(value)) return value.map(substituteBody);
        if (value && typeof value === 'object') {
          return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, substituteBody(v)]));
        }
        return value;
      };
      const url = substitute(String(sub.url), true);
      const subBody = substituteBody(sub.body);
      /** @type {Answer} */
      let result;
      if (unresolved) {
        result = {
          status: 400,
          body: [
            {
              errorCode: 'PROCESSING_HALTED',
              message: `Invalid reference specified. No value for ${unresolved} found. Provided referenceId must be a reference to an earlier subrequest that succeeded.`,
            },
          ],
        };
      } else {
        const parsed = new URL(url, 'http://composite.local');
        const path = restPath(parsed.pathname);
        result = run(() => {
          if (!path) throw notFound();
          if (/^\/composite(\/|$)/.test(path.rest))
            throw new ApiError(400, 'INVALID_INPUT', 'A composite subrequest cannot be a composite request');
          return dispatch({
            method: String(sub.method).toUpperCase(),
            rest: path.rest,
            version: path.version,
            search: parsed.searchParams,
            body: subBody,
            userId,
            top: false,
          });
        });
      }
      if (entry.subrequests?.[index]) entry.subrequests[index].url = url;
      responses.push({
        body: result.body ?? null,
        httpHeaders: result.headers ?? {},
        httpStatusCode: result.status,
        referenceId,
      });
      if (result.status >= 400) {
        if (failedAt < 0) failedAt = index;
      } else results[referenceId] = result.body;
    });
    if (allOrNone && failedAt >= 0 && snapshot) {
      fake.org.restore(snapshot);
      responses.forEach((response, index) => {
        if (index !== failedAt)
          Object.assign(response, { body: halted(), httpHeaders: {}, httpStatusCode: 400 });
      });
    }
    return { status: 200, body: { compositeResponse: responses } };
  };

  /** Runs a handler, turning errors into answers. @param {() => Answer} handler @returns {Answer} */
  const run = (handler) => {
    try {
      return handler();
    } catch (error) {
      if (error instanceof ApiError) return { status: error.status, body: error.body };
      return {
        status: 500,
        body: [{ errorCode: 'UNKNOWN_EXCEPTION', message: `test server bug: ${String(error)}` }],
      };
    }
  };

  // --- the API server ---

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  const handleApi = async (req, res) => {
    const opened = await openRequest(req, res, fake, {
      send,
      cors: CORS,
      base: 'http://fake-salesforce.local',
    });
    if (!opened) return;
    const { method, url, text, entry, answer } = opened;
    /** @param {Answer} result @param {Record<string, string>} [headers] */
    const answerWith = (result, headers = {}) =>
      answer(result.status, result.body, { ...(result.headers ?? {}), ...headers });

    if (method === 'OPTIONS') {
      answer(204, undefined, privateNetworkHeaders(req));
      return;
    }

    // OAuth: the login host (no bearer, form bodies, not counted, no faults).
    if (url.pathname.startsWith('/services/oauth2/')) {
      const form = new URLSearchParams(method === 'GET' ? url.search : text);
      entry.body = Object.fromEntries(form);
      const endpoint = url.pathname.replace(/\/$/, '');
      if (endpoint === '/services/oauth2/authorize' && method === 'GET') answerWith(authorize(url));
      else if (endpoint === '/services/oauth2/token' && method === 'POST') answerWith(token(form));
      else if (endpoint === '/services/oauth2/revoke' && (method === 'POST' || method === 'GET'))
        answerWith(revoke(form));
      else if (endpoint === '/services/oauth2/userinfo') {
        const session = bearer();
        if (!session) answer(403, 'Bad_OAuth_Token');
        else {
          const id = identity(session.userId);
          answer(200, {
            sub: id.id,
            user_id: id.user_id,
            organization_id: ORG_ID,
            name: id.display_name,
            email: id.email,
            preferred_username: id.username,
          });
        }
      } else answer(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }

    function bearer() {
      const presented = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? '';
      const session = fake.accessTokens.get(presented);
      return session && !session.expired ? session : undefined;
    }

    if (url.pathname === '/services/data' || url.pathname === '/services/data/') {
      answer(200, [
        {
          label: "Spring '26",
          url: `/services/data/v${SALESFORCE_API_VERSION}`,
          version: SALESFORCE_API_VERSION,
        },
      ]);
      return;
    }
    const idMatch = /^\/id\/([A-Za-z0-9]{15,18})\/([A-Za-z0-9]{15,18})$/.exec(url.pathname);
    if (idMatch) {
      const session = bearer();
      if (!session) answer(403, 'Bad_OAuth_Token');
      else if (!isIdShaped(idMatch[2]) || session.userId.slice(0, 15) !== idMatch[2]?.slice(0, 15))
        answer(403, 'Bad_Id');
      else answer(200, identity(session.userId));
      return;
    }
    const rest = restPath(url.pathname);
    if (!rest) {
      answer(404, [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }]);
      return;
    }

    let body;
    /** @type {ApiError | undefined} */
    let parseError;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
        entry.body = body;
      } catch (error) {
        parseError = new ApiError(
          400,
          'JSON_PARSER_ERROR',
          `Unexpected character: ${/** @type {Error} */ (error).message}`,
        );
      }
    }

    const session = bearer();
    if (!session) {
      answer(401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }]);
      return;
    }
    if (used() >= fake.limits.max) {
      answer(403, limitExceeded().body, limitHeader());
      return;
    }
    const fault = nextFault(fake, FAULT_ORDER);
    if (fault) entry.fault = fault;
    if (fault === 'limit') {
      answer(403, limitExceeded().body, limitHeader());
      return;
    }
    fake.limits.times.push(Date.now());
    if (fault === '500') {
      answer(
        500,
        [
          {
            errorCode: 'UNKNOWN_EXCEPTION',
            message:
              'An unexpected error occurred. Please include this ErrorId if you contact support: 0000000000-00000 (injected by the test server)',
          },
        ],
        limitHeader(),
      );
      return;
    }
    if (fault === 'timeout') {
      holdUnanswered(req, fake);
      return;
    }

    const result = run(() => {
      if (parseError) throw parseError;
      if (/^\/composite\/?$/.test(rest.rest)) {
        if (method !== 'POST')
          throw new ApiError(
            405,
            'METHOD_NOT_ALLOWED',
            `HTTP Method '${method}' not allowed. Allowed are POST`,
          );
        return composite(body, session.userId, entry);
      }
      return dispatch({
        method,
        rest: rest.rest,
        version: rest.version,
        search: url.searchParams,
        body,
        userId: session.userId,
        top: true,
      });
    });
    if (result.objectId) entry.objectId = result.objectId;
    if (fault === 'drop') {
      entry.appliedStatus = result.status;
      req.socket.destroy();
      return;
    }
    answerWith(result, limitHeader());
  };

  const api = createApiServer(fake, handleApi, (res, error) => {
    send(res, 500, [{ errorCode: 'UNKNOWN_EXCEPTION', message: `test server bug: ${String(error)}` }], CORS);
  });

  // --- the control server ---

  const config = () => ({
    consumerKey,
    seed: fake.seed,
    apiVersion: SALESFORCE_API_VERSION,
    limits: { used: used(), max: fake.limits.max },
    queryBatchSize: fake.queryBatch,
    history: { ...fake.org.history },
    oauth: { ...fake.oauth },
    fls: [...fake.org.fls].map(([key, flags]) => ({
      object: key.split('.')[0],
      field: key.split('.')[1],
      ...flags,
    })),
    validationRules: fake.org.validationRules,
    faults: { random: fake.faults.random, holdMs: fake.faults.holdMs, queued: [...fake.queue] },
    down: fake.down,
  });

  /** @type {Record<string, (body: Record<string, unknown>, url: URL) => unknown>} */
  const control = {
    'GET /state': () => ({ ...fake.org.state(), config: config() }),
    'POST /reset': (body) => {
      const dataSeed = body.seed === undefined ? seed : Number(body.seed);
      if (!Number.isInteger(dataSeed)) throw new Error('seed must be an integer');
      resetData(dataSeed);
      fake.limits = { max: apiMax, times: [] };
      fake.queryBatch = DEFAULT_BATCH;
      fake.oauth = { deny: false, uninstalled: false };
      fake.codes.clear();
      fake.faults = { random: null, next: seededRandom(dataSeed), holdMs: options.holdMs ?? DEFAULT_HOLD_MS };
      fake.queue = [];
      fake.down = false;
      fake.log = [];
      return config();
    },
    /**
     * `{ empty?, records?: [{ type, fields, malformed? }] }`: `empty` leaves only the users; records
     * are added as given (no validation), with ids, dates and owners filled in when absent.
     */
    'POST /seed': (body) => {
      if (body.empty) {
        const users = fake.org.state().User;
        fake.org = new Org();
        for (const user of users) fake.org.insert('User', user);
        fake.cursors.clear();
      }
      const records =
        /** @type {Array<{ type: string, fields?: Record<string, unknown>, malformed?: boolean }>} */ (
          body.records ?? []
        );
      if (!Array.isArray(records)) throw new Error('records must be an array');
      const ids = records.map(
        (r) => fake.org.insert(String(r.type), r.fields ?? {}, { malformed: Boolean(r.malformed) }).Id,
      );
      return { ids };
    },
    ...faultControl(fake, { order: FAULT_ORDER, kinds: FAULT_KINDS, seededRandom, api, config }),
    'POST /auth': (body) => {
      if (body.expireAccessTokens) for (const session of fake.accessTokens.values()) session.expired = true;
      if (body.revokeAll) {
        fake.accessTokens.clear();
        fake.refreshTokens.clear();
      }
      return { accessTokens: fake.accessTokens.size, refreshTokens: fake.refreshTokens.size };
    },
    'POST /oauth': (body) => {
      if (body.deny !== undefined) fake.oauth.deny = Boolean(body.deny);
      if (body.uninstalled !== undefined) fake.oauth.uninstalled = Boolean(body.uninstalled);
      return config();
    },
    'POST /fls': (body) =>
      fake.org.setFls(
        /** @type {{ object: string, field: string, readOnly?: boolean, hidden?: boolean }} */ (body),
      ),
    'POST /validation-rules': (body) => {
      if (!Array.isArray(body.rules)) throw new Error('rules must be an array');
      for (const rule of body.rules) {
        if (
          !rule ||
          typeof rule.object !== 'string' ||
          typeof rule.field !== 'string' ||
          typeof rule.requireField !== 'string'
        ) {
          throw new Error('a rule is { object, field, equals, requireField, message }');
        }
      }
      fake.org.validationRules = body.rules.map((rule) => ({
        ...rule,
        message: String(rule.message ?? 'Validation failed'),
      }));
      return config();
    },
    'POST /limits': (body) => {
      if (body.max !== undefined) {
        const max = Number(body.max);
        if (!Number.isInteger(max) || max < 0) throw new Error('max must be a non-negative integer');
        fake.limits.max = max;
      }
      if (body.used !== undefined) {
        const n = Number(body.used);
        if (!Number.isInteger(n) || n < 0) throw new Error('used must be a non-negative integer');
        fake.limits.times = new Array(n).fill(Date.now());
      }
      return config();
    },
    'POST /query-batch': (body) => {
      const size = Number(body.size);
      if (!Number.isInteger(size) || size < 1 || size > 2000)
        throw new Error('size must be between 1 and 2000');
      fake.queryBatch = size;
      return config();
    },
    'POST /history': (body) => {
      if (body.trackOwner !== undefined) fake.org.history.trackOwner = Boolean(body.trackOwner);
      if (body.trackStatus !== undefined) fake.org.history.trackStatus = Boolean(body.trackStatus);
      return config();
    },
    ...logControl(fake),
  };

  const controlServer = createControlServer(control, send, 'http://fake-salesforce-control.local');
  const { url, controlUrl } = await listenBoth(api, controlServer, { port, controlPort, host });
  baseUrl = url;

  return {
    url: baseUrl,
    controlUrl,
    consumerKey,
    apiVersion: SALESFORCE_API_VERSION,
    /** Mints a token pair for the rep, as the token endpoint would, without the browser. */
    issueTokens() {
      const minted = mint(REP_USER_ID, consumerKey, true);
      return {
        accessToken: minted.access_token,
        refreshToken: /** @type {string} */ (minted.refresh_token),
        instanceUrl: minted.instance_url,
        id: minted.id,
      };
    },
    close: () => closeBoth(fake, api, controlServer),
  };
}
