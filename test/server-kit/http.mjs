/**
 * The HTTP plumbing the local CRM test servers share (`test/hubspot-server/`,
 * `test/salesforce-server/`): bodies, answers, listening and closing, CORS preflight, the request
 * log, the fault queue with seeded random faults, held (timeout) and dropped requests, "down", and
 * the control server's routing. What a CRM answers (its error bodies, auth, limits, routes) stays
 * in that CRM's own folder.
 */
import http from 'node:http';

/** How many requests the log keeps (the oldest go first). */
export const MAX_LOG = 200_000;

/**
 * A request log entry: what every server logs (a server may add fields of its own).
 * @typedef {{
 *   seq: number, at: string, method: string | null, path: string | null, status: number | null,
 *   fault?: string, appliedStatus?: number, objectId?: string, body?: unknown,
 * }} LogEntry
 */
/**
 * The state the plumbing reads and changes; a server keeps it on its own state object.
 * `faults.random` holds probabilities by name (see {@link FaultOrder}).
 * @template {string} K the fault kinds
 * @template {LogEntry} E the log entry
 * @typedef {{
 *   faults: { random: Record<string, number> | null, next: () => number, holdMs: number },
 *   queue: Array<K | 'pass'>,
 *   down: boolean,
 *   log: E[],
 *   seq: number,
 *   holds: Set<NodeJS.Timeout>,
 * }} Plumbing
 */
/**
 * Random faults in the order they are drawn: each pair is the probability's name (in `POST /faults`
 * and `faults.random`) and the fault it stands for.
 * @template {string} K
 * @typedef {ReadonlyArray<readonly [string, K]>} FaultOrder
 */
/** @typedef {(res: http.ServerResponse, status: number, body?: unknown, headers?: Record<string, string>) => void} Send */

/** @param {http.IncomingMessage} req @returns {Promise<string>} */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Makes a `send`: no body → headers only; a string, when `textType` is given → as is, with that type;
 * anything else → JSON with `jsonType`. Nothing is sent on a closed or answered response.
 * @param {{ jsonType: string, textType?: string }} types @returns {Send}
 */
