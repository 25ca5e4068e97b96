/**
 * Fault injection for Salesforce: attempts and notes across many Leads go through the outbox while
 * the test Salesforce server randomly answers 5xx or REQUEST_LIMIT_EXCEEDED, holds requests past
 * the client's timeout, or applies a write and drops the answer — and while the flusher is killed
 * at random points and restarted. Afterwards Salesforce must hold exactly one Task per write:
 * none lost, none duplicated. SF_FAULT_ATTEMPTS / SF_FAULT_LEADS scale it (2,000 across 100).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ReadCache } from '@/lib/crm/read-cache';
import { SalesforceClient } from '@/lib/crm/salesforce/client';
import type { SalesforceConnection } from '@/lib/crm/salesforce/connection';
import { salesforceSender } from '@/lib/crm/salesforce/outbox-sender';
import { defaultSalesforceSetup } from '@/lib/crm/salesforce/setup';
import { SalesforceWriter } from '@/lib/crm/salesforce/writer';
import type { Attempt } from '@/lib/model/schemas';
import type { OutboxWrite } from '@/lib/outbox/entry';
import { DexieOutbox } from '@/lib/outbox/store';
import { seededRandom } from '@/lib/sample/random';
import { CrmDb } from '@/lib/store/crm-db';
import {
  type FakeSalesforce,
  type FakeSalesforceState,
  REP_USER_ID,
  startFakeSalesforce,
} from '../salesforce-server/server.mjs';
import { drainWithKills } from './fault-run';

const ATTEMPTS = Number(process.env.SF_FAULT_ATTEMPTS ?? 2_000);
const LEADS = Number(process.env.SF_FAULT_LEADS ?? 100);
const NOTES = Number(process.env.SF_FAULT_NOTES ?? 300);
const CHANNELS = ['call', 'email', 'linkedin', 'voicemail'] as const;

let server: FakeSalesforce;
const control = async <T>(path: string, body?: unknown): Promise<T> =>
  (await (
    await fetch(`${server.controlUrl}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  ).json()) as T;

beforeAll(async () => {
  server = await startFakeSalesforce({ port: 0, controlPort: 0, holdMs: 1_000, apiMax: 10_000_000 });
});
afterAll(async () => server?.close());

test(`${ATTEMPTS} attempts and ${NOTES} notes across ${LEADS} Leads through faults and kills: 0 lost, 0 duplicated`, async () => {
  const random = seededRandom(11);
  const seeded = await control<{ ids: string[] }>('/seed', {
    records: Array.from({ length: LEADS }, (_, n) => ({
      type: 'Lead',
      fields: { LastName: `Fault ${n}`, Company: `Company ${n}`, Status: 'MQL', OwnerId: REP_USER_ID },
    })),
  });
  const leadIds = seeded.ids.map((id) => `salesforce:${id}`);
  expect(leadIds).toHaveLength(LEADS);
  const tokens = server.issueTokens();
  const connection: Pick<SalesforceConnection, 'setup' | 'userId'> = {
    setup: defaultSalesforceSetup,
    userId: REP_USER_ID,
  };
  const client = new SalesforceClient({
    instanceUrl: tokens.instanceUrl,
    tokens: { current: async () => tokens.accessToken, renew: async () => tokens.accessToken },
    timeoutMs: 150,
    maxAttempts: 1,
    sleep: async () => {},
  });
  const send = salesforceSender(new SalesforceWriter(client, connection, new ReadCache()));
  const crm = new CrmDb(`sf-faults-${crypto.randomUUID()}`);
  const outbox = new DexieOutbox(crm);

  const day = Date.UTC(2026, 11, 7, 9);
  const attempts: Attempt[] = Array.from({ length: ATTEMPTS }, (_, n) => ({
    id: crypto.randomUUID(),
    leadId: leadIds[n % LEADS] as string,
    at: new Date(day + n * 1000).toISOString(),
    channel: CHANNELS[n % CHANNELS.length] ?? 'call',
    outcome: 'no_answer',
    sync: 'local',
    sample: false,
  }));
  const notes: Array<{ leadId: string; write: OutboxWrite; id: string }> = Array.from(
    { length: NOTES },
    (_, n) => {
      const leadId = leadIds[n % LEADS] as string;
      const id = crypto.randomUUID();
      const at = new Date(day + n * 1000).toISOString();
      const write: OutboxWrite =
        n % 3 === 0
          ? { kind: 'assetSent', sent: { id, assetId: 'a1', leadId, at, channel: 'gmail_insert' } }
          : n % 3 === 1
            ? { kind: 'contentRequest', request: { id, leadId, at, text: `Case study ${n}` } }
            : { kind: 'disposition', disposition: { kind: 'recycle', id, leadId, at, reason: 'bad_timing' } };
      return { leadId, write, id };
    },
  );
  await outbox.enqueueAttempts(attempts, 0);
  await outbox.enqueueMany(notes, 0);

  const faults = { p500: 0.05, pLimit: 0.05, timeout: 0.02, dropAfterApply: 0.05 };
  await control('/faults', { seed: 5, random: faults });
  const started = performance.now();
  const { runs, kills, totals } = await drainWithKills(outbox, send, random);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  await control('/faults', { random: null });

  const state = await control<FakeSalesforceState>('/state');
  const count = (pattern: RegExp) => {
    const per = new Map<string, number>();
    for (const task of state.Task) {
      const id = pattern.exec(String(task.Description ?? ''))?.[1];
      if (id) per.set(id, (per.get(id) ?? 0) + 1);
    }
    return per;
  };
  const perAttempt = count(/\[baton:([0-9a-f-]{36}):/);
  const perNote = count(/\[baton:([0-9a-f-]{36})\]/);
  const lost = attempts.filter((a) => !perAttempt.has(a.id)).length;
  const duplicated = [...perAttempt.values()].filter((n) => n > 1).length;
  const notesLost = notes.filter((w) => !perNote.has(w.id)).length;
  const notesDuplicated = [...perNote.values()].filter((n) => n > 1).length;
  console.log(
    `Salesforce outbox fault injection: ${ATTEMPTS} attempts + ${NOTES} notes (assets sent, content requests, recycles), ` +
      `${LEADS} Leads, ${runs} flusher runs (${kills} killed), ${totals.retried} retries, ${totals.failed} failed, ${seconds} s ` +
      `→ in Salesforce: ${perAttempt.size} attempt Tasks, lost ${lost}, duplicated ${duplicated}; ` +
      `${perNote.size} note Tasks, lost ${notesLost}, duplicated ${notesDuplicated} (faults per request: ${JSON.stringify(faults)})`,
  );
  expect(totals.retried).toBeGreaterThan(0);
  expect(totals.failed).toBe(0);
  expect(lost).toBe(0);
  expect(duplicated).toBe(0);
  expect(perAttempt.size).toBe(ATTEMPTS);
  expect(notesLost).toBe(0);
  expect(notesDuplicated).toBe(0);
  expect(perNote.size).toBe(NOTES);
  const recycled = state.Lead.filter(
    (lead) => lead.Status === 'Nurture' && String(lead.LastName).startsWith('Fault'),
  );
  expect(recycled.length).toBe(Math.min(LEADS, notes.filter((w) => w.write.kind === 'disposition').length));
}, 600_000);
