import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { proposeMapping } from '@/lib/data/import/fields';
import { previewImport } from '@/lib/data/import/preview';
import { inspectFile } from '@/lib/data/import/read';
import { runImport } from '@/lib/data/import/run-import';
import { proposeStatusStages, type StatusStages } from '@/lib/data/import/status-values';
import { BatonDb } from '@/lib/store/db';
import { LocalLeadSource } from '@/lib/store/local-source';

/**
 * Issue 22: small files shaped like the real CRM exports that imported wrongly, each imported as
 * a new user would, with the mapping Baton proposes (test/fixtures/import/).
 */

const NOW = new Date('2026-11-24T15:00:00Z');
let db: BatonDb;
beforeEach(() => {
  db = new BatonDb(`real-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const fixture = (name: string) =>
  new Blob([readFileSync(resolve('test/fixtures/import', name))], { type: 'text/csv' });

/** The file's headers and the mapping Baton proposes for them, as the options page shows. */
async function proposed(name: string) {
  const inspection = await inspectFile(fixture(name), name);
  if (!inspection.ok) throw new Error(inspection.message);
  return {
    headers: inspection.headers,
    mapping: proposeMapping('leads', inspection.headers, {}, inspection.samples),
  };
}

async function importFixture(name: string, extra: { statusStages?: StatusStages; file?: Blob } = {}) {
  const { mapping } = await proposed(name);
  return runImport(db, extra.file ?? fixture(name), name, {
    kind: 'leads',
    mapping,
    now: () => NOW,
    statusStages: extra.statusStages,
  });
}

const leadByEmail = (email: string) => db.leads.where('emails').equals(email).toArray();

describe('1. ids Excel mangled never match anything', () => {
  test('three people whose "Record ID" became 1.11015E+11 stay three leads, matched by email', async () => {
    const result = await importFixture('hubspot-excel-ids.csv');
    expect(result).toMatchObject({
      status: 'done',
      created: 4,
      updated: 0,
      rejected: 0,
      unusableIds: { scientific: 3, shape: 0 },
    });
    expect(result.message).toMatch(
      /3 CRM ids were unusable \(3 written in scientific notation by a spreadsheet \(digits lost\)\): not used to match, those rows were matched by email or added new\./,
    );
    expect(result.report.filter((entry) => entry.column === 'Record ID')).toHaveLength(3);
    expect(result.report[0]).toMatchObject({
      row: 2,
      column: 'Record ID',
      severity: 'warning',
      reason: expect.stringMatching(/^HubSpot id "1\.11015E\+11" is written in scientific notation/),
    });
    const [avery] = await leadByEmail('avery@blueridge.example');
    const [bianca] = await leadByEmail('bianca@fjord.example');
    expect(avery).toMatchObject({ name: 'Avery Okafor', crm: [] });
    expect(bianca).toMatchObject({ name: 'Bianca Lund', company: 'Fjord Labs' });
    // Nobody holds the mangled id; the intact one is kept.
    expect(await db.leads.where('crmKeys').equals('hubspot:1.11015E+11').count()).toBe(0);
    expect(await leadByEmail('dara@nolan.example')).toMatchObject([{ crmKeys: ['hubspot:111015000123'] }]);
    // Re-importing matches by email: still four leads.
    expect(await importFixture('hubspot-excel-ids.csv')).toMatchObject({ created: 0, updated: 4 });
    expect(await db.leads.count()).toBe(4);
  });

  test('a touch whose lead id is mangled goes by its email, never by the id', async () => {
    await importFixture('hubspot-excel-ids.csv');
    const csv = 'Record ID,Email,Date,Type\n1.11015E+11,bianca@fjord.example,2026-11-20,Download\n';
    const result = await runImport(db, new Blob([csv]), 't.csv', {
      kind: 'touches',
      mapping: ['hubspotId', 'leadEmail', 'at', 'kind'],
      now: () => NOW,
    });
    expect(result).toMatchObject({ created: 1, unusableIds: { scientific: 1 } });
    const [bianca] = await leadByEmail('bianca@fjord.example');
    expect(
      await db.touches
        .where('leadId')
        .equals(bianca?.id ?? '')
        .count(),
    ).toBe(1);
  });
});

describe('2. placeholder and shared emails never merge different people', () => {
  test('different names on a@a.com and xxx@xxx.com are kept apart, listed as possible duplicates', async () => {
    const result = await importFixture('shared-emails.csv');
    // Alice twice (the same person: updated), Bob apart from her; Carla and Dev apart.
    expect(result).toMatchObject({ created: 4, updated: 1, rejected: 0, possibleDuplicates: 2 });
    expect(result.message).toMatch(
      /2 rows shared an email with a lead of another name: kept apart, listed in the report as possible duplicates\./,
    );
    expect(result.report).toEqual([
      {
        row: 3,
        column: 'Email',
        severity: 'warning',
        reason:
          'possible duplicate: "a@a.com" is also the email of "Alice Smith", whose name differs, so this row is kept as a lead of its own',
      },
      expect.objectContaining({
        row: 6,
        reason: expect.stringMatching(/"xxx@xxx.com" is also the email of "Carla Diaz"/),
      }),
    ]);
    const shared = await leadByEmail('a@a.com');
    expect(shared.map((lead) => [lead.name, lead.company]).sort()).toEqual([
      ['Alice Smith', 'Acme Corp'],
      ['Bob Jones', 'Globex'],
    ]);
    expect((await leadByEmail('xxx@xxx.com')).map((lead) => lead.name).sort()).toEqual([
      'Carla Diaz',
      'Dev Patel',
    ]);
  });

  test('re-importing the same file, or its rows in another order, creates no duplicates', async () => {
    await importFixture('shared-emails.csv');
    expect(await importFixture('shared-emails.csv')).toMatchObject({
      created: 0,
      updated: 5,
      possibleDuplicates: 2,
    });
    const lines = readFileSync(resolve('test/fixtures/import/shared-emails.csv'), 'utf8').trim().split('\n');
    const reversed = [lines[0], ...lines.slice(1).reverse()].join('\n');
    expect(await importFixture('shared-emails.csv', { file: new Blob([reversed]) })).toMatchObject({
      created: 0,
      updated: 5,
    });
    expect(await db.leads.count()).toBe(4);
  });

  test('the same person written another way is an update, not a duplicate', async () => {
    await importFixture('shared-emails.csv');
    const csv = 'Name,Email,Title\n"Smith, Alice",a@a.com,Buyer\nA. Smith,a@a.com,Head buyer\n';
    const result = await runImport(db, new Blob([csv]), 'again.csv', {
      kind: 'leads',
      mapping: ['name', 'emails', 'title'],
      now: () => NOW,
    });
    expect(result).toMatchObject({ created: 0, updated: 2, possibleDuplicates: 0 });
  });
});

describe('3. a CRM id is that CRM’s', () => {
  test("Salesforce's API-name export: Id is the Salesforce reference, OwnerId the owner, LastTransferDate the handoff", async () => {
    const { headers, mapping } = await proposed('salesforce-leads.csv');
    expect(Object.fromEntries(headers.map((header, i) => [header, mapping[i]]))).toEqual({
      Id: 'salesforceId',
      FirstName: 'firstName',
      LastName: 'lastName',
      Email: 'emails',
      Company: 'company',
      Title: 'title',
      Status: 'leadStatus',
      LeadSource: null,
      OwnerId: 'owner',
      CreatedDate: null,
      ConvertedDate: null,
      LastTransferDate: 'handoffAt',
    });
    await importFixture('salesforce-leads.csv');
    const source = new LocalLeadSource(db);
    expect(
      await source.findByIdentity({ emails: [], crm: { system: 'salesforce', id: '00Q8d00000XyZa1EAF' } }),
    ).toMatchObject({ name: 'Ines Ferreira' });
    expect(
      await source.findByIdentity({ emails: [], crm: { system: 'salesforce', id: '0038d00000PqRs1AAB' } }),
    ).toMatchObject({ name: 'Quinn Hale' });
    // No Baton lead took a Salesforce id as its own.
    expect(await db.leads.get('00Q8d00000XyZa1EAF')).toBeUndefined();
  });

  test('a HubSpot "Contact ID" is HubSpot’s, mangled or not, never Salesforce’s', async () => {
    const { mapping } = await proposed('hubspot-two-companies.csv');
    expect(mapping[0]).toBe('hubspotId');
    expect(proposeMapping('leads', ['Contact ID', 'Email', 'Lifecycle Stage'])[0]).toBe('hubspotId');
    // A Salesforce report's "Contact ID" with no telling values stays Salesforce's.
    expect(proposeMapping('leads', ['Contact ID', 'Email', 'Account Name'])[0]).toBe('salesforceId');
    expect(
      proposeMapping('leads', ['Contact ID', 'Email'], {}, [['0038d00000PqRs1AAB', 'q@x.example']])[0],
    ).toBe('salesforceId');
    await importFixture('hubspot-two-companies.csv');
    expect(await leadByEmail('uma@xu.example')).toMatchObject([{ crmKeys: ['hubspot:404040404'] }]);
  });
});

describe('4. statuses mean what the team meant', () => {
  test("Salesforce's default statuses and common custom ones map to Baton's stages", async () => {
    const preview = await previewImport(
      fixture('salesforce-leads.csv'),
      'salesforce-leads.csv',
      'leads',
      (await proposed('salesforce-leads.csv')).mapping,
    );
    const values = preview.statusValues.map((entry) => entry.value);
    expect(proposeStatusStages(values)).toEqual({
      'Open - Not Contacted': 'mql',
      'Working - Contacted': 'mql',
      Nurturing: 'recycled',
      Qualified: 'sql',
      'Closed - Converted': 'sql',
      'Closed - Not Converted': 'disqualified',
      New: 'mql',
      Unqualified: 'disqualified',
      Working: 'mql',
      'Awaiting Budget': null,
    });
    await importFixture('salesforce-leads.csv', { statusStages: proposeStatusStages(values) });
    const stageOf = async (email: string) => (await leadByEmail(email))[0]?.stage;
    expect(await stageOf('kim@lee.example')).toBe('recycled');
    expect(await stageOf('lars@moe.example')).toBe('sql');
    expect(await stageOf('mia@ng.example')).toBe('sql');
    expect(await stageOf('noor@ali.example')).toBe('disqualified');
    expect(await stageOf('pia@roth.example')).toBe('disqualified');
    expect(await stageOf('omar@said.example')).toBe('mql');
    expect(await stageOf('quinn@hale.example')).toBe('lead');
  });

  test('the user’s choice for a value wins over the proposal', async () => {
    await importFixture('salesforce-leads.csv', {
      statusStages: { 'Awaiting Budget': 'mql', Nurturing: 'disqualified' },
    });
    expect((await leadByEmail('quinn@hale.example'))[0]?.stage).toBe('mql');
    expect((await leadByEmail('kim@lee.example'))[0]?.stage).toBe('disqualified');
    expect((await leadByEmail('lars@moe.example'))[0]?.stage).toBe('sql');
  });

  test('status meanings that are not stages are refused before anything is written', async () => {
    const result = await importFixture('salesforce-leads.csv', {
      statusStages: { Nurturing: 'later' } as unknown as StatusStages,
    });
    expect(result).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/status values are not valid/),
    });
    expect(await db.leads.count()).toBe(0);
  });
});

describe('5. an MQL always gets a clock, or the user is told', () => {
  test('with no MQL-date column, the handoff column is proposed and the preview counts MQLs left without one', async () => {
    const { mapping } = await proposed('salesforce-leads.csv');
    const preview = await previewImport(fixture('salesforce-leads.csv'), 'x.csv', 'leads', mapping);
    // MQLs: Open - Not Contacted, Working - Contacted, New, Working ×2 (Alice, Bob). Jon has no transfer date.
    expect(preview).toMatchObject({ rows: 11, mqls: 5, mqlsWithoutHandoff: 1 });
    // ConvertedDate is no handoff: it is when the lead stopped being one.
    expect(preview.handoffColumns).toEqual([
      { column: 9, covers: 5 }, // CreatedDate
      { column: 11, covers: 4 }, // LastTransferDate
    ]);
    // The user picks CreatedDate instead: every MQL has a clock.
    const created = mapping.map((target, i) =>
      i === 9 ? 'handoffAt' : target === 'handoffAt' ? null : target,
    );
    expect(await previewImport(fixture('salesforce-leads.csv'), 'x.csv', 'leads', created)).toMatchObject({
      mqlsWithoutHandoff: 0,
    });

    await importFixture('salesforce-leads.csv');
    expect((await leadByEmail('ines@ferreira.example'))[0]).toMatchObject({
      stage: 'mql',
      mqlAt: '2026-11-03T10:00:00.000Z',
    });
    expect((await leadByEmail('jon@kale.example'))[0]?.mqlAt).toBeUndefined();
    // Only MQLs take the handoff date: a recycled lead never enters a cohort by it.
    expect((await leadByEmail('kim@lee.example'))[0]?.mqlAt).toBeUndefined();
  });

  test('a HubSpot file without "Became a MQL date" offers its "Create Date"', async () => {
    const { headers, mapping } = await proposed('hubspot-two-companies.csv');
    expect(mapping[headers.indexOf('Create Date')]).toBe('handoffAt');
    await importFixture('hubspot-two-companies.csv');
    expect((await leadByEmail('rae@stone.example'))[0]).toMatchObject({
      stage: 'mql',
      mqlAt: '2026-11-01T09:00:00.000Z',
    });
    expect((await leadByEmail('uma@xu.example'))[0]).toMatchObject({ stage: 'disqualified' });
    expect((await leadByEmail('uma@xu.example'))[0]?.mqlAt).toBeUndefined();
  });
});

describe('6. the company and the phone come from where they are', () => {
  test('the contact’s "Company Name" and the associated company’s "Company name" fill each other', async () => {
    const { headers, mapping } = await proposed('hubspot-two-companies.csv');
    expect(headers[8]).toBe('Company name (2)');
    expect([mapping[4], mapping[8]]).toEqual(['company', 'company']);
    const result = await importFixture('hubspot-two-companies.csv');
    expect(result).toMatchObject({ status: 'done', created: 4, rejected: 0 });
    const companies = await Promise.all(
      ['rae@stone.example', 'sol@vega.example', 'tam@wu.example', 'uma@xu.example'].map(
        async (email) => (await leadByEmail(email))[0]?.company,
      ),
    );
    // The contact's own value first, the associated company's where the contact has none.
    expect(companies).toEqual(['Stone Works', 'Vega Contact Co', 'Wu Partners', 'Xu Group']);
  });

  test('phones with extensions raise no formula warning; a real formula warning shows its cell', async () => {
    const result = await importFixture('hubspot-excel-ids.csv');
    expect(result.report.filter((entry) => /formula/.test(entry.reason))).toEqual([]);
    expect((await leadByEmail('avery@blueridge.example'))[0]?.phone).toBe('+19495989920 ext 1148');
    const two = await importFixture('hubspot-two-companies.csv');
    expect(two.report.filter((entry) => /formula/.test(entry.reason))).toEqual([]);
  });
});
