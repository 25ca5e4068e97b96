/**
 * `npm run gen -- --leads 100000 --touches 1000000 --out DIR [--attempts 100000] [--assets 200] [--seed 20261124] [--now ISO]`
 *
 * Writes leads.csv, touches.csv, attempts.csv and assets.csv (and the same records as leads.json, touches.json,
 * assets.json) into DIR, from the sample workspace's seeded generator: the same arguments always
 * give the same files. Leads are written as a HubSpot contact export; touches name their lead by
 * email, so import leads first, then touches and attempts. `--attempts` asks for at least that many
 * attempts (the generator makes some on open MQLs; more go on every lead handed over);
 * `--handoff-days 365` spreads the handoffs evenly over a year, as a store with a team's history
 * holds them (unset: the sample's recent weeks).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateSampleWorkspace } from '../lib/sample/generate';
import {
  ASSET_HEADERS,
  ATTEMPT_HEADERS,
  assetCsvLine,
  attemptCsvLine,
  LEAD_HEADERS,
  leadCsvLine,
  TOUCH_HEADERS,
  touchCsvLine,
  withoutSample,
} from './gen-files';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '1000' },
    touches: { type: 'string', default: '10000' },
    attempts: { type: 'string', default: '0' },
    'handoff-days': { type: 'string', default: '0' },
    assets: { type: 'string', default: '200' },
    seed: { type: 'string', default: '20261124' },
    now: { type: 'string', default: '2026-11-24T15:00:00.000Z' },
    out: { type: 'string' },
  },
});

const count = (name: string, text: string | undefined) => {
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`--${name} must be a whole number, got "${text}"`);
  return value;
};
if (!values.out) {
  console.error(
    'usage: npm run gen -- --leads 100000 --touches 1000000 --out DIR [--attempts N] [--assets 200] [--seed N] [--now ISO]',
  );
  process.exit(2);
}
const out = resolve(values.out);
const now = new Date(values.now ?? '');
if (Number.isNaN(now.getTime())) throw new Error(`--now must be an ISO date-time, got "${values.now}"`);

const started = Date.now();
const workspace = generateSampleWorkspace({
  seed: count('seed', values.seed),
  now,
  leads: count('leads', values.leads),
  touches: count('touches', values.touches),
  attempts: count('attempts', values.attempts),
  handoffDays: count('handoff-days', values['handoff-days']) || undefined,
  assets: count('assets', values.assets),
});
mkdirSync(out, { recursive: true });

/** Writes lines in batches: a million rows never become one string. */
function writeFile<T>(
  name: string,
  header: string | undefined,
  items: readonly T[],
  line: (item: T, index: number) => string,
) {
  const fd = openSync(join(out, name), 'w');
  try {
    const json = header === undefined;
    writeSync(fd, json ? '[\n' : `${header}\r\n`);
    const BATCH = 10_000;
    for (let start = 0; start < items.length; start += BATCH) {
      const lines = items.slice(start, start + BATCH).map((item, i) => line(item, start + i));
      const sep = json ? ',\n' : '\r\n';
      writeSync(fd, (json && start > 0 ? ',\n' : '') + lines.join(sep) + (json ? '' : '\r\n'));
    }
    if (json) writeSync(fd, '\n]\n');
  } finally {
    closeSync(fd);
  }
}

const emailOf = new Map(workspace.leads.map((lead) => [lead.id, lead.emails[0]]));
writeFile('leads.csv', LEAD_HEADERS.join(','), workspace.leads, leadCsvLine);
writeFile('touches.csv', TOUCH_HEADERS.join(','), workspace.touches, (touch) =>
  touchCsvLine(touch, (id) => emailOf.get(id)),
);
writeFile('attempts.csv', ATTEMPT_HEADERS.join(','), workspace.attempts, (attempt) =>
  attemptCsvLine(attempt, (id) => emailOf.get(id)),
);
writeFile('assets.csv', ASSET_HEADERS.join(','), workspace.assets, assetCsvLine);
writeFile('leads.json', undefined, workspace.leads, (lead) => JSON.stringify(withoutSample(lead)));
writeFile('touches.json', undefined, workspace.touches, (touch) => JSON.stringify(withoutSample(touch)));
writeFile('assets.json', undefined, workspace.assets, (asset) => JSON.stringify(withoutSample(asset)));
console.log(
  `gen: ${workspace.leads.length} leads, ${workspace.touches.length} touches, ${workspace.attempts.length} attempts, ${workspace.assets.length} assets → ${out} (${Date.now() - started} ms)`,
);
