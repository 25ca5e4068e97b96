/**
 * A local HubSpot test server: the few CRM endpoints Baton calls, in HubSpot's date-based form
 * (`/crm/objects/2026-03/…`), with bearer auth, per-token rate limits and HubSpot's error bodies;
 * and a separate control port (no auth) to read the state, reset it, inject faults (500, 429,
 * timeout, drop after apply), take the API down, change limits and read the request log.
 * See README.md next to this file.
 */
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
import { ApiError, ENGAGEMENT_TYPES, errorBody, objectTypeOf, Portal } from './portal.mjs';
import { CONTACT_PROPERTIES, LEAD_PIPELINES, LEAD_PROPERTIES, OWNERS } from './properties.mjs';
import { seededRandom, seedPortal } from './seed.mjs';

export {
  ASSOCIATION_TYPE_IDS,
  ENGAGEMENT_TYPES,
  INTEGRATION_SOURCE_ID,
  LEAD_ASSOCIATION_TYPE_IDS,
  OBJECT_TYPES,
} from './portal.mjs';
export {
  EMPLOYEE_RANGES,
  LEAD_DISQUALIFICATION_REASONS,
  LEAD_PIPELINES,
  LEAD_STATUSES,
  LIFECYCLE_STAGES,
  OWNERS,
  TIMEFRAMES,
} from './properties.mjs';
export {
  COLLEAGUE_OWNER_ID,
  DANA_HISTORY,
  employeeRange,
  HERO_CONTACTS,
  HERO_LEADS,
  REP_OWNER_ID,
  SEEDED_ENGAGEMENTS,
  SEEDED_LEADS,
} from './seed.mjs';

/** The API version the server advertises; any `YYYY-MM` segment is accepted. */
export const HUBSPOT_API_VERSION = '2026-03';

/** @typedef {'500' | '429' | 'timeout' | 'drop'} FaultKind */
/** @typedef {FaultKind | 'pass'} QueuedKind 'pass' lets one request through untouched, to aim a fault at a later one. */
/** @typedef {{ p500?: number, p429?: number, timeout?: number, dropAfterApply?: number }} RandomFaults */
/**
 * @typedef {{
 *   seq: number, at: string, method: string | null, path: string | null, status: number | null,
 *   fault?: FaultKind | 'down', appliedStatus?: number, objectId?: string, body?: unknown,
 * }} RequestLogEntry
 */
/**
 * @typedef {{
 *   port?: number, controlPort?: number, host?: string, token?: string, seed?: number,
 *   rate?: { max?: number, intervalMs?: number, searchPerSecond?: number },
 *   forbidden?: boolean, holdMs?: number, bulkContacts?: number,
 * }} FakeHubSpotOptions
 */

const FAULT_KINDS = ['500', '429', 'timeout', 'drop', 'pass'];
/** @type {import('../server-kit/http.mjs').FaultOrder<FaultKind>} */
const FAULT_ORDER = [
  ['p500', '500'],
  ['p429', '429'],
  ['timeout', 'timeout'],
  ['dropAfterApply', 'drop'],
];
const DEFAULT_RATE = { max: 100, intervalMs: 10_000, searchPerSecond: 5 };
const DEFAULT_HOLD_MS = 30_000;
const SCOPES = {
  schemaRead: 'crm.schemas.contacts.read',
  read: 'crm.objects.contacts.read',
  write: 'crm.objects.contacts.write',
  leadsRead: 'crm.objects.leads.read',
  leadsWrite: 'crm.objects.leads.write',
  ownersRead: 'crm.objects.owners.read',
};
/** Path segments that name the leads object. */
const LEAD_SEGMENTS = new Set(['leads', 'lead', '0-136']);
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers':
    'X-HubSpot-RateLimit-Max, X-HubSpot-RateLimit-Remaining, X-HubSpot-RateLimit-Interval-Milliseconds',
  'Access-Control-Max-Age': '600',
};

/**
 * @typedef {{ status: number, body?: unknown, objectId?: string }} Answer
 * @typedef {{ params: string[], url: URL, body: unknown }} RouteInput
 * @typedef {{ method: string, pattern: RegExp, scope: string | ((params: string[]) => string), search?: boolean, run: (input: RouteInput) => Answer }} Route
 */

