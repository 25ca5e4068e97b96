import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { proposeMapping } from '@/lib/data/import/fields';
import { reportToCsv } from '@/lib/data/import/import-report';
import { type ImportOptions, runImport } from '@/lib/data/import/run-import';
import { BatonDb } from '@/lib/store/db';
import { LocalLeadSource } from '@/lib/store/local-source';

const NOW = new Date('2026-11-24T15:00:00Z');
let db: BatonDb;

beforeEach(() => {
  db = new BatonDb(`import-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const HEADER =
  'Record ID,First Name,Last Name,Email,Job Title,Company Name,Lifecycle Stage,Number of Employees';
const headers = HEADER.split(',');
const leadMapping = proposeMapping('leads', headers);

function importText(text: string | Blob, extra: Partial<ImportOptions> = {}, name = 'contacts.csv') {
  const blob = typeof text === 'string' ? new Blob([text]) : text;
  return runImport(db, blob, name, { kind: 'leads', mapping: leadMapping, now: () => NOW, ...extra });
}

const GOOD = [
  '101,Dana,Whitfield,dana.whitfield@northwindhealth.example,VP Operations,Northwind Health,Marketing Qualified Lead,51-200',
  '102,Sam,Unlisted,sam@unlisted-corp.example,Founder,Unlisted Corp,Lead,12',
];

describe('importing leads', () => {
  test('good rows are written, bad rows skipped and reported with row, column and reason', async () => {
    const csv = [
      HEADER,
      GOOD[0],
      '103,Bad,Email,not-an-email,CTO,X,Lead,10',
      GOOD[1],
      '104,Odd,Stage,odd@x.example,CTO,X,Hot,10',
      '',
    ].join('\n');
    const result = await importText(csv);
    expect(result).toMatchObject({ status: 'done', rowsRead: 4, created: 2, updated: 0, rejected: 2 });
    expect(result.message).toBe('Imported 4 rows: 2 leads new, 0 updated; 2 rows skipped (see the report).');
    expect(result.report).toEqual([
      { row: 3, column: 'Email', reason: 'must be an email address', severity: 'rejected' },
      {
        row: 5,
        column: 'Lifecycle Stage',
        reason: expect.stringMatching(/unknown stage "Hot"/),
        severity: 'rejected',
      },
    ]);
    const source = new LocalLeadSource(db);
    const sam = await source.findByIdentity({ emails: ['sam@unlisted-corp.example'] });
    expect(sam).toMatchObject({
      name: 'Sam Unlisted',
      company: 'Unlisted Corp',
      stage: 'lead',
      companySize: 12,
      sample: false,
    });
    expect(await source.findByIdentity({ emails: [], crm: { system: 'hubspot', id: '101' } })).toMatchObject({
      name: 'Dana Whitfield',
      stage: 'mql',
    });
    const csvReport = reportToCsv(result.report);
    expect(csvReport.split('\r\n')[0]).toBe('"Row","Column","Problem","Result"');
    expect(csvReport).toContain('3,"Email","must be an email address","row skipped"');
  });

  test('re-importing the same file updates in place: no duplicates, by email or by CRM id', async () => {
    const csv = [HEADER, ...GOOD].join('\n');
    expect(await importText(csv)).toMatchObject({ created: 2, updated: 0 });
    expect(await importText(csv)).toMatchObject({ created: 0, updated: 2 });
    expect(await db.leads.count()).toBe(2);
    // Same CRM id, new email and title: the lead gains the email, keeps the old one, takes the title.
    await importText(`${HEADER}\n101,Dana,Whitfield,dana@new-domain.example,COO,Northwind Health,,\n`);
    // Same email, no CRM id, and the file leaves the stage empty: the stage is kept.
    await importText('Email,Budget\nsam@unlisted-corp.example,$40k\n', { mapping: ['emails', 'budget'] });
    expect(await db.leads.count()).toBe(2);
    const dana = await db.leads.where('crmKeys').equals('hubspot:101').first();
    expect(dana).toMatchObject({
      emails: ['dana.whitfield@northwindhealth.example', 'dana@new-domain.example'],
      title: 'COO',
      stage: 'mql',
      companySize: 51,
    });
    expect(await db.leads.where('emails').equals('sam@unlisted-corp.example').first()).toMatchObject({
      budget: '$40k',
      name: 'Sam Unlisted',
      stage: 'lead',
    });
  });

  test('duplicate rows inside one file make one lead', async () => {
    const result = await importText([HEADER, GOOD[1], GOOD[1]?.replace('Founder', 'CEO')].join('\n'));
    expect(result).toMatchObject({ created: 1, updated: 1 });
    expect(await db.leads.toArray()).toMatchObject([{ title: 'CEO' }]);
  });

  test('a lead repeated chunks apart is matched to the row an earlier chunk wrote', async () => {
    // Small chunks: the next chunk is read while the previous one is written, and must still see it.
    // The same person (email and name), with a second CRM id the second time.
    const lines = Array.from(
      { length: 200 },
      (_, i) => `${i},F${i % 100},L,r${i % 100}@x.example,,Co${i},Lead,10`,
    );
    const result = await importText([HEADER, ...lines].join('\n'), { chunkBytes: 1024 });
    expect(result).toMatchObject({ status: 'done', created: 100, updated: 100 });
    expect(await db.leads.count()).toBe(100);
    expect(await db.leads.where('emails').equals('r7@x.example').toArray()).toMatchObject([
      { name: 'F7 L', company: 'Co107', crmKeys: ['hubspot:7', 'hubspot:107'] },
    ]);
  });

  test('a lead repeated in the very next row, across every chunk boundary, is still one lead', async () => {
    // Pairs of rows share an email; ~30 rows a chunk, so pairs straddle chunk boundaries.
    const lines = Array.from(
      { length: 300 },
      (_, i) => `${i},G${Math.floor(i / 2)},L,t${Math.floor(i / 2)}@x.example,,Co,Lead,10`,
    );
    const result = await importText([HEADER, ...lines].join('\n'), { chunkBytes: 1024 });
    expect(result).toMatchObject({ status: 'done', created: 150, updated: 150, rowsRead: 300 });
    expect(await db.leads.count()).toBe(150);
  });

  test('a write that fails part-way stops the import and keeps the chunks written before', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${i},F${i},L,s${i}@x.example,,Co,Lead,10`);
    const result = await importText([HEADER, ...lines].join('\n'), {
      chunkBytes: 2048,
      onProgress: (p) => {
        if (p.created > 0) db.close(); // the store goes away under the import
      },
    });
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/The import stopped: .*rows written before are kept/);
    await db.open();
    expect(await db.leads.count()).toBe(result.created);
    expect(result.created).toBeGreaterThan(0);
  });

  test('a row with neither email nor CRM id is found again by name and company', async () => {
    const mapping = ['name', 'company'];
    await importText('Name,Company\nAvery Okafor,Blue Ridge\n', { mapping });
    await importText('Name,Company\nAvery Okafor,Blue Ridge\n', { mapping });
    expect(await db.leads.count()).toBe(1);
  });

  test('a new lead with only a CRM id is named after it; without any name it takes its email', async () => {
    await importText('Record ID,Email\n77,\n,only@x.example\n', { mapping: ['hubspotId', 'emails'] });
    expect((await db.leads.toArray()).map((l) => l.name).sort()).toEqual([
      'HubSpot contact 77',
      'only@x.example',
    ]);
  });

  test('bad input of every kind: BOM, Windows-1252, duplicate headers, 10 MB field, formulas, quoted newlines, mixed endings', async () => {
    const header = 'Email,Name,Email,Need';
    const big = 'z'.repeat(10 * 1024 * 1024);
    const rows = [
      'ines@x.example,In\u00e8s Ferreira,ines.f@x.example,"Needs reporting\r\nand compliance"',
      `big@x.example,Big Field,,"${big}"`,
      'formula@x.example,=CMD("calc"),,ok',
    ];
    const text = `${header}\r\n${rows[0]}\n${rows[1]}\r${rows[2]}\r\n`;
    // Windows-1252 bytes for the whole file (è is 0xE8), after a UTF-8 BOM would be wrong: so no BOM here.
    const encoded = Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
    const result = await importText(new Blob([encoded]), {
      mapping: ['emails', 'name', 'emails', 'need'],
      chunkBytes: 1 << 20,
    });
    expect(result).toMatchObject({ status: 'done', rowsRead: 3, created: 2, rejected: 1 });
    const reasons = result.report.map((e) => `${e.row}|${e.column}|${e.severity}|${e.reason}`);
    expect(reasons).toEqual([
      expect.stringMatching(/^0\|\|warning\|The file is not UTF-8; it was read as Windows-1252/),
      expect.stringMatching(/^1\|\|warning\|2 columns are named "Email" \(A, C\)/),
      '3|Need|rejected|too long: 10,485,760 characters (at most 2,000)',
      // The warning quotes the cell it is about.
      expect.stringMatching(/^4\|Name\|warning\|"=CMD\("calc"\)" starts like a spreadsheet formula/),
    ]);
    const ines = await db.leads.where('emails').equals('ines.f@x.example').first();
    expect(ines).toMatchObject({ name: 'Inès Ferreira', need: 'Needs reporting\nand compliance' });
    expect(await db.leads.where('emails').equals('formula@x.example').first()).toMatchObject({
      name: '=CMD("calc")',
    });
  });

  test('a UTF-8 BOM never reaches the first header', async () => {
    const file = new Blob([new Uint8Array([0xef, 0xbb, 0xbf]), `${HEADER}\n${GOOD[0]}\n`]);
    const result = await importText(file);
    expect(result).toMatchObject({ status: 'done', created: 1 });
  });

  test('empty and header-only files fail with a clear message and write nothing', async () => {
    expect(await importText('')).toMatchObject({ status: 'failed', message: 'The file is empty.' });
    expect(await importText(`${HEADER}\n\n`)).toMatchObject({
      status: 'failed',
      message: 'The file has a header row but no data rows.',
    });
    expect(await db.leads.count()).toBe(0);
  });

  test('a mapping made for other columns is refused before anything is written', async () => {
    const result = await importText('Email\nx@x.example\n');
    expect(result).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/1 columns but the mapping has 8/),
    });
    expect(await db.leads.count()).toBe(0);
  });

  test('a row with more cells than the header is skipped, not shifted', async () => {
    const result = await importText('Email,Name\na@x.example,A,extra\nb@x.example,B\n', {
      mapping: ['emails', 'name'],
    });
    expect(result).toMatchObject({ created: 1, rejected: 1 });
    expect(result.report[0]?.reason).toMatch(/3 cells but the header has 2 columns/);
  });

  test('cancel keeps what was written so far; importing again finishes without duplicates', async () => {
    const lines = Array.from(
      { length: 300 },
      (_, i) => `${1000 + i},First${i},Last${i},p${i}@x.example,,Co,Lead,10`,
    );
    const csv = [HEADER, ...lines].join('\n');
    const controller = new AbortController();
    const progress: number[] = [];
    const result = await importText(csv, {
      chunkBytes: 2048,
      signal: controller.signal,
      onProgress: (p) => {
        progress.push(p.created);
        if (p.created >= 50) controller.abort();
      },
    });
    expect(result.status).toBe('cancelled');
    expect(result.message).toMatch(/written so far are kept/);
    const kept = await db.leads.count();
    expect(kept).toBe(result.created);
    // Rows converted but never written (the chunk read while the last one was being written) are
    // not counted: every row the result names was imported.
    expect(result.rowsRead).toBe(kept);
    expect(kept).toBeGreaterThanOrEqual(50);
    expect(kept).toBeLessThan(300);
    const again = await importText(csv);
    expect(again).toMatchObject({ status: 'done', created: 300 - kept, updated: kept });
    expect(await db.leads.count()).toBe(300);
  });

  test('progress reports bytes, rows and time left', async () => {
    const lines = Array.from({ length: 100 }, (_, i) => `${i},F,L,q${i}@x.example,,Co,Lead,10`);
    const seen: Array<{ bytesRead: number; etaMs: number | null }> = [];
    await importText([HEADER, ...lines].join('\n'), { chunkBytes: 1024, onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.map((p) => p.bytesRead)).toEqual([...seen.map((p) => p.bytesRead)].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ etaMs: 0 });
  });

  test('JSON in Baton field names (as the generator writes) imports like CSV', async () => {
    const json = JSON.stringify([
      {
        id: 'lead-1',
        name: 'Dana',
        emails: ['d@x.example'],
        stage: 'mql',
        crm: [{ system: 'salesforce', id: '00Q8d00000DwHtREAV' }],
      },
      { id: 'lead-2', name: 'Bad', emails: ['nope'], stage: 'mql' },
    ]);
    const mapping = proposeMapping('leads', ['id', 'name', 'emails', 'stage', 'crm']);
    expect(mapping).toEqual(['id', 'name', 'emails', 'lifecycleStage', 'crmRefs']);
    const result = await runImport(db, new Blob([json]), 'leads.json', {
      kind: 'leads',
      mapping,
      now: () => NOW,
    });
    expect(result).toMatchObject({ status: 'done', created: 1, rejected: 1 });
    expect(await db.leads.get('lead-1')).toMatchObject({
      crmKeys: ['salesforce:00Q8d00000DwHtREAV'],
      stage: 'mql',
    });
  });
});

