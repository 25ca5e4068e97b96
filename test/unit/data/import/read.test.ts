import { describe, expect, test } from 'vitest';
import { cleanHeaders, inspectFile, readCsv, sniffEncoding, type TextEncoding } from '@/lib/data/import/read';

const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

async function allRows(blob: Blob, encoding: TextEncoding = 'utf-8', startByte = 0, chunkBytes?: number) {
  const rows: string[][] = [];
  const numbers: number[] = [];
  const notes: Array<{ row: number; reason: string }> = [];
  for await (const batch of readCsv(blob, { encoding, startByte, chunkBytes })) {
    rows.push(...batch.rows);
    numbers.push(...batch.rowNumbers);
    notes.push(...batch.notes);
  }
  return { rows, numbers, notes };
}

describe('encoding', () => {
  test('an empty file is refused as empty', () => {
    expect(sniffEncoding(bytes(), 0)).toEqual({ ok: false, message: 'The file is empty.' });
  });

  test('byte-order marks decide: UTF-8, UTF-16 LE and BE', () => {
    expect(sniffEncoding(bytes(0xef, 0xbb, 0xbf, 0x61), 4)).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      bomBytes: 3,
    });
    expect(sniffEncoding(bytes(0xff, 0xfe, 0x61, 0), 4)).toMatchObject({
      ok: true,
      encoding: 'utf-16le',
      bomBytes: 2,
    });
    expect(sniffEncoding(bytes(0xfe, 0xff, 0, 0x61), 4)).toMatchObject({
      ok: true,
      encoding: 'utf-16be',
      bomBytes: 2,
    });
  });

  test('valid UTF-8 is UTF-8; anything else is read as Windows-1252 with a note saying so', () => {
    expect(sniffEncoding(utf8('Name\nTomás'), 12)).toMatchObject({ ok: true, encoding: 'utf-8', notes: [] });
    // "Tomás" as Excel on Windows writes it: á is the single byte 0xE1.
    const latin1 = bytes(0x54, 0x6f, 0x6d, 0xe1, 0x73);
    const sniffed = sniffEncoding(latin1, latin1.length);
    expect(sniffed).toMatchObject({ ok: true, encoding: 'windows-1252' });
    expect(sniffed.ok && sniffed.notes[0]).toMatch(/not UTF-8.*Windows-1252.*CSV UTF-8/);
  });

  test('a multi-byte character cut at the end of the sample is not mistaken for bad UTF-8', () => {
    const full = utf8('abc é');
    expect(sniffEncoding(full.subarray(0, full.length - 1), full.length)).toMatchObject({
      encoding: 'utf-8',
    });
  });

  test('workbooks, PDFs and binary files are refused with what to do', () => {
    expect(sniffEncoding(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2), 6)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/xlsx.*CSV UTF-8/),
    });
    expect(sniffEncoding(utf8('%PDF-1.7'), 8)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/PDF/),
    });
    expect(sniffEncoding(bytes(0x01, 0x00, 0x9a, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88), 9)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/binary/),
    });
  });

  test('UTF-16 without a byte-order mark is recognised from its zero bytes', () => {
    const le = new Uint8Array([...'Email\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(sniffEncoding(le, le.length)).toMatchObject({ ok: true, encoding: 'utf-16le', bomBytes: 0 });
  });
});

