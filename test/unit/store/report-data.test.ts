import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Lead } from '@/lib/model/schemas';
import { ReportDataSchema } from '@/lib/report/report-data-schema';
import { BatonDb, toStoredLead } from '@/lib/store/db';
import { LocalLeadSource } from '@/lib/store/local-source';
import { rebuildAllSummaries } from '@/lib/store/summaries';

let db: BatonDb;
let source: LocalLeadSource;
beforeEach(() => {
  db = new BatonDb(`test-${crypto.randomUUID()}`);
  source = new LocalLeadSource(db);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const lead = (id: string, mqlAt: string | undefined) =>
  toStoredLead(
    Lead.parse({
      id,
      name: id,
      stage: 'mql',
      owner: 'alex@example.com',
      mqlAt,
      updatedAt: '2025-06-01T00:00:00Z',
    }),
  );
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('the local store’s report data', () => {
  test('holds leads handed over in the window and leads with activity in it, with all their activity', async () => {
    await db.leads.bulkPut([
      lead('in', '2025-07-01T14:00:00Z'),
      lead('active', '2025-05-01T14:00:00Z'),
      lead('out', '2025-05-01T14:00:00Z'),
    ]);
    await db.attempts.bulkPut([
      {
        id: uuid(1),
        leadId: 'in',
        at: '2025-07-20T14:00:00Z',
        channel: 'call',
        outcome: 'connected',
        sync: 'local',
        sample: false,
      },
      {
        id: uuid(2),
        leadId: 'active',
        at: '2025-07-02T14:00:00Z',
        channel: 'email',
        outcome: 'replied',
        sync: 'local',
        sample: false,
      },
      {
        id: uuid(3),
        leadId: 'out',
        at: '2025-05-02T14:00:00Z',
        channel: 'email',
        outcome: 'replied',
        sync: 'local',
        sample: false,
      },
    ]);
    await db.dispositions.put({ kind: 'accept', id: uuid(4), leadId: 'in', at: '2025-07-21T14:00:00Z' });
    // Rows written straight into the tables: their summaries are built as the store migration does.
    await rebuildAllSummaries(db);
    const data = await source.readReportData({
      from: Date.parse('2025-06-30T04:00:00Z'),
      to: Date.parse('2025-07-07T04:00:00Z'),
    });
    expect(ReportDataSchema.safeParse(data).success).toBe(true);
    expect(data.leads.map((l) => l.leadId).sort()).toEqual(['active', 'in']);
    const inLead = data.leads.find((l) => l.leadId === 'in');
    expect(inLead?.attempts).toHaveLength(1); // after the window, still there: outcomes are judged as of now
    expect(inLead?.handBack?.kind).toBe('accept');
    expect(data.knowsCustomers).toBe(false);
  });

  test('a cohort lead with no activity is read by key, and a lead active only after the window is left out', async () => {
    await db.leads.bulkPut([
      lead('silent', '2025-07-01T14:00:00Z'),
      lead('later', '2025-05-01T14:00:00Z'),
      lead('both', '2025-07-02T14:00:00Z'),
    ]);
    await db.attempts.bulkPut([
      {
        id: uuid(5),
        leadId: 'later',
        at: '2025-07-10T14:00:00Z',
        channel: 'call',
        outcome: 'no_answer',
        sync: 'local',
        sample: false,
      },
      {
        id: uuid(6),
        leadId: 'both',
        at: '2025-07-03T14:00:00Z',
        channel: 'call',
        outcome: 'connected',
        sync: 'local',
        sample: false,
      },
    ]);
    await rebuildAllSummaries(db);
    const data = await source.readReportData({
      from: Date.parse('2025-06-30T04:00:00Z'),
      to: Date.parse('2025-07-07T04:00:00Z'),
    });
    // 'both' is in the cohort and active in the window: listed once.
    expect(data.leads.map((l) => l.leadId).sort()).toEqual(['both', 'silent']);
    expect(data.leads.find((l) => l.leadId === 'silent')?.attempts).toEqual([]);
  });
});