const send = createSend({ jsonType: 'application/json;charset=utf-8' });

/**
 * Starts the API server and its control server.
 * @param {FakeHubSpotOptions} [options]
 */
export async function startFakeHubSpot(options = {}) {
  const { port = 0, controlPort = 0, host = '127.0.0.1', token = 'test-token', seed = 1 } = options;
  const initialRate = { ...DEFAULT_RATE };
  for (const name of /** @type {const} */ (['max', 'intervalMs', 'searchPerSecond'])) {
    const value = options.rate?.[name];
    if (value !== undefined) initialRate[name] = value;
  }

  const fake = {
    /** @type {Portal} */
    portal: new Portal(),
    seed,
    auth: {
      token,
      forbidden: options.forbidden ?? false,
      missingScopes: /** @type {Set<string>} */ (new Set()),
    },
    rate: { ...initialRate },
    /** token → times of admitted requests @type {Map<string, number[]>} */
    windows: new Map(),
    /** token → times of admitted search requests @type {Map<string, number[]>} */
    searchWindows: new Map(),
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
    fake.portal = new Portal();
    fake.seed = dataSeed;
    seedPortal(fake.portal, { seed: dataSeed, now: Date.now() });
    // Load tests need many contacts: plain MQLs of the rep, ids 60000…, emails bulk-<n>@load.example.
    for (let n = 0; n < (options.bulkContacts ?? 0); n++) {
      const at = new Date(Date.now() - 60_000).toISOString();
      fake.portal.insert(
        'contacts',
        String(60000 + n),
        {
          firstname: 'Bulk',
          lastname: `Contact ${n}`,
          email: `bulk-${n}@load.example`,
          lifecyclestage: 'marketingqualifiedlead',
          hubspot_owner_id: '90001',
          hs_lifecyclestage_marketingqualifiedlead_date: at,
        },
        { createdAt: at, updatedAt: at },
      );
    }
  };
  resetData(seed);

  // --- rate limiting ---

  /** @param {Map<string, number[]>} windows @param {string} key @param {number} intervalMs */
  const recent = (windows, key, intervalMs) => {
    const now = Date.now();
    const times = (windows.get(key) ?? []).filter((t) => now - t < intervalMs);
    windows.set(key, times);
    return times;
  };
  /** @param {string} key @param {number} [remaining] */
  const rateHeaders = (key, remaining) => ({
    'X-HubSpot-RateLimit-Max': String(fake.rate.max),
    'X-HubSpot-RateLimit-Remaining': String(
      remaining ?? Math.max(0, fake.rate.max - recent(fake.windows, key, fake.rate.intervalMs).length),
    ),
    'X-HubSpot-RateLimit-Interval-Milliseconds': String(fake.rate.intervalMs),
  });
  /**
   * Admits a request into the token's rolling window (and the search window), or names the limit hit.
   * @param {string} key @param {boolean} search @returns {{ limited: 'TEN_SECONDLY_ROLLING' | 'SECONDLY' | null, remaining: number }}
   */
  const admit = (key, search) => {
    const times = recent(fake.windows, key, fake.rate.intervalMs);
    if (times.length >= fake.rate.max) return { limited: 'TEN_SECONDLY_ROLLING', remaining: 0 };
    if (search) {
      const searches = recent(fake.searchWindows, key, 1000);
      if (searches.length >= fake.rate.searchPerSecond) {
        return { limited: 'SECONDLY', remaining: fake.rate.max - times.length };
      }
      searches.push(Date.now());
    }
    times.push(Date.now());
    return { limited: null, remaining: fake.rate.max - times.length };
  };
  /** @param {'TEN_SECONDLY_ROLLING' | 'SECONDLY'} policyName */
  const rateLimitBody = (policyName) =>
    errorBody(
      'RATE_LIMITS',
      policyName === 'SECONDLY'
        ? `You have reached your secondly limit (search: ${fake.rate.searchPerSecond} requests per second).`
        : `You have reached your ten_secondly_rolling limit (${fake.rate.max} requests per ${fake.rate.intervalMs} ms).`,
      { errorType: 'RATE_LIMIT', policyName },
    );

  // --- routes ---

  const V = '(\\d{4}-\\d{2})';
  /** @param {string} segment @param {readonly string[]} allowed */
  const typeIn = (segment, allowed) => {
    const type = objectTypeOf(decodeURIComponent(segment));
    if (!type) throw new ApiError(400, 'VALIDATION_ERROR', `Unable to infer object type from: ${segment}`);
    if (!allowed.includes(type)) throw notImplemented();
    return type;
  };
  const notImplemented = () =>
    new ApiError(404, 'NOT_FOUND', 'This endpoint is not implemented by the Baton HubSpot test server.');
  /** @param {URL} url */
  const requestedProperties = (url) => {
    const names = url.searchParams
      .getAll('properties')
      .flatMap((value) => value.split(','))
      .map((name) => name.trim())
      .filter(Boolean);
    return names.length > 0 ? names : undefined;
  };
  /** @param {string[]} params @param {number} index */
  const param = (params, index) => decodeURIComponent(params[index] ?? '');
  /** `propertiesWithHistory=a,b` (a comma list, or repeated). @param {URL} url */
  const historyRequested = (url) =>
    url.searchParams
      .getAll('propertiesWithHistory')
      .flatMap((value) => value.split(','))
      .map((name) => name.trim())
      .filter(Boolean);
  /** Whether any of the path segments at `indexes` names leads. @param {string[]} params @param {number[]} indexes */
  const touchesLeads = (params, indexes) =>
    indexes.some((i) => LEAD_SEGMENTS.has(decodeURIComponent(params[i] ?? '').toLowerCase()));
  /** The scope a route needs: the leads scope when a lead is involved. @param {string} contactsScope @param {string} leadsScope @param {number[]} indexes */
  const scopeBy = (contactsScope, leadsScope, indexes) => (/** @type {string[]} */ params) =>
    touchesLeads(params, indexes) ? leadsScope : contactsScope;
  /** @type {import('./portal.mjs').ObjectType[]} */
  const ALL_TYPES = ['contacts', 'leads', ...ENGAGEMENT_TYPES];

  /** @type {Route[]} */
  const routes = [
    {
      method: 'GET',
      pattern: new RegExp(`^/crm/properties/${V}/([^/]+)$`),
      scope: scopeBy(SCOPES.schemaRead, SCOPES.leadsRead, [1]),
      run: ({ params }) => {
        const type = typeIn(params[1] ?? '', ['contacts', 'leads']);
        return { status: 200, body: { results: type === 'leads' ? LEAD_PROPERTIES : CONTACT_PROPERTIES } };
      },
    },
    {
      // The Owners API (`GET /crm/owners/{v}`, `limit` ≤ 500 and `after`): HubSpot's users, by owner id.
      method: 'GET',
      pattern: new RegExp(`^/crm/owners/${V}/?$`),
      scope: SCOPES.ownersRead,
      run: ({ url }) => {
        const limit = Number(url.searchParams.get('limit') ?? 100);
        const offset = Number(url.searchParams.get('after') ?? 0);
        if (!Number.isInteger(limit) || limit < 1 || limit > 500)
          throw new ApiError(400, 'VALIDATION_ERROR', 'limit must be between 1 and 500');
        if (!Number.isInteger(offset) || offset < 0)
          throw new ApiError(400, 'VALIDATION_ERROR', 'after is not a valid paging cursor');
        const at = '2026-01-05T09:00:00.000Z';
        const results = OWNERS.slice(offset, offset + limit).map((owner, index) => ({
          ...owner,
          type: 'PERSON',
          userId: 7000 + index + offset,
          createdAt: at,
          updatedAt: at,
          archived: false,
        }));
        const next =
          offset + limit < OWNERS.length ? { paging: { next: { after: String(offset + limit) } } } : {};
        return { status: 200, body: { results, ...next } };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/crm/pipelines/${V}/([^/]+)$`),
      scope: scopeBy(SCOPES.read, SCOPES.leadsRead, [1]),
      run: ({ params }) => {
        if (objectTypeOf(param(params, 1)) !== 'leads') throw notImplemented();
        return { status: 200, body: { results: LEAD_PIPELINES } };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/crm/objects/${V}/([^/]+)/search$`),
      scope: scopeBy(SCOPES.read, SCOPES.leadsRead, [1]),
      search: true,
      run: ({ params, body }) => ({
        status: 200,
        body: fake.portal.search(typeIn(params[1] ?? '', ALL_TYPES), body),
      }),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/crm/objects/${V}/([^/]+)/batch/read$`),
      scope: scopeBy(SCOPES.read, SCOPES.leadsRead, [1]),
      run: ({ params, body }) => fake.portal.batchRead(typeIn(params[1] ?? '', ALL_TYPES), body),
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/crm/associations/${V}/([^/]+)/([^/]+)/batch/read$`),
      scope: scopeBy(SCOPES.read, SCOPES.leadsRead, [1, 2]),
      run: ({ params, body }) =>
        fake.portal.batchAssociations(
          typeIn(params[1] ?? '', ALL_TYPES),
          typeIn(params[2] ?? '', ALL_TYPES),
          body,
        ),
    },
    {
      method: 'PUT',
      pattern: new RegExp(`^/crm/objects/${V}/([^/]+)/([^/]+)/associations/default/([^/]+)/([^/]+)$`),
      scope: scopeBy(SCOPES.write, SCOPES.leadsWrite, [1, 3]),
      run: ({ params }) => {
        const fromType = typeIn(params[1] ?? '', ALL_TYPES);
        const toType = typeIn(params[3] ?? '', ALL_TYPES);
        const body = fake.portal.associateDefault(fromType, param(params, 2), toType, param(params, 4));
        return { status: 200, body, objectId: param(params, 2) };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/crm/objects/${V}/([^/]+)/([^/]+)/associations/([^/]+)$`),
      scope: scopeBy(SCOPES.read, SCOPES.leadsRead, [1, 3]),
      run: ({ params, url }) => {
        const fromType = typeIn(params[1] ?? '', ['contacts', 'leads']);
        const toType = typeIn(params[3] ?? '', ALL_TYPES);
        const paging = { limit: url.searchParams.get('limit'), after: url.searchParams.get('after') };
        return { status: 200, body: fake.portal.associations(fromType, param(params, 2), toType, paging) };
      },
    },
    {
      method: 'GET',
      pattern: new RegExp(`^/crm/objects/${V}/([^/]+)/([^/]+)$`),
      scope: scopeBy(SCOPES.read, SCOPES.leadsRead, [1]),
      run: ({ params, url }) => {
        const type = /** @type {'contacts' | 'leads'} */ (typeIn(params[1] ?? '', ['contacts', 'leads']));
        const idProperty = url.searchParams.get('idProperty');
        return {
          status: 200,
          body: fake.portal.getObject(
            type,
            param(params, 2),
            idProperty,
            requestedProperties(url),
            historyRequested(url),
          ),
        };
      },
    },
    {
      method: 'PATCH',
      pattern: new RegExp(`^/crm/objects/${V}/([^/]+)/([^/]+)$`),
      scope: scopeBy(SCOPES.write, SCOPES.leadsWrite, [1]),
      run: ({ params, url, body }) => {
        const type = /** @type {'contacts' | 'leads'} */ (typeIn(params[1] ?? '', ['contacts', 'leads']));
        const updated = fake.portal.updateObject(
          type,
          param(params, 2),
          url.searchParams.get('idProperty'),
          body,
        );
        return { status: 200, body: updated, objectId: updated.id };
      },
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/crm/objects/${V}/([^/]+)$`),
      scope: scopeBy(SCOPES.write, SCOPES.leadsWrite, [1]),
      run: ({ params, body }) => {
        const type = typeIn(params[1] ?? '', ['leads', ...ENGAGEMENT_TYPES]);
        const created =
          type === 'leads'
            ? fake.portal.createLead(body)
            : fake.portal.createEngagement(/** @type {import('./portal.mjs').EngagementType} */ (type), body);
        return { status: 201, body: created, objectId: created.id };
      },
    },
    {
      method: 'DELETE',
      pattern: new RegExp(`^/crm/objects/${V}/([^/]+)/([^/]+)$`),
      scope: scopeBy(SCOPES.write, SCOPES.leadsWrite, [1]),
      run: ({ params }) => {
        const type = typeIn(params[1] ?? '', ALL_TYPES);
        fake.portal.archive(type, param(params, 2));
        return { status: 204, objectId: param(params, 2) };
      },
    },
  ];

  /** @param {string} method @param {string} pathname */
  const matchRoute = (method, pathname) => {
    for (const route of routes) {
      if (route.method !== method) continue;
      const match = route.pattern.exec(pathname);
      if (match) return { route, params: match.slice(1) };
    }
    return undefined;
  };

  // --- the API server ---

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  const handleApi = async (req, res) => {
    const opened = await openRequest(req, res, fake, { send, cors: CORS, base: 'http://fake-hubspot.local' });
    if (!opened) return;
    const { method, url, text, entry, answer } = opened;

    const presented = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim() ?? '';
    const key = presented || '(none)';
    if (method === 'OPTIONS') {
      answer(204, undefined, { ...rateHeaders(key), ...privateNetworkHeaders(req) });
      return;
    }

    let body;
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch (error) {
        body = new ApiError(
          400,
          'VALIDATION_ERROR',
          `Invalid input JSON: ${/** @type {Error} */ (error).message}`,
        );
      }
    }
    if (body !== undefined && !(body instanceof ApiError)) entry.body = body;

    if (presented !== fake.auth.token) {
      answer(
        401,
        errorBody(
          'INVALID_AUTHENTICATION',
          'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
        ),
        rateHeaders(key),
      );
      return;
    }
    const matched = matchRoute(method, url.pathname);
    const scope = matched
      ? typeof matched.route.scope === 'function'
        ? matched.route.scope(matched.params)
        : matched.route.scope
      : '';
    if (matched && (fake.auth.forbidden || fake.auth.missingScopes.has(scope))) {
      answer(
        403,
        errorBody(
          'MISSING_SCOPES',
          "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
          {
            errors: [
              {
                message: 'One or more of the following scopes are required.',
                context: { requiredGranularScopes: [scope] },
              },
            ],
            links: { scopes: 'https://developers.hubspot.com/scopes' },
          },
        ),
        rateHeaders(key),
      );
      return;
    }

    const admitted = admit(key, matched?.route.search ?? false);
    if (admitted.limited) {
      answer(429, rateLimitBody(admitted.limited), rateHeaders(key, 0));
      return;
    }
    const headers = rateHeaders(key, admitted.remaining);

    const fault = nextFault(fake, FAULT_ORDER);
    if (fault) entry.fault = fault;
    if (fault === '500') {
      answer(500, errorBody('INTERNAL_ERROR', 'internal error (injected by the test server)'), headers);
      return;
    }
    if (fault === '429') {
      answer(429, rateLimitBody('TEN_SECONDLY_ROLLING'), rateHeaders(key, 0));
      return;
    }
    if (fault === 'timeout') {
      holdUnanswered(req, fake);
      return;
    }

    /** @type {Answer} */
    let result;
    try {
      if (body instanceof ApiError) throw body;
      if (!matched) throw notImplemented();
      result = matched.route.run({ params: matched.params, url, body });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        result = { status: 500, body: errorBody('INTERNAL_ERROR', `test server bug: ${String(error)}`) };
      } else {
        result = { status: error.status, body: error.body };
      }
    }
    if (result.objectId) entry.objectId = result.objectId;
    if (fault === 'drop') {
      // The write is applied; the answer is lost.
      entry.appliedStatus = result.status;
      req.socket.destroy();
      return;
    }
    answer(result.status, result.body, headers);
  };

  const api = createApiServer(fake, handleApi, (res, error) => {
    send(res, 500, errorBody('INTERNAL_ERROR', `test server bug: ${String(error)}`), CORS);
  });

  // --- the control server ---

  const config = () => ({
    token: fake.auth.token,
    forbidden: fake.auth.forbidden,
    missingScopes: [...fake.auth.missingScopes],
    seed: fake.seed,
    rate: { ...fake.rate },
    faults: { random: fake.faults.random, holdMs: fake.faults.holdMs, queued: [...fake.queue] },
    down: fake.down,
    apiVersion: HUBSPOT_API_VERSION,
  });

  /** @type {Record<string, (body: Record<string, unknown>, url: URL) => unknown>} */
  const control = {
    'GET /state': () => ({ ...fake.portal.state(), config: config() }),
    'POST /reset': (body) => {
      const dataSeed = body.seed === undefined ? seed : Number(body.seed);
      if (!Number.isInteger(dataSeed)) throw new Error('seed must be an integer');
      resetData(dataSeed);
      fake.auth = { token, forbidden: options.forbidden ?? false, missingScopes: new Set() };
      fake.rate = { ...initialRate };
      fake.windows.clear();
      fake.searchWindows.clear();
      fake.faults = { random: null, next: seededRandom(dataSeed), holdMs: options.holdMs ?? DEFAULT_HOLD_MS };
      fake.queue = [];
      fake.down = false;
      fake.log = [];
      return config();
    },
    /**
     * Adds records as given (no validation), for a test's own data set: `{ empty?, contacts?: [{ id,
     * properties, createdAt?, malformed? }], engagements?: [{ type, id, properties, contacts, leads?,
     * malformed? }], leads?: [{ id, properties, contacts, malformed? }] }` (leads default to New in
     * `lead-pipeline-id`).
     * `empty` starts from an empty portal; `malformed` makes reads send the record in a shape HubSpot
     * never would (`properties: null`), so a client's record-by-record validation can be tested.
     */
    'POST /seed': (body) => {
      if (body.empty) fake.portal = new Portal();
      const contacts =
        /** @type {Array<{ id: string, properties: Record<string, string>, createdAt?: string, malformed?: boolean }>} */ (
          body.contacts ?? []
        );
      /** @type {Array<{ type: import('./portal.mjs').EngagementType, id: string, properties: Record<string, string>, contacts?: string[], leads?: string[], malformed?: boolean }>} */
      const engagements = /** @type {never} */ (body.engagements ?? []);
      /** @type {Array<{ id: string, properties: Record<string, string>, contacts?: string[], malformed?: boolean }>} */
      const leads = /** @type {never} */ (body.leads ?? []);
      const createdAt = new Date().toISOString();
      for (const c of contacts) {
        const record = fake.portal.insert('contacts', String(c.id), c.properties, {
          createdAt: c.createdAt ?? createdAt,
        });
        if (c.malformed) record.malformed = true;
      }
      for (const e of engagements) {
        if (!ENGAGEMENT_TYPES.includes(e.type)) throw new Error(`unknown engagement type ${String(e.type)}`);
        const record = fake.portal.insert(e.type, String(e.id), e.properties, { createdAt });
        if (e.malformed) record.malformed = true;
        for (const contactId of e.contacts ?? []) fake.portal.link(e.type, String(e.id), String(contactId));
        for (const leadId of e.leads ?? [])
          fake.portal.associate(e.type, String(e.id), 'leads', String(leadId));
      }
      for (const l of leads) {
        const record = fake.portal.insert(
          'leads',
          String(l.id),
          { hs_pipeline: 'lead-pipeline-id', hs_pipeline_stage: 'new-stage-id', ...l.properties },
          { createdAt },
        );
        if (l.malformed) record.malformed = true;
        for (const contactId of l.contacts ?? []) {
          fake.portal.associate('leads', String(l.id), 'contacts', String(contactId));
        }
      }
      return {
        contacts: fake.portal.objects.contacts.size,
        engagements: engagements.length,
        leads: leads.length,
      };
    },
    ...faultControl(fake, { order: FAULT_ORDER, kinds: FAULT_KINDS, seededRandom, api, config }),
    'POST /rate': (body) => {
      for (const name of /** @type {const} */ (['max', 'intervalMs', 'searchPerSecond'])) {
        if (body[name] === undefined) continue;
        const n = Number(body[name]);
        if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer`);
        fake.rate[name] = n;
      }
      return config();
    },
    'POST /auth': (body) => {
      if (body.token !== undefined) fake.auth.token = String(body.token);
      if (body.forbidden !== undefined) fake.auth.forbidden = Boolean(body.forbidden);
      if (body.missingScopes !== undefined) {
        if (!Array.isArray(body.missingScopes))
          throw new Error('missingScopes must be an array of scope names');
        fake.auth.missingScopes = new Set(body.missingScopes.map(String));
      }
      return config();
    },
    ...logControl(fake),
  };

  const controlServer = createControlServer(control, send, 'http://fake-hubspot-control.local');
  const { url, controlUrl } = await listenBoth(api, controlServer, { port, controlPort, host });

  return {
    url,
    controlUrl,
    token,
    apiVersion: HUBSPOT_API_VERSION,
    close: () => closeBoth(fake, api, controlServer),
  };
}
