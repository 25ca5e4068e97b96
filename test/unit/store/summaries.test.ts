import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { proposeMapping } from '@/lib/data/import/fields';
import { runImport } from '@/lib/data/import/run-import';
import { queueEntriesFromActivity } from '@/lib/lead-source/queue-entries';
import { Lead } from '@/lib/model/schemas';
import { defaultSettings } from '@/lib/settings/schema';
import { BatonDb, toStoredLead } from '@/lib/store/db';
import { LocalLeadSource } from '@/lib/store/local-source';
import { rebuildAllSummaries } from '@/lib/store/summaries';
import type { SummaryRecord } from '@/lib/store/summary-record';
import { loadSampleWorkspace, removeSampleWorkspace } from '@/lib/store/workspace';

let db: BatonDb;
let source: LocalLeadSource;
beforeEach(() => {
  db = new BatonDb(`summaries-${crypto.randomUUID()}`);
  source = new LocalLeadSource(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The summaries, in a form two equal sets compare equal in (touch times in time order). */
async function summariesNow(): Promise<SummaryRecord[]> {
  const records = await db.summaries.orderBy('leadId').toArray();
  return JSON.parse(
    JSON.stringify(
      records.map((record) => ({
        ...record,
        touchTimes: Object.fromEntries(
          Object.entries(record.touchTimes)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([kind, times]) => [kind, [...(times ?? [])].sort((a, b) => a - b)]),
        ),
      })),
    ),
  );
}

/** The invariant: the kept summaries are what a rebuild from the rows makes. */
async function expectSummariesTrueToRows() {
  const kept = await summariesNow();
  await rebuildAllSummaries(db);
  expect(kept).toEqual(await summariesNow());
}

const T0 = Date.parse('2026-11-02T09:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3_600_000).toISOString();

describe('each lead’s summary stays true to its rows', () => {
  test('through every write the panel makes, and its undo', async () => {
    const lead = await source.addLead(
      { name: 'Dana Whitfield', emails: ['dana@acme.example'], stage: 'mql' },
      new Date(at(0)),
    );
    expect(await db.summaries.get(lead.id)).toMatchObject({
      name: 'Dana Whitfield',
      stage: 'mql',
      attempts: [],
    });
    await source.updateFields(lead.id, { mqlAt: at(1), owner: 'ana@team.example' } as never, new Date(at(1)));
    expect(await db.summaries.get(lead.id)).toMatchObject({ mqlAt: at(1), handoffAt: T0 + 3_600_000 });
    await source.logAttempt({
      id: uuid(1),
      leadId: lead.id,
      at: at(2),
      channel: 'call',
      outcome: 'no_answer',
      sync: 'local',
      sample: false,
    });
    await source.logAttempt({
      id: uuid(2),
      leadId: lead.id,
      at: at(3),
      channel: 'email',
      outcome: 'replied',
      sync: 'local',
      sample: false,
    });
    await source.removeAttempt(uuid(2));
    expect((await db.summaries.get(lead.id))?.attempts.map((a) => a.id)).toEqual([uuid(1)]);
    await source.recordAssetSent({
      id: uuid(3),
      assetId: 'a-1',
      leadId: lead.id,
      at: at(4),
      channel: 'gmail_insert',
    });
    await source.recordContentRequest({
      id: uuid(4),
      leadId: lead.id,
      at: at(5),
      text: 'A SOC 2 report',
    } as never);
    const accepted = await source.setDisposition({ kind: 'accept', id: uuid(5), leadId: lead.id, at: at(6) });
    expect(accepted.stage).toBe('sql');
    expect(await db.summaries.get(lead.id)).toMatchObject({
      stage: 'sql',
      lastActivityAt: Date.parse(at(6)),
    });
    await source.undoDisposition(uuid(5));
    expect(await db.summaries.get(lead.id)).toMatchObject({ stage: 'mql', dispositions: [] });
    await expectSummariesTrueToRows();
  });

  test('any sequence of attempts logged and undone leaves the summary a rebuild would make', async () => {
    const lead = await source.addLead({ name: 'Priya Raman', stage: 'mql' }, new Date(at(0)));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ undo: fc.boolean(), hour: fc.integer({ min: 0, max: 400 }) }), {
          maxLength: 12,
        }),
        async (steps) => {
          const logged: string[] = [];
          for (const [i, step] of steps.entries()) {
            if (step.undo && logged.length > 0) await source.removeAttempt(logged.pop() as string);
            else {
              const id = uuid(1000 + i);
              logged.push(id);
              await source.logAttempt({
                id,
                leadId: lead.id,
                at: at(step.hour),
                channel: 'call',
                outcome: 'connected',
                sync: 'local',
                sample: false,
              });
            }
          }
          const record = await db.summaries.get(lead.id);
          expect(record?.attempts.map((a) => a.id).sort()).toEqual([...logged].sort());
          await expectSummariesTrueToRows();
          await db.attempts.clear();
          await rebuildAllSummaries(db);
        },
      ),
      { numRuns: 15 },
    );
  });

  test('through an import of leads and touches, a re-import of the same files, and a changed touch', async () => {
    const leadsCsv = [
      'Email,First Name,Last Name,Lifecycle Stage,Became a Marketing Qualified Lead Date,Contact owner',
      'ana@acme.example,Ana,Silva,marketingqualifiedlead,2026-11-03T10:00:00Z,rep@team.example',
      'ben@acme.example,Ben,Okafor,marketingqualifiedlead,2026-11-04T10:00:00Z,rep@team.example',
    ].join('\r\n');
    const touchesCsv = (kind: string) =>
      [
        'Email,Touch Type,Title,Date',
        `ana@acme.example,${kind},Pricing guide,2026-11-01T10:00:00Z`,
        'ana@acme.example,webinar,Onboarding webinar,2026-11-05T10:00:00Z',
        'ben@acme.example,page_view,Pricing page,2026-11-02T10:00:00Z',
      ].join('\r\n');
    const importFile = (kind: 'leads' | 'touches', text: string) =>
      runImport(db, new Blob([text]), `${kind}.csv`, {
        kind,
        mapping: proposeMapping(kind, text.split('\r\n')[0]?.split(',') ?? []),
      });
    expect(await importFile('leads', leadsCsv)).toMatchObject({ status: 'done', created: 2 });
    expect(await importFile('touches', touchesCsv('download'))).toMatchObject({ status: 'done', created: 3 });
    await expectSummariesTrueToRows();
    const ana = (await db.leads.where('emails').equals('ana@acme.example').first())?.id ?? '';
    const before = await db.summaries.get(ana);
    expect(Object.values(before?.touchTimes ?? {}).flat()).toHaveLength(2);

    // The same files again: nothing counted twice.
    await importFile('leads', leadsCsv);
    expect(await importFile('touches', touchesCsv('download'))).toMatchObject({ status: 'done', created: 0 });
    expect(await db.summaries.get(ana)).toEqual(before);

    // A touch whose row now says another kind is a new touch (its id is its content); a lead whose
    // handoff moved counts its touches before the handoff again.
    await importFile('touches', touchesCsv('form'));
    await importFile('leads', leadsCsv.replace('2026-11-03T10:00:00Z', '2026-11-06T10:00:00Z'));
    await expectSummariesTrueToRows();
    const after = await db.summaries.get(ana);
    expect(after?.mqlAt).toBe('2026-11-06T10:00:00.000Z');
    expect(Object.values(after?.touchTimes ?? {}).flat()).toHaveLength(3);
  });

  test('through loading and removing the sample workspace, beside the user’s own leads', async () => {
    const own = await source.addLead({ name: 'Own Lead', stage: 'mql' }, new Date(at(0)));
    await loadSampleWorkspace(db, new Date(at(0)));
    const sampleCount = await db.leads.where('sampleFlag').equals(1).count();
    expect(await db.summaries.count()).toBe(sampleCount + 1);
    await expectSummariesTrueToRows();
    await removeSampleWorkspace(db);
    expect((await db.summaries.toArray()).map((r) => r.leadId)).toEqual([own.id]);
  });

  test('the store migration builds the summaries of rows an older version wrote', async () => {
    const name = `summaries-migration-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(4).stores({
      leads: 'id, *emails, linkedinSlug, *crmKeys, [owner+stage], stage, nameLower, company, sampleFlag',
      touches: 'id, [leadId+at]',
      assets: 'id',
      attempts: 'id, [leadId+at], sync',
      dispositions: 'id, [leadId+at]',
      assetsSent: 'id, [leadId+at], assetId',
      contentRequests: 'id, [leadId+at]',
    });
    const leads = Array.from({ length: 1_200 }, (_, i) =>
      toStoredLead(
        Lead.parse({
          id: `lead-${String(i).padStart(5, '0')}`,
          name: `Lead ${i}`,
          stage: 'mql',
          mqlAt: at(i),
          updatedAt: at(0),
        }),
      ),
    );
    await old.table('leads').bulkPut(leads);
    await old.table('touches').bulkPut(
      leads.flatMap((lead, i) => [
        { id: `t-${i}-a`, leadId: lead.id, at: at(i - 1), kind: 'download', title: 'Guide', sample: false },
        { id: `t-${i}-b`, leadId: lead.id, at: at(i + 1), kind: 'webinar', title: 'Webinar', sample: false },
      ]),
    );
    old.close();
    const migrated = new BatonDb(name);
    try {
      expect(await migrated.summaries.count()).toBe(1_200);
      const record = await migrated.summaries.get('lead-00600');
      expect(record?.touchTimes).toEqual({ download: [Date.parse(at(599))], webinar: [Date.parse(at(601))] });
    } finally {
      migrated.close();
      await migrated.delete();
    }
  });
});

describe('the queue read from the summaries', () => {
  test('gives the entries and scores that reading the leads, attempts and touches gives', async () => {
    await loadSampleWorkspace(db, new Date('2026-11-24T15:00:00Z'));
    const now = Date.parse('2026-11-24T15:00:00Z');
    const options = { scoreModel: defaultSettings.scoreModel, now };
    const query = { includeSample: true };
    const byId = (a: { lead: { id: string } }, b: { lead: { id: string } }) =>
      a.lead.id < b.lead.id ? -1 : 1;
    const fromSummaries = (await source.queueEntries(query, options)).sort(byId);
    const fromRows = (await queueEntriesFromActivity(source, query, options)).sort(byId);
    expect(fromSummaries.length).toBeGreaterThan(10);
    expect(fromSummaries.some((entry) => entry.score > 0 && entry.attempts.length > 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(fromSummaries))).toEqual(JSON.parse(JSON.stringify(fromRows)));
  });
});

describe('the queue’s summaries, kept until the next write', () => {
  const now = Date.parse('2026-11-24T15:00:00Z');
  const options = { scoreModel: defaultSettings.scoreModel, now };
  const attemptsOf = async (leadId: string) =>
    (await source.queueEntries({}, options)).find((entry) => entry.lead.id === leadId)?.attempts.length;

  test('a write through the source is seen by the next ask; one around it only after activityChanged', async () => {
    const lead = await source.addLead({ name: 'Dana Whitfield', stage: 'mql' }, new Date(at(0)));
    await db.leads.update(lead.id, { mqlAt: at(0) });
    await source.activityChanged(); // the direct write above went around the source
    expect(await attemptsOf(lead.id)).toBe(0);

    await source.logAttempt({
      id: uuid(1),
      leadId: lead.id,
      at: at(1),
      channel: 'call',
      outcome: 'no_answer',
      sync: 'local',
      sample: false,
    });
    expect(await attemptsOf(lead.id)).toBe(1);

    // An import writes from its worker, around this source: kept summaries until it is told.
    await db.transaction('rw', db.summaries, async () => {
      const record = await db.summaries.get(lead.id);
      if (record) await db.summaries.put({ ...record, attempts: [] });
    });
    expect(await attemptsOf(lead.id)).toBe(1);
    await source.activityChanged();
    expect(await attemptsOf(lead.id)).toBe(0);
  });

  test('two asks at once read the store once', async () => {
    await source.addLead({ name: 'Priya Raman', stage: 'mql' }, new Date(at(0)));
    await source.activityChanged();
    let reads = 0;
    const where = db.summaries.where.bind(db.summaries);
    db.summaries.where = ((index: string) => {
      reads++;
      return where(index);
    }) as typeof db.summaries.where;
    const [a, b] = await Promise.all([source.queueEntries({}, options), source.queueEntries({}, options)]);
    expect(a).toEqual(b);
    expect(reads).toBe(1);
    await source.queueEntries({}, options);
    expect(reads).toBe(1);
  });
});