describe('importing touches and assets', () => {
  beforeEach(async () => {
    await importText([HEADER, ...GOOD].join('\n'));
  });

  test('touches find their lead by email or CRM id; unknown leads are reported; re-import adds nothing', async () => {
    const csv = [
      'Email,Record ID,Date,Type,Title,URL',
      'sam@unlisted-corp.example,,2026-11-19 10:00,Page View,Pricing,https://baton.example/pricing',
      ',101,2026-11-18,Download,ROI guide,https://baton.example/roi',
      'ghost@nowhere.example,,2026-11-18,Download,ROI guide,',
    ].join('\n');
    const mapping = proposeMapping('touches', 'Email,Record ID,Date,Type,Title,URL'.split(','));
    const run = () => runImport(db, new Blob([csv]), 't.csv', { kind: 'touches', mapping, now: () => NOW });
    expect(await run()).toMatchObject({
      created: 2,
      rejected: 1,
      report: [{ row: 4, column: 'Email', reason: expect.stringMatching(/no lead "ghost@nowhere.example"/) }],
    });
    expect(await run()).toMatchObject({ created: 0, updated: 2 });
    expect(await db.touches.count()).toBe(2);
    const sam = await db.leads.where('emails').equals('sam@unlisted-corp.example').first();
    const context = await new LocalLeadSource(db).readLeadContext(sam?.id ?? '');
    expect(context?.touches).toMatchObject([
      { kind: 'page_view', title: 'Pricing', at: '2026-11-19T10:00:00.000Z' },
    ]);
  });

  test('assets: created, then updated in place by id derived from the URL; empty lists keep the old ones', async () => {
    const mapping = ['title', 'url', 'kind', 'industries'];
    const run = (csv: string) =>
      runImport(db, new Blob([csv]), 'a.csv', { kind: 'assets', mapping, now: () => NOW });
    expect(
      await run('Title,URL,Type,Industries\nROI guide,https://baton.example/roi,White paper,Retail\n'),
    ).toMatchObject({ created: 1 });
    expect(
      await run('Title,URL,Type,Industries\nROI guide v2,https://baton.example/roi,White paper,\n'),
    ).toMatchObject({ created: 0, updated: 1 });
    expect(await db.assets.toArray()).toMatchObject([
      { title: 'ROI guide v2', industries: ['Retail'], kind: 'whitepaper' },
    ]);
  });
});
