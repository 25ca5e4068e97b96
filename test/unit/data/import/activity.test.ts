import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { type ImportKind, proposeMapping } from '@/lib/data/import/fields';
import { derivedUuid } from '@/lib/data/import/hash';
import type { ReportEntry } from '@/lib/data/import/import-report';
import { readCsv } from '@/lib/data/import/read';
import { runImport } from '@/lib/data/import/run-import';
import { parseChannel, parseHandbackKind, parseOutcome, parseReason } from '@/lib/data/import/words';
import { Attempt } from '@/lib/model/schemas';
import { BatonDb } from '@/lib/store/db';
import { rebuildAllSummaries } from '@/lib/store/summaries';

/**
 * Attempts and hand-backs from a CRM's activity export (issue #15 item 3): HubSpot's calls export,
 * Salesforce's Task API names, Baton's own hand-back export; the leads' summaries (which the queue
 * and the report read) follow, and the same file twice changes nothing.
 */

const fixture = (name: string) => readFileSync(`test/fixtures/import/activity/${name}`, 'utf8');

let db: BatonDb;
beforeEach(() => {
  db = new BatonDb(`activity-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function headerAndSamples(text: string) {
  const rows: string[][] = [];
  for await (const batch of readCsv(new Blob([text]), { encoding: 'utf-8', startByte: 0 }))
    rows.push(...batch.rows);
  return { headers: rows[0] ?? [], samples: rows.slice(1, 6) };
}

async function importFixture(kind: ImportKind, name: string) {
  const text = fixture(name);
  const { headers, samples } = await headerAndSamples(text);
  const mapping = proposeMapping(kind, headers, {}, samples);
  const result = await runImport(db, new Blob([text]), name, { kind, mapping });
  return { result, mapping, headers };
}

/** The rows skipped, in file order (a chunk reports its conversion problems before its writes'). */
const rejectedRows = (report: ReportEntry[]) =>
  report.filter((e) => e.severity === 'rejected').sort((a, b) => a.row - b.row);

const leadOf = async (email: string) => (await db.leads.where('emails').equals(email).first())?.id ?? '';

/** The kept summaries equal what a rebuild from the rows makes. */
async function expectSummariesTrueToRows() {
  const kept = await db.summaries.orderBy('leadId').toArray();
  await rebuildAllSummaries(db);
  expect(kept).toEqual(await db.summaries.orderBy('leadId').toArray());
}

describe('attempts from a HubSpot calls export', () => {
  test('the mapping is proposed from the export’s headers', async () => {
    const { headers, samples } = await headerAndSamples(fixture('hubspot-calls.csv'));
    const mapping = proposeMapping('attempts', headers, {}, samples);
    expect(Object.fromEntries(headers.map((header, i) => [header, mapping[i]]))).toEqual({
      'Record ID': 'id',
      'Call Title': null,
      'Activity date': 'at',
      'Call outcome': 'outcome',
      'Call notes': 'note',
      'Associated Contact': 'leadEmail',
      'Activity assigned to': null,
    });
  });

  test('each call becomes an attempt on its lead; nobody known and a made-up outcome are skipped, named', async () => {
    expect((await importFixture('leads', 'leads.csv')).result).toMatchObject({ status: 'done', created: 4 });
    const { result } = await importFixture('attempts', 'hubspot-calls.csv');
    expect(result).toMatchObject({ status: 'done', created: 3, updated: 0, rejected: 2 });
    expect(result.message).toContain('3 attempts new');
    const reasons = rejectedRows(result.report).map((e) => `${e.row} ${e.column}: ${e.reason}`);
    expect(reasons).toEqual([
      '5 Associated Contact: no lead "nobody@unknown.example" in Baton: import the leads first',
      expect.stringMatching(/^6 Call outcome: unknown outcome "Rang the bell"/),
    ]);

    const lena = await db.attempts
      .where('leadId')
      .equals(await leadOf('lena@tailspin.example'))
      .toArray();
    expect(lena).toEqual([
      expect.objectContaining({
        at: '2026-11-05T09:05:00.000Z',
        channel: 'call',
        outcome: 'connected',
        note: 'Budget frozen until Q2',
        sync: 'local',
        sample: false,
      }),
    ]);
    expect(Attempt.safeParse(lena[0]).success).toBe(true);
    // Busy is a call that did not connect.
    const priya = await db.attempts
      .where('leadId')
      .equals(await leadOf('priya@contoso.example'))
      .toArray();
    expect(priya.map((a) => a.outcome)).toEqual(['no_answer']);

    const summary = await db.summaries.get(await leadOf('lena@tailspin.example'));
    expect(summary?.attempts).toEqual([
      { id: lena[0]?.id, at: '2026-11-05T09:05:00.000Z', channel: 'call', outcome: 'connected' },
    ]);
    await expectSummariesTrueToRows();
  });

  test('the same export twice adds nothing: ids come from the calls’ record ids', async () => {
    await importFixture('leads', 'leads.csv');
    await importFixture('attempts', 'hubspot-calls.csv');
    const before = await db.attempts.orderBy('id').toArray();
    const summaries = await db.summaries.orderBy('leadId').toArray();
    const { result } = await importFixture('attempts', 'hubspot-calls.csv');
    expect(result).toMatchObject({ created: 0, updated: 3 });
    expect(await db.attempts.orderBy('id').toArray()).toEqual(before);
    expect(await db.summaries.orderBy('leadId').toArray()).toEqual(summaries);
    expect(before.map((a) => a.id)).toContain(derivedUuid('attempt-record:90003'));
  });
});

describe('attempts from Salesforce Tasks (API names)', () => {
  test('calls, emails and LinkedIn are attempts; a to-do and a task not done yet are not', async () => {
    await importFixture('leads', 'salesforce-leads.csv');
    const { result, mapping, headers } = await importFixture('attempts', 'salesforce-tasks.csv');
    expect(Object.fromEntries(headers.map((header, i) => [header, mapping[i]]))).toMatchObject({
      Id: 'id',
      WhoId: 'salesforceId',
      TaskSubtype: 'channel',
      CallDisposition: 'outcome',
      Status: 'status',
      CompletedDateTime: 'at',
      Description: 'note',
    });
    expect(result).toMatchObject({ status: 'done', created: 3, rejected: 2 });
    const skipped = result.report.filter((e) => e.severity === 'rejected').map((e) => e.reason);
    expect(skipped).toEqual([
      '"Task" is not an attempt to reach the lead',
      'status "Not Started": not done, so not an attempt',
    ]);
    const attempts = (await db.attempts.toArray()).sort((a, b) => a.at.localeCompare(b.at));
    expect(attempts.map((a) => [a.at, a.channel, a.outcome])).toEqual([
      ['2026-11-10T14:00:00.000Z', 'call', 'left_voicemail'],
      ['2026-11-11T09:30:00.000Z', 'email', 'no_answer'],
      ['2026-11-12T16:00:00.000Z', 'linkedin', 'no_answer'],
    ]);
  });
});

describe('hand-backs', () => {
  test('each decision is kept with its reason, and the latest one sets the lead’s stage', async () => {
    await importFixture('leads', 'leads.csv');
    const { result } = await importFixture('handbacks', 'handbacks.csv');
    expect(result).toMatchObject({ status: 'done', created: 4, rejected: 2 });
    expect(result.message).toContain('4 hand-backs new');
    const skipped = rejectedRows(result.report).map((e) => `${e.row}: ${e.reason}`);
    expect(skipped).toEqual([
      '6: no lead "nobody@unknown.example" in Baton: import the leads first',
      '7: "Maybe later" is not a hand-back (use accepted, recycled or disqualified)',
    ]);
    const stage = async (email: string) => (await db.leads.get(await leadOf(email)))?.stage;
    expect(await stage('lena@tailspin.example')).toBe('recycled');
    expect(await stage('marco@fabrikam.example')).toBe('disqualified');
    // Accepted on the 6th, recycled on the 9th: recycled now.
    expect(await stage('priya@contoso.example')).toBe('recycled');
    expect(await stage('dana@northwind.example')).toBe('mql');

    const marco = await db.dispositions
      .where('leadId')
      .equals(await leadOf('marco@fabrikam.example'))
      .toArray();
    // A reason in the CRM's own words is kept, as "other" with its words.
    expect(marco).toEqual([
      expect.objectContaining({
        kind: 'disqualify',
        reason: 'other',
        text: 'Competitor customer',
        previousStage: 'mql',
      }),
    ]);
    const priya = await db.dispositions
      .where('leadId')
      .equals(await leadOf('priya@contoso.example'))
      .sortBy('at');
    expect(priya.map((d) => [d.kind, d.kind === 'accept' ? undefined : d.reason])).toEqual([
      ['accept', undefined],
      ['recycle', 'other'],
    ]);
    expect(
      result.report.some((e) => e.severity === 'warning' && /no reason: counted as "other"/.test(e.reason)),
    ).toBe(true);

    const summary = await db.summaries.get(await leadOf('priya@contoso.example'));
    expect(summary?.stage).toBe('recycled');
    await expectSummariesTrueToRows();

    // The same file again: nothing new, the stages stay.
    const again = await importFixture('handbacks', 'handbacks.csv');
    expect(again.result).toMatchObject({ created: 0, updated: 4 });
    expect(await db.dispositions.count()).toBe(4);
    expect(await stage('priya@contoso.example')).toBe('recycled');
  });

  test('Baton’s own export reads back: decision, reason key and id', async () => {
    await importFixture('leads', 'leads.csv');
    const leadId = await leadOf('dana@northwind.example');
    const id = '6f1c2a9e-4b7d-4e2a-9c1f-0d3e5a7b9c11';
    const csv = [
      'Date,Lead,Lead email,Lead ID,Decision,Reason,Reason text,Stage before,Disposition ID',
      `2026-11-04T10:00:00.000Z,Dana Whitfield,dana@northwind.example,${leadId},recycle,bad_timing,,mql,${id}`,
    ].join('\r\n');
    const { headers, samples } = await headerAndSamples(csv);
    const mapping = proposeMapping('handbacks', headers, {}, samples);
    expect(mapping[headers.indexOf('Lead ID')]).toBe('leadId');
    expect(mapping[headers.indexOf('Disposition ID')]).toBe('id');
    const result = await runImport(db, new Blob([csv]), 'dispositions.csv', { kind: 'handbacks', mapping });
    expect(result).toMatchObject({ status: 'done', created: 1 });
    expect(await db.dispositions.get(id)).toMatchObject({ kind: 'recycle', reason: 'bad_timing', leadId });
  });

  test('a file without a decision column is refused before it starts, in words', async () => {
    const csv = 'Date,Email\r\n2026-11-04,dana@northwind.example';
    const result = await runImport(db, new Blob([csv]), 'x.csv', {
      kind: 'handbacks',
      mapping: proposeMapping('handbacks', ['Date', 'Email']),
    });
    expect(result).toMatchObject({ status: 'failed', created: 0 });
    expect(result.message).toBe('Choose the column with the decision (accepted, recycled or disqualified).');
  });
});

describe('the words activity exports use', () => {
  test.each([
    ['Call', 'call'],
    ['Outbound call', 'call'],
    ['ListEmail', 'email'],
    ['LinkedIn', 'linkedin'],
    ['InMail', 'linkedin'],
    ['Voicemail', 'voicemail'],
    ['Task', undefined],
  ])('channel %s → %s', (text, expected) => expect(parseChannel(text)).toBe(expected));

  test.each([
    ['Connected', 'connected'],
    ['No answer', 'no_answer'],
    ['Busy', 'no_answer'],
    ['Left live message', 'left_voicemail'],
    ['Wrong number', 'bad_number'],
    ['meeting_booked', 'meeting_booked'],
    ['Rang the bell', undefined],
  ])('outcome %s → %s', (text, expected) => expect(parseOutcome(text)).toBe(expected));

  test.each([
    ['Closed - Converted', 'accept'],
    ['Qualified', 'accept'],
    ['Nurturing', 'recycle'],
    ['Unqualified', 'disqualify'],
    ['Working - Contacted', undefined],
  ])('decision %s → %s', (text, expected) => expect(parseHandbackKind(text)).toBe(expected));

  test.each([
    ['No budget', 'no_budget'],
    ['Not now', 'bad_timing'],
    ['wrong_contact', 'wrong_contact'],
    ['Competitor customer', undefined],
  ])('reason %s → %s', (text, expected) => expect(parseReason(text)).toBe(expected));

  test('a derived id is a valid UUID, the same for the same text, another for another', () => {
    const a = derivedUuid('attempt-record:90003');
    expect(a).toBe(derivedUuid('attempt-record:90003'));
    expect(a).not.toBe(derivedUuid('attempt-record:90004'));
    expect(Attempt.shape.id.safeParse(a).success).toBe(true);
  });
});