describe('CSV records', () => {
  test('quoted fields keep their newlines, commas and doubled quotes', async () => {
    const csv = 'Name,Note\n"Dana","line one\nline two, with comma and ""quotes"""\nPriya,plain\n';
    const { rows, numbers } = await allRows(new Blob([csv]));
    expect(rows).toEqual([
      ['Name', 'Note'],
      ['Dana', 'line one\nline two, with comma and "quotes"'],
      ['Priya', 'plain'],
    ]);
    // Numbered by record: the quoted newline does not shift Priya's row number.
    expect(numbers).toEqual([1, 2, 3]);
  });

  test('mixed line endings (\\r\\n, \\n, \\r) all end a row, and no \\r is left in a cell', async () => {
    const csv = 'a,b\r\n1,"x\r\ny"\n2,two\r3,three\r\n';
    const { rows } = await allRows(new Blob([csv]));
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', 'x\ny'],
      ['2', 'two'],
      ['3', 'three'],
    ]);
  });

  test('records split across chunks are joined again, even a \\r\\n cut in two', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `${i},"quoted ${i}\r\nsecond line",end${i}`);
    const csv = `id,text,last\r\n${lines.join('\r\n')}\r\n`;
    const { rows } = await allRows(new Blob([csv]), 'utf-8', 0, 7);
    expect(rows).toHaveLength(201);
    expect(rows[200]).toEqual(['199', 'quoted 199\nsecond line', 'end199']);
    expect(rows.every((row) => row.length === 3)).toBe(true);
  });

  test('blank lines are skipped but counted, as a spreadsheet counts rows', async () => {
    const { rows, numbers } = await allRows(new Blob(['h\n\n  \nvalue\n']));
    expect(rows).toEqual([['h'], ['value']]);
    expect(numbers).toEqual([1, 4]);
  });

  test('a 10 MB single field is read whole, across many chunks', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const { rows } = await allRows(
      new Blob([`Name,Note\nDana,"${big}"\nPriya,small\n`]),
      'utf-8',
      0,
      1 << 20,
    );
    expect(rows).toHaveLength(3);
    expect(rows[1]?.[1]?.length).toBe(big.length);
    expect(rows[2]).toEqual(['Priya', 'small']);
  });

  test('semicolons (European Excel) and tabs are detected as the delimiter', async () => {
    expect((await allRows(new Blob(['Name;Email\nDana;d@x.example\n']))).rows[1]).toEqual([
      'Dana',
      'd@x.example',
    ]);
    expect((await allRows(new Blob(['Name\tEmail\nDana\td@x.example\n']))).rows[1]).toEqual([
      'Dana',
      'd@x.example',
    ]);
  });

  test('Windows-1252 and UTF-16 text decode to the right characters', async () => {
    const latin1 = new Blob([new Uint8Array([0x4e, 0x0a, 0x54, 0x6f, 0x6d, 0xe1, 0x73, 0x0a])]);
    expect((await allRows(latin1, 'windows-1252')).rows[1]).toEqual(['Tomás']);
    const le = new Uint8Array([0xff, 0xfe, ...[...'N\nInès\n'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect((await allRows(new Blob([le]), 'utf-16le', 2)).rows[1]).toEqual(['Inès']);
  });

  test('an unclosed quote is reported as a note on its row', async () => {
    const { notes } = await allRows(new Blob(['a,b\n1,"never closed\n2,x\n']));
    expect(notes).toEqual([{ row: 2, reason: expect.stringMatching(/never closed/) }]);
  });
});

describe('headers', () => {
  test('duplicates are told apart and named in a note; blanks get their column letter; BOM removed', () => {
    const { headers, notes } = cleanHeaders(['\uFEFFEmail', 'Name', 'email', '', ' Name ']);
    expect(headers).toEqual(['Email', 'Name', 'email (2)', 'Column D', 'Name (2)']);
    expect(notes).toEqual([
      expect.stringMatching(/2 columns are named "Email" \(A, C\)/),
      expect.stringMatching(/2 columns are named "Name" \(B, E\)/),
    ]);
  });
});

describe('inspecting a file', () => {
  test('headers, examples and notes; a BOM never reaches the first header', async () => {
    const file = new Blob([
      new Uint8Array([0xef, 0xbb, 0xbf]),
      'First Name,Email,Email\nDana,d@x.example,dw@x.example\n',
    ]);
    const inspection = await inspectFile(file, 'contacts.csv');
    expect(inspection).toMatchObject({
      ok: true,
      format: 'csv',
      headers: ['First Name', 'Email', 'Email (2)'],
      samples: [['Dana', 'd@x.example', 'dw@x.example']],
    });
    expect(inspection.ok && inspection.notes.join(' ')).toMatch(
      /byte-order mark.*2 columns are named "Email"/,
    );
  });

  test('empty, blank-only and header-only files are refused with a clear message', async () => {
    expect(await inspectFile(new Blob([]), 'a.csv')).toEqual({ ok: false, message: 'The file is empty.' });
    expect(await inspectFile(new Blob(['\n\n  \n']), 'a.csv')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no rows/),
    });
    expect(await inspectFile(new Blob(['Name,Email\n']), 'a.csv')).toMatchObject({
      ok: false,
      message: 'The file has a header row but no data rows.',
    });
  });

  test('JSON: an array of records, keys as headers; a backup or a non-array is refused', async () => {
    const json = JSON.stringify([
      { name: 'Dana', emails: ['d@x.example', 'dw@x.example'], crm: [{ system: 'hubspot', id: '7' }] },
    ]);
    expect(await inspectFile(new Blob([json]), 'leads.json')).toMatchObject({
      ok: true,
      format: 'json',
      headers: ['name', 'emails', 'crm'],
      samples: [['Dana', 'd@x.example; dw@x.example', 'hubspot:7']],
    });
    expect(await inspectFile(new Blob(['{"format":"baton-backup"}']), 'b.json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Baton backup.*Restore/),
    });
    expect(await inspectFile(new Blob(['{"a":1}']), 'b.json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/array/),
    });
    expect(await inspectFile(new Blob(['[{"a":']), 'b.json')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not valid JSON/),
    });
  });
});
