#!/usr/bin/env node
/**
 * Runs the Salesforce test server standalone:
 *   npm run fake:salesforce -- --port 4020 [--control-port 4021] [--seed 1] [--host 127.0.0.1]
 *                              [--consumer-key K] [--api-max 15000]
 * Without --control-port the control port is --port + 1 (or a free port when --port is 0).
 */
import { parseArgs } from 'node:util';
import { startFakeSalesforce } from './server.mjs';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4020' },
    'control-port': { type: 'string' },
    seed: { type: 'string', default: '1' },
    host: { type: 'string', default: '127.0.0.1' },
    'consumer-key': { type: 'string', default: 'baton-test-consumer-key' },
    'api-max': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run fake:salesforce -- --port 4020 [--control-port 4021] [--seed N] [--host H]\n' +
      '         [--consumer-key K] [--api-max N]',
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

const port = integer(values.port, 'port') ?? 4020;
const controlPort = integer(values['control-port'], 'control-port') ?? (port === 0 ? 0 : port + 1);
const server = await startFakeSalesforce({
  port,
  controlPort,
  host: values.host,
  seed: integer(values.seed, 'seed'),
  consumerKey: values['consumer-key'],
  apiMax: integer(values['api-max'], 'api-max'),
});
const tokens = server.issueTokens();

console.log(`Salesforce test server (API version ${server.apiVersion}, consumer key ${server.consumerKey})`);
console.log(
  `  Login + instance: ${server.url}   (/services/oauth2/authorize, /token, /revoke; /services/data/…)`,
);
console.log(
  `  Control:          ${server.controlUrl}   (GET /state, POST /reset /seed /faults /next /down /auth /oauth /fls /limits, GET /requests)`,
);
console.log(`  A token for Alex Rep: ${tokens.accessToken}`);
console.log(
  `  Try: curl -H 'Authorization: Bearer ${tokens.accessToken}' '${server.url}/services/data/v${server.apiVersion}/query?q=SELECT+Id,Name,Status+FROM+Lead+LIMIT+5'`,
);

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