export function createSend({ jsonType, textType }) {
  return (res, status, body, headers = {}) => {
    if (res.destroyed || res.headersSent) return;
    if (body === undefined) {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    if (textType !== undefined && typeof body === 'string') {
      res.writeHead(status, { 'Content-Type': textType, ...headers });
      res.end(body);
      return;
    }
    res.writeHead(status, { 'Content-Type': jsonType, ...headers });
    res.end(JSON.stringify(body));
  };
}

/** @param {http.Server} server @param {number} port @param {string} host @returns {Promise<number>} */
export function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** @param {http.Server} server @returns {Promise<void>} */
export function closeServer(server) {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/**
 * Starts the API server, then the control server (closing the API server if that fails).
 * @param {http.Server} api @param {http.Server} controlServer
 * @param {{ port: number, controlPort: number, host: string }} at
 * @returns {Promise<{ url: string, controlUrl: string }>}
 */
export async function listenBoth(api, controlServer, { port, controlPort, host }) {
  const apiPort = await listen(api, port, host);
  let boundControlPort;
  try {
    boundControlPort = await listen(controlServer, controlPort, host);
  } catch (error) {
    await closeServer(api);
    throw error;
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { url: `http://${urlHost}:${apiPort}`, controlUrl: `http://${urlHost}:${boundControlPort}` };
}

/**
 * Lets held requests go and closes both servers.
 * @param {Plumbing<string, LogEntry>} state @param {http.Server} api @param {http.Server} controlServer
 */
export async function closeBoth(state, api, controlServer) {
  for (const timer of state.holds) clearTimeout(timer);
  state.holds.clear();
  await Promise.all([closeServer(api), closeServer(controlServer)]);
}

/** @param {unknown} value */
export const probability = (value) => {
  const n = value === undefined ? 0 : Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1)
    throw new Error(`a probability must be between 0 and 1, got ${String(value)}`);
  return n;
};

/** The extra preflight header a private-network request asks for. @param {http.IncomingMessage} req */
export const privateNetworkHeaders = (req) =>
  req.headers['access-control-request-private-network']
    ? { 'Access-Control-Allow-Private-Network': 'true' }
    : {};

/**
 * Logs a request (numbered, timed), keeping at most {@link MAX_LOG}.
 * @template {LogEntry} E @param {Plumbing<string, E>} state @param {Omit<E, 'seq' | 'at'>} fields @returns {E}
 */
export function logRequest(state, fields) {
  const entry = /** @type {E} */ ({ seq: ++state.seq, at: new Date().toISOString(), ...fields });
  state.log.push(entry);
  if (state.log.length > MAX_LOG) state.log.splice(0, state.log.length - MAX_LOG);
  return entry;
}

/**
 * The fault for the next request: the queued one ('pass' = none), else a seeded random draw.
 * @template {string} K @param {Plumbing<K, LogEntry>} state @param {FaultOrder<K>} order @returns {K | null}
 */
export function nextFault(state, order) {
  const queued = state.queue.shift();
  if (queued === 'pass') return null;
  if (queued) return queued;
  const random = state.faults.random;
  if (!random) return null;
  let r = state.faults.next();
  for (const [name, kind] of order) {
    const p = random[name] ?? 0;
    if (r < p) return kind;
    r -= p;
  }
  return null;
}

/**
 * Holds a request unanswered until the client gives up (closes the socket) or `holdMs` passes.
 * @param {http.IncomingMessage} req @param {Plumbing<string, LogEntry>} state
 */
export function holdUnanswered(req, state) {
  const timer = setTimeout(() => {
    state.holds.delete(timer);
    req.socket.destroy();
  }, state.faults.holdMs);
  state.holds.add(timer);
  req.socket.once('close', () => {
    clearTimeout(timer);
    state.holds.delete(timer);
  });
}

/**
 * Opens an API request: when the API is down, logs it and drops the connection (→ undefined); else
 * reads the body, logs the request and gives an `answer` that records the status and adds CORS.
 * @template {LogEntry} E
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {Plumbing<string, E>} state
 * @param {{ send: Send, cors: Record<string, string>, base: string }} how
 */
export async function openRequest(req, res, state, { send, cors, base }) {
  const method = req.method ?? 'GET';
  const url = new URL(req.url ?? '/', base);
  const path = `${url.pathname}${url.search}`;
  if (state.down) {
    logRequest(state, /** @type {Omit<E, 'seq' | 'at'>} */ ({ method, path, status: null, fault: 'down' }));
    req.socket.destroy();
    return undefined;
  }
  const text = await readBody(req);
  const entry = logRequest(state, /** @type {Omit<E, 'seq' | 'at'>} */ ({ method, path, status: null }));
  /** @param {number} status @param {unknown} [body] @param {Record<string, string>} [headers] */
  const answer = (status, body, headers = {}) => {
    entry.status = status;
    send(res, status, body, { ...cors, ...headers });
  };
  return { method, url, text, entry, answer };
}

/**
 * The API server: runs `handle`, answering with `crash` when it throws; while down, new connections
 * are logged and dropped.
 * @param {Plumbing<string, LogEntry>} state
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>} handle
 * @param {(res: http.ServerResponse, error: unknown) => void} crash
 */
export function createApiServer(state, handle, crash) {
  const api = http.createServer((req, res) => {
    handle(req, res).catch((error) => crash(res, error));
  });
  api.keepAliveTimeout = 5_000;
  api.on('connection', (socket) => {
    if (state.down) {
      logRequest(state, { method: null, path: null, status: null, fault: 'down' });
      socket.destroy();
    }
  });
  return api;
}

/** @typedef {Record<string, (body: Record<string, unknown>, url: URL) => unknown>} ControlRoutes */

/**
 * The control routes every server has for faults and "down": `POST /faults` (`{ random?, seed?,
 * holdMs? }`), `POST /next` (`{ kinds }`), `POST /down` (`{ down }`); each answers `config()`.
 * @template {string} K
 * @param {Plumbing<K, LogEntry>} state
 * @param {{ order: FaultOrder<K>, kinds: readonly string[], seededRandom: (seed: number) => () => number, api: http.Server, config: () => unknown }} how
 * @returns {ControlRoutes}
 */
export function faultControl(state, { order, kinds, seededRandom, api, config }) {
  return {
    'POST /faults': (body) => {
      const random = /** @type {Record<string, unknown> | null | undefined} */ (body.random);
      if (random) {
        /** @type {Record<string, number>} */
        const faults = {};
        for (const [name] of order) faults[name] = probability(random[name]);
        if (order.reduce((sum, [name]) => sum + (faults[name] ?? 0), 0) > 1) {
          throw new Error('the fault probabilities add up to more than 1');
        }
        state.faults.random = faults;
      } else {
        state.faults.random = null;
      }
      if (body.seed !== undefined) state.faults.next = seededRandom(Number(body.seed));
      if (body.holdMs !== undefined) state.faults.holdMs = Number(body.holdMs);
      return config();
    },
    'POST /next': (body) => {
      const queued = body.kinds;
      if (!Array.isArray(queued) || queued.some((kind) => !kinds.includes(kind))) {
        throw new Error(`kinds must be an array of ${kinds.join(', ')}`);
      }
      state.queue.push(...queued);
      return config();
    },
    'POST /down': (body) => {
      if (typeof body.down !== 'boolean') throw new Error('down must be a boolean');
      state.down = body.down;
      if (state.down) api.closeAllConnections();
      return config();
    },
  };
}

/**
 * The request log's control routes: `GET /requests?since=seq` and `DELETE /requests`.
 * @param {Plumbing<string, LogEntry>} state @returns {ControlRoutes}
 */
export function logControl(state) {
  return {
    'GET /requests': (_body, url) => {
      const since = Number(url.searchParams.get('since') ?? 0);
      return { requests: state.log.filter((entry) => entry.seq > since) };
    },
    'DELETE /requests': () => {
      state.log = [];
      return { requests: [] };
    },
  };
}

/**
 * The control server (no auth): `METHOD /path` → its route, with the JSON body (`{}` when empty or
 * not an object); 200 with the route's result, 404 listing the routes, 400 `{ error }` on a throw.
 * @param {ControlRoutes} control @param {Send} send @param {string} base
 */
export function createControlServer(control, send, base) {
  return http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', base);
      const handler = control[`${req.method} ${url.pathname}`];
      const text = await readBody(req);
      if (!handler) {
        send(res, 404, {
          error: `no control route ${req.method} ${url.pathname}`,
          routes: Object.keys(control),
        });
        return;
      }
      const body = text.trim() ? JSON.parse(text) : {};
      send(res, 200, handler(typeof body === 'object' && body !== null ? body : {}, url));
    } catch (error) {
      send(res, 400, { error: /** @type {Error} */ (error).message });
    }
  });
}
