import { beforeEach, describe, expect, test } from 'vitest';
import type { Attempt, Disposition } from '@/lib/model/schemas';
import { UNDO_WINDOW_MS } from '@/lib/outbox/entry';
import { withPendingWrites } from '@/lib/outbox/overlay';
import { DexieOutbox } from '@/lib/outbox/store';
import { CrmDb } from '@/lib/store/crm-db';

const LEAD = 'hubspot:51001';
const NOW = Date.UTC(2026, 11, 3, 15);
const at = new Date(NOW).toISOString();

let crm: CrmDb;
let outbox: DexieOutbox;
beforeEach(() => {
  crm = new CrmDb(`outbox-${crypto.randomUUID()}`);
  outbox = new DexieOutbox(crm);
});

const recycle = (): Disposition => ({
  kind: 'recycle',
  id: crypto.randomUUID(),
  leadId: LEAD,
  at,
  reason: 'no_budget',
});
const attempt = (): Attempt => ({
  id: crypto.randomUUID(),
  leadId: LEAD,
  at,
  channel: 'call',
  outcome: 'no_answer',
  sync: 'local',
  sample: false,
});

describe('DexieOutbox', () => {
  test('a write and its local copy are kept together; undoable ones wait out the undo window', async () => {
    const disposition = recycle();
    await outbox.enqueue(LEAD, { kind: 'disposition', disposition }, NOW);
    await outbox.enqueue(LEAD, { kind: 'updateFields', patch: { budget: '$50k' } }, NOW, 'fields:1');
    expect(await crm.dispositions.get(disposition.id)).toEqual(disposition);
    const [handBack, fields] = await outbox.forLead(LEAD);
    expect(handBack).toMatchObject({
      id: disposition.id,
      kind: 'disposition',
      notBefore: NOW + UNDO_WINDOW_MS,
    });
    expect(fields).toMatchObject({ id: 'fields:1', kind: 'updateFields', notBefore: NOW });
  });

  test('a write whose entry cannot be kept is not kept locally either (one transaction)', async () => {
    const first = recycle();
    await outbox.enqueue(LEAD, { kind: 'disposition', disposition: first }, NOW);
    const second = recycle();
    // Same idempotency key as the first entry: the unique index refuses it, and the whole write rolls back.
    await expect(
      outbox.enqueue(LEAD, { kind: 'disposition', disposition: second }, NOW, first.id),
    ).rejects.toThrow();
    expect(await crm.dispositions.get(second.id)).toBeUndefined();
    expect(await crm.outbox.count()).toBe(1);
  });

  test('undo before the first send drops both; after a send it queues the reversal', async () => {
    const unsent = recycle();
    await outbox.enqueue(LEAD, { kind: 'disposition', disposition: unsent }, NOW);
    await outbox.enqueueUndoDisposition(unsent.id, undefined, NOW);
    expect(await crm.outbox.count()).toBe(0);
    expect(await crm.dispositions.count()).toBe(0);

    const sent = recycle();
    await outbox.enqueue(LEAD, { kind: 'disposition', disposition: sent }, NOW);
    const [entry] = await outbox.pending();
    if (!entry) throw new Error('no entry');
    await outbox.markSent(await outbox.markTrying(entry));
    await outbox.enqueueUndoDisposition(sent.id, undefined, NOW);
    expect(await outbox.pending()).toEqual([
      expect.objectContaining({ id: `undo:${sent.id}`, kind: 'undoDisposition', notBefore: NOW }),
    ]);
    expect(await crm.dispositions.get(sent.id)).toBeUndefined();
  });

  test('an attempt is amended before it is sent, and left alone once it maybe was', async () => {
    const call = attempt();
    expect(await outbox.logAttempt(call, NOW)).toBe(true);
    expect(await outbox.logAttempt({ ...call, outcome: 'connected' }, NOW)).toBe(true);
    expect(await crm.outbox.count()).toBe(1);
    const [entry] = await outbox.pending();
    expect(entry?.kind === 'attempt' && entry.attempt.outcome).toBe('connected');
    if (entry) await outbox.markTrying(entry);
    expect(await outbox.logAttempt({ ...call, outcome: 'bad_number' }, NOW)).toBe(false);
    expect((await crm.attempts.get(call.id))?.outcome).toBe('connected');
  });

  test('discard drops a refused attempt or hand-back locally, but keeps an asset sent in Baton’s record', async () => {
    const call = attempt();
    const sent = { id: crypto.randomUUID(), assetId: 'a1', leadId: LEAD, at, channel: 'copy_link' as const };
    await outbox.enqueueAttempt(call, NOW);
    await outbox.enqueue(
      LEAD,
      { kind: 'assetSent', sent, asset: { title: 'ROI sheet', url: 'https://x.example/roi' } },
      NOW,
    );
    for (const entry of await outbox.pending()) await outbox.markFailed(entry, 'HubSpot refused: 400');
    const status = await outbox.status();
    expect(status).toMatchObject({ pending: 0, failed: 2, lastError: 'HubSpot refused: 400' });
    expect(status.failedEntries.map((e) => e.summary)).toEqual(['Call (no answer)', 'Asset sent: ROI sheet']);
    expect((await crm.attempts.get(call.id))?.sync).toBe('failed');
    await outbox.discard(call.id);
    await outbox.discard(sent.id);
    expect(await crm.outbox.count()).toBe(0);
    expect(await crm.attempts.get(call.id)).toBeUndefined();
    expect(await crm.assetsSent.get(sent.id)).toEqual(sent);
  });
});

describe('withPendingWrites', () => {
  const lead = {
    id: LEAD,
    name: 'Dana Whitfield',
    emails: ['dana@northwind.example'],
    crm: [],
    stage: 'mql' as const,
    sample: false,
    updatedAt: at,
  };

  test('applies pending field updates and hand-backs in order; ignores failed ones and other leads', async () => {
    const accept: Disposition = {
      kind: 'accept',
      id: crypto.randomUUID(),
      leadId: LEAD,
      at,
      previousStage: 'mql',
    };
    await outbox.enqueue(LEAD, { kind: 'updateFields', patch: { budget: '$50k' } }, NOW, 'f1');
    await outbox.enqueue(LEAD, { kind: 'updateFields', patch: { budget: '$80k', need: 'EHR' } }, NOW, 'f2');
    await outbox.enqueue(LEAD, { kind: 'updateFields', patch: { phone: '+1 555' } }, NOW, 'f3');
    await outbox.enqueue('hubspot:other', { kind: 'updateFields', patch: { title: 'CFO' } }, NOW, 'f4');
    await outbox.enqueue(LEAD, { kind: 'disposition', disposition: accept }, NOW);
    const f3 = (await outbox.forLead(LEAD)).find((e) => e.id === 'f3');
    if (f3) await outbox.markFailed(f3, 'refused');
    const seen = withPendingWrites(lead as never, await crm.outbox.toArray());
    expect(seen).toMatchObject({ budget: '$80k', need: 'EHR', stage: 'sql' });
    expect(seen).not.toHaveProperty('phone');
    expect(seen).not.toHaveProperty('title');

    await outbox.markSent((await outbox.forLead(LEAD)).find((e) => e.id === accept.id) as never);
    await outbox.enqueueUndoDisposition(accept.id, accept, NOW);
    expect(withPendingWrites(lead as never, await outbox.forLead(LEAD)).stage).toBe('mql');
  });
});
