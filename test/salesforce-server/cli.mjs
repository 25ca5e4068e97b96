#!/usr/bin/env node
/**
 * Runs the Salesforce test server standalone:
 *   npm run fake:salesforce -- --port 4020 [--control-port 4021] [--seed 1] [--host 127.0.0.1]
 *                              [--consumer-key K] [--api-max 15000]
 * Without --control-port the control port is --port + 1 (or a free port when --port is 0).
 */
import { integer, parseServerArgs, stopOnSignals } from '../server-kit/cli.mjs';
import { startFakeSalesforce } from './server.mjs';

const { values, port, controlPort } = parseServerArgs({
  defaultPort: 4020,
  options: {
    'consumer-key': { type: 'string', default: 'baton-test-consumer-key' },
    'api-max': { type: 'string' },
  },
  usage:
    'Usage: npm run fake:salesforce -- --port 4020 [--control-port 4021] [--seed N] [--host H]\n' +
    '         [--consumer-key K] [--api-max N]',
});
const text = (/** @type {string} */ name) => /** @type {string | undefined} */ (values[name]);

const server = await startFakeSalesforce({
  port,
  controlPort,
  host: text('host'),
  seed: integer(values.seed, 'seed'),
  consumerKey: text('consumer-key'),
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

stopOnSignals(server);
