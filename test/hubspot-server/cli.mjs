#!/usr/bin/env node
/**
 * Runs the HubSpot test server standalone:
 *   npm run fake:hubspot -- --port 4010 [--control-port 4011] [--token T] [--seed 1] [--host 127.0.0.1]
 *                           [--rate-max 100] [--rate-interval-ms 10000] [--search-per-second 5]
 * Without --control-port the control port is --port + 1 (or a free port when --port is 0).
 */
import { integer, parseServerArgs, stopOnSignals } from '../server-kit/cli.mjs';
import { startFakeHubSpot } from './server.mjs';

const { values, port, controlPort } = parseServerArgs({
  defaultPort: 4010,
  options: {
    token: { type: 'string', default: 'test-token' },
    'rate-max': { type: 'string' },
    'rate-interval-ms': { type: 'string' },
    'search-per-second': { type: 'string' },
  },
  usage:
    'Usage: npm run fake:hubspot -- --port 4010 [--control-port 4011] [--token T] [--seed N] [--host H]\n' +
    '         [--rate-max N] [--rate-interval-ms MS] [--search-per-second N]',
});
const text = (/** @type {string} */ name) => /** @type {string | undefined} */ (values[name]);

const server = await startFakeHubSpot({
  port,
  controlPort,
  host: text('host'),
  token: text('token'),
  seed: integer(values.seed, 'seed'),
  rate: {
    max: integer(values['rate-max'], 'rate-max'),
    intervalMs: integer(values['rate-interval-ms'], 'rate-interval-ms'),
    searchPerSecond: integer(values['search-per-second'], 'search-per-second'),
  },
});

console.log(`HubSpot test server (API version ${server.apiVersion})`);
console.log(`  API:      ${server.url}   (Authorization: Bearer ${server.token})`);
console.log(
  `  Control:  ${server.controlUrl}   (GET /state, POST /reset /faults /next /down /rate /auth, GET /requests)`,
);
console.log(
  `  Try:      curl -H 'Authorization: Bearer ${server.token}' ${server.url}/crm/objects/${server.apiVersion}/contacts/51001`,
);

stopOnSignals(server);
