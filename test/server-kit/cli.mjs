/**
 * What the local CRM test servers' `cli.mjs` share: the common arguments (`--port`,
 * `--control-port`, `--seed`, `--host`, `--help`), the integer check, the control-port default and
 * stopping on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';

/** @typedef {import('node:util').ParseArgsConfig['options']} Options */

/**
 * Parses the command line: the common arguments and the server's own `options`; with `--help`,
 * prints `usage` and exits.
 * @param {{ defaultPort: number, options: NonNullable<Options>, usage: string }} cli
 * @returns {{ values: Record<string, string | boolean | undefined>, port: number, controlPort: number }}
 * `controlPort` is `--control-port`, else `port + 1` (a free port when `port` is 0).
 */
export function parseServerArgs({ defaultPort, options, usage }) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(defaultPort) },
      'control-port': { type: 'string' },
      seed: { type: 'string', default: '1' },
      host: { type: 'string', default: '127.0.0.1' },
      ...options,
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  const port = integer(/** @type {string | undefined} */ (values.port), 'port') ?? defaultPort;
  const controlPort =
    integer(/** @type {string | undefined} */ (values['control-port']), 'control-port') ??
    (port === 0 ? 0 : port + 1);
  return { values: /** @type {Record<string, string | boolean | undefined>} */ (values), port, controlPort };
}

/**
 * A non-negative integer argument, or undefined when absent; anything else exits with status 2.
 * @param {string | boolean | undefined} value @param {string} name @returns {number | undefined}
 */
export function integer(value, name) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`--${name} must be a non-negative integer, got ${value}`);
    process.exit(2);
  }
  return n;
}

/** Closes the server and exits on SIGINT or SIGTERM. @param {{ close: () => Promise<void> }} server */
export function stopOnSignals(server) {
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
