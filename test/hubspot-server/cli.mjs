#!/usr/bin/env node
/**
 * Runs the HubSpot test server standalone:
 *   npm run fake:hubspot -- --port 4010 [--control-port 4011] [--token T] [--seed 1] [--host 127.0.0.1]
 *                           [--rate-max 100] [--rate-interval-ms 10000] [--search-per-second 5]
 * Without --control-port the control port is --port + 1 (or a free port when --port is 0).
 */
import { parseArgs } from 'node:util';
import { startFakeHubSpot } from './server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    'control-port': { type: 'string' },
    token: { type: 'string', default: 'test-token' },
    seed: { type: 'string', default: '1' },
    host: { type: 'string', default: '127.0.0.1' },
    'rate-max': { type: 'string' },
    'rate-interval-ms': { type: 'string' },
    'search-per-second': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run fake:hubspot -- --port 4010 [--control-port 4011] [--token T] [--seed N] [--host H]\n' +
      '         [--rate-max N] [--rate-interval-ms MS] [--search-per-second N]',
  );
  process.exit(0);
}

/** @param {string | undefined} value @param {string} name */
function integer(value, name) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got ${value}`);
    process.exit(2);
  }
  return n;
}

const port = integer(values.port, 'port') ?? 4010;
const controlPort = integer(values['control-port'], 'control-port') ?? (port === 0 ? 0 : port + 1);
const server = await startFakeHubSpot({
  port,
  controlPort,
  host: values.host,
  token: values.token,
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

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
