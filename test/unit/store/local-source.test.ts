import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Attempt } from '@/lib/model/schemas';
import { HERO_LEADS } from '@/lib/sample/people';
import { BatonDb } from '@/lib/store/db';
import { LocalLeadSource } from '@/lib/store/local-source';
import {
  clearWorkspace,
  countWorkspace,
  loadSampleWorkspace,
  removeSampleWorkspace,
} from '@/lib/store/workspace';

const NOW = new Date('2026-11-24T15:00:00Z');
let db: BatonDb;
let source: LocalLeadSource;

beforeEach(async () => {
  // A fresh database per test: fake-indexeddb gives real IndexedDB semantics in Node.
  db = new BatonDb(`test-${crypto.randomUUID()}`);
  source = new LocalLeadSource(db);
  await loadSampleWorkspace(db, NOW);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const dana = HERO_LEADS[0];

describe('LocalLeadSource', () => {
  test('finds a lead by email (any case), by LinkedIn slug and by CRM id', async () => {
    expect((await source.findByIdentity({ emails: [dana.email] }))?.id).toBe(dana.id);
    expect(
      (await source.findByIdentity({ emails: ['nobody@x.example', dana.email.toUpperCase().toLowerCase()] }))
        ?.id,
    ).toBe(dana.id);
    expect((await source.findByIdentity({ emails: [], linkedinSlug: 'Dana-Whitfield-NW' }))?.id).toBe(
      dana.id,
    );
    expect(await source.findByIdentity({ emails: ['nobody@x.example'] })).toBeUndefined();

    const added = await source.addLead({ name: 'Casey CRM', crm: [{ system: 'hubspot', id: '951' }] }, NOW);
    expect((await source.findByIdentity({ emails: [], crm: { system: 'hubspot', id: '951' } }))?.id).toBe(
      added.id,
    );
    expect(
      await source.findByIdentity({ emails: [], crm: { system: 'salesforce', id: '951' } }),
    ).toBeUndefined();
  });

  test('links an email and a LinkedIn profile to an existing lead, without duplicates', async () => {
    const lead = await source.linkIdentity(
      dana.id,
      { emails: ['dana.w@personal.example', dana.email], linkedinSlug: 'dana-other' },
      NOW,
    );
    expect(lead.emails).toEqual([dana.email, 'dana.w@personal.example']);
    expect(lead.linkedinUrl).toBe(`https://www.linkedin.com/in/${dana.linkedinSlug}/`);
    expect((await source.findByIdentity({ emails: ['dana.w@personal.example'] }))?.id).toBe(dana.id);
    await expect(source.linkIdentity('nope', { emails: ['x@y.example'] }, NOW)).rejects.toThrow('No lead');
  });

  test('reads a lead context with touches and attempts newest first', async () => {
    const attempt = (at: string): Attempt => ({
      id: crypto.randomUUID(),
      leadId: dana.id,
      at,
      channel: 'call',
      outcome: 'no_answer',
      sync: 'local',
      sample: false,
    });
    await source.logAttempt(attempt('2026-11-24T14:10:00.000Z'));
    await source.logAttempt(attempt('2026-11-24T14:50:00.000Z'));
    await source.logAttempt(attempt('2026-11-24T14:30:00.000Z'));
    const context = await source.readLeadContext(dana.id);
    expect(context?.lead.name).toBe(dana.name);
    expect(context?.attempts.map((a) => a.at)).toEqual([
      '2026-11-24T14:50:00.000Z',
      '2026-11-24T14:30:00.000Z',
      '2026-11-24T14:10:00.000Z',
    ]);
    const touchTimes = context?.touches.map((t) => t.at) ?? [];
    expect(touchTimes.length).toBeGreaterThan(0);
    expect([...touchTimes].sort().reverse()).toEqual(touchTimes);
    expect(context?.touches.every((t) => t.leadId === dana.id)).toBe(true);
  });

  test('an attempt for an unknown lead is refused and nothing is written', async () => {
    const before = await db.attempts.count();
    await expect(
      source.logAttempt({
        id: crypto.randomUUID(),
        leadId: 'nope',
        at: NOW.toISOString(),
        channel: 'email',
        outcome: 'replied',
        sync: 'local',
        sample: false,
      }),
    ).rejects.toThrow('No lead with id "nope"');
    expect(await db.attempts.count()).toBe(before);
  });

  test('updates fields with validation; a bad patch keeps the saved lead as it was', async () => {
    const updated = await source.updateFields(dana.id, { budget: '$80k', timeframe: 'Q1' }, NOW);
    expect(updated.budget).toBe('$80k');
    expect((await source.readLeadContext(dana.id))?.lead.timeframe).toBe('Q1');
    await expect(source.updateFields(dana.id, { companySize: -5 }, NOW)).rejects.toThrow();
    expect((await source.readLeadContext(dana.id))?.lead.companySize).toBe(dana.companySize);
  });

  test('a disposition moves the stage and is kept', async () => {
    const lead = await source.setDisposition({
      kind: 'recycle',
      id: crypto.randomUUID(),
      leadId: dana.id,
      at: NOW.toISOString(),
      reason: 'bad_timing',
      text: 'Budget cycle starts in April',
    });
    expect(lead.stage).toBe('recycled');
    expect((await source.readLeadContext(dana.id))?.dispositions).toHaveLength(1);
    expect((await source.listQueue({})).some((l) => l.id === dana.id)).toBe(false);
  });

  test('the queue lists MQLs, by owner when asked', async () => {
    const all = await source.listQueue({});
    expect(all.length).toBeGreaterThan(50);
    expect(all.every((lead) => lead.stage === 'mql')).toBe(true);
    const mine = await source.listQueue({ owner: 'jo.teammate@baton-demo.example' });
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((lead) => lead.owner === 'jo.teammate@baton-demo.example')).toBe(true);
  });

  test('search matches name, email and company prefixes', async () => {
    expect((await source.search('dana'))[0]?.id).toBe(dana.id);
    expect((await source.search('priya.raman@'))[0]?.name).toBe('Priya Raman');
    expect((await source.search('northwind')).map((l) => l.id)).toContain(dana.id);
    expect(await source.search('   ')).toEqual([]);
  });
});

describe('workspace', () => {
  test('the sample loads ~300 leads, ~40 assets, ~2,000 touches and some attempts; reloading does not duplicate', async () => {
    const counts = await countWorkspace(db);
    expect(counts).toMatchObject({ leads: 300, assets: 40, touches: 2000, sampleLeads: 300 });
    expect(counts.attempts).toBeGreaterThan(20);
    expect(await loadSampleWorkspace(db, NOW)).toEqual(counts);
  });

  test('removing the sample keeps the user’s own records; clearing removes everything', async () => {
    const own = await source.addLead({ name: 'My Own Lead', emails: ['own@mine.example'] }, NOW);
    const counts = await removeSampleWorkspace(db);
    expect(counts).toEqual({ leads: 1, touches: 0, assets: 0, attempts: 0, sampleLeads: 0 });
    expect((await source.findByIdentity({ emails: ['own@mine.example'] }))?.id).toBe(own.id);
    expect(await clearWorkspace(db)).toEqual({
      leads: 0,
      touches: 0,
      assets: 0,
      attempts: 0,
      sampleLeads: 0,
    });
  });

  test("the queue's touches are read once, until the store says touches were written around it", async () => {
    const before = await source.readActivity([dana.id]);
    const count = before.get(dana.id)?.touches.length ?? 0;
    expect(count).toBeGreaterThan(0);
    // An import writes to the store directly (from the options page's worker), not through the source.
    await db.touches.put({
      id: 'imported-touch',
      leadId: dana.id,
      at: '2026-11-24T14:00:00.000Z',
      kind: 'webinar',
      title: 'Imported webinar',
      sample: false,
    });
    expect((await source.readActivity([dana.id])).get(dana.id)?.touches).toHaveLength(count);
    await source.activityChanged();
    const after = (await source.readActivity([dana.id])).get(dana.id)?.touches ?? [];
    expect(after).toHaveLength(count + 1);
    expect(after.at(-1)).toEqual({ leadId: dana.id, kind: 'webinar', at: '2026-11-24T14:00:00.000Z' });
    // Attempts are never cached: the rep's own writes show at once.
    expect((await source.readActivity([dana.id], { touches: false })).get(dana.id)?.touches).toEqual([]);
  });
});
