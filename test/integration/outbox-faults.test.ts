/**
 * Fault injection: many attempts across many leads go through the outbox while the test HubSpot
 * server randomly answers 5xx or 429, holds requests past the client's timeout, or applies a write
 * and drops the answer — and while the flusher is killed at random points (its later writes to
 * IndexedDB lost, as when the browser stops a service worker mid-send) and restarted. Afterwards
 * HubSpot must hold exactly one engagement per attempt: none lost, none duplicated.
 * FAULT_ATTEMPTS / FAULT_LEADS scale it (defaults: 10,000 across 500).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { HubSpotConnection } from '@/lib/crm/connection';
import { HubSpotClient } from '@/lib/crm/hubspot/client';
import { defaultFieldMap } from '@/lib/crm/hubspot/mapping';
import { hubspotSender } from '@/lib/crm/hubspot/outbox-sender';
import { RequestPacer } from '@/lib/crm/hubspot/pacer';
import { defaultHubSpotSetup } from '@/lib/crm/hubspot/setup';
import { HubSpotWriter } from '@/lib/crm/hubspot/writer';
import type { Attempt } from '@/lib/model/schemas';
import type { OutboxWrite } from '@/lib/outbox/entry';
import { DexieOutbox } from '@/lib/outbox/store';
import { seededRandom } from '@/lib/sample/random';
import { CrmDb } from '@/lib/store/crm-db';
import { startFakeHubSpot } from '../hubspot-server/server.mjs';
import { drainWithKills } from './fault-run';

const ATTEMPTS = Number(process.env.FAULT_ATTEMPTS ?? 10_000);
const LEADS = Number(process.env.FAULT_LEADS ?? 500);
/** Writes that become notes (assets sent, content requests, recycles with their reason), mixed in. */
const NOTES = Number(process.env.FAULT_NOTES ?? 1_000);
const CHANNELS = ['call', 'email', 'linkedin', 'voicemail'] as const;

let hubspot: Awaited<ReturnType<typeof startFakeHubSpot>>;
beforeAll(async () => {
  hubspot = await startFakeHubSpot({
    bulkContacts: LEADS,
    holdMs: 1_000,
    rate: { max: 10_000_000, intervalMs: 10_000, searchPerSecond: 10_000_000 },
  });
});
afterAll(async () => hubspot?.close());

test(`${ATTEMPTS} attempts and ${NOTES} notes across ${LEADS} leads through faults and kills: 0 lost, 0 duplicated`, async () => {
  const random = seededRandom(8);
  const crm = new CrmDb(`faults-${crypto.randomUUID()}`);
  const outbox = new DexieOutbox(crm);
  const connection: HubSpotConnection = {
    system: 'hubspot',
    token: hubspot.token,
    baseUrl: hubspot.url,
    ownerId: '90001',
    fieldMap: defaultFieldMap,
    setup: defaultHubSpotSetup,
    connectedAt: new Date().toISOString(),
  };
  let skipped = 0;
  const client = new HubSpotClient({
    baseUrl: hubspot.url,
    token: hubspot.token,
    timeoutMs: 150,
    maxAttempts: 1,
    sleep: async () => {},
    // The pacer's waits (after a 429 it pauses for the window) pass on a virtual clock here.
    pacer: new RequestPacer(
      { max: 10_000_000, intervalMs: 10_000, searchPerSecond: 10_000_000 },
      () => Date.now() + skipped,
      async (ms) => {
        skipped += ms;
      },
    ),
  });
  const send = hubspotSender(new HubSpotWriter(client, connection));

  const attempts: Attempt[] = Array.from({ length: ATTEMPTS }, (_, n) => ({
    id: crypto.randomUUID(),
    leadId: `hubspot:${60000 + (n % LEADS)}`,
    at: new Date(Date.UTC(2026, 10, 24, 9) + n * 1000).toISOString(),
    channel: CHANNELS[n % CHANNELS.length] ?? 'call',
    outcome: 'no_answer',
    sync: 'local',
    sample: false,
  }));
  // Notes of every kind, on the same leads, so each lead's attempts and notes interleave in order.
  const noteWrites: Array<{ leadId: string; write: OutboxWrite; id: string }> = Array.from(
    { length: NOTES },
    (_, n) => {
      const leadId = `hubspot:${60000 + (n % LEADS)}`;
      const id = crypto.randomUUID();
      const at = new Date(Date.UTC(2026, 10, 24, 9) + n * 1000).toISOString();
      const write: OutboxWrite =
        n % 3 === 0
          ? { kind: 'assetSent', sent: { id, assetId: 'a1', leadId, at, channel: 'gmail_insert' } }
          : n % 3 === 1
            ? { kind: 'contentRequest', request: { id, leadId, at, text: `Case study ${n}` } }
            : { kind: 'disposition', disposition: { kind: 'recycle', id, leadId, at, reason: 'bad_timing' } };
      return { leadId, write, id };
    },
  );
  const enqueueStart = performance.now();
  await outbox.enqueueAttempts(attempts, 0);
  await outbox.enqueueMany(noteWrites, 0);
  console.log(`enqueued in ${Math.round(performance.now() - enqueueStart)} ms`);

  await fetch(`${hubspot.controlUrl}/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      seed: 3,
      random: { p500: 0.05, p429: 0.05, timeout: 0.02, dropAfterApply: 0.05 },
    }),
  });

  const { runs, kills, totals } = await drainWithKills(outbox, send, random);
  await fetch(`${hubspot.controlUrl}/faults`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: '{"random":null}',
  });

  const state = (await (await fetch(`${hubspot.controlUrl}/state`)).json()) as {
    engagements: Record<string, Array<{ properties: Record<string, string | null> }>>;
  };
  const perAttempt = new Map<string, number>();
  for (const type of ['calls', 'emails', 'communications'] as const) {
    for (const engagement of state.engagements[type] ?? []) {
      const text = Object.values(engagement.properties).join(' ');
      const id = /\[baton:([0-9a-f-]{36}):/.exec(text)?.[1];
      if (id) perAttempt.set(id, (perAttempt.get(id) ?? 0) + 1);
    }
  }
  const lost = attempts.filter((a) => !perAttempt.has(a.id)).length;
  const duplicated = [...perAttempt.values()].filter((count) => count > 1).length;
  const perNote = new Map<string, number>();
  for (const note of state.engagements.notes ?? []) {
    const id = /\[baton:([0-9a-f-]{36})\]/.exec(note.properties.hs_note_body ?? '')?.[1];
    if (id) perNote.set(id, (perNote.get(id) ?? 0) + 1);
  }
  const notesLost = noteWrites.filter((w) => !perNote.has(w.id)).length;
  const notesDuplicated = [...perNote.values()].filter((count) => count > 1).length;
  console.log(
    `outbox fault injection: ${ATTEMPTS} attempts + ${NOTES} note writes (assets sent, content requests, recycles), ` +
      `${LEADS} leads, ${runs} flusher runs (${kills} killed), ${totals.retried} retries, ` +
      `${totals.failed} failed → in HubSpot: ${perAttempt.size} engagements, lost ${lost}, duplicated ${duplicated}; ` +
      `${perNote.size} notes, lost ${notesLost}, duplicated ${notesDuplicated}`,
  );
  expect(totals.failed).toBe(0);
  expect(lost).toBe(0);
  expect(duplicated).toBe(0);
  expect(perAttempt.size).toBe(ATTEMPTS);
  expect(notesLost).toBe(0);
  expect(notesDuplicated).toBe(0);
  expect(perNote.size).toBe(NOTES);
}, 900_000);
