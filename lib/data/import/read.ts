import Papa from 'papaparse';
import { columnLetter } from './fields';

/**
 * Reading an import file: encoding, line endings and CSV records, streamed in chunks so a
 * 100k-row file never sits in memory whole. Works on any Blob (a File in the browser's worker,
 * a Blob in Node's unit tests and benchmark).
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type Sniffed =
  | { ok: true; encoding: TextEncoding; bomBytes: number; notes: string[] }
  | { ok: false; message: string };

/** Thrown for a file that cannot be imported at all; its message is for the user. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/**
 * The encoding of a file from its first bytes: a byte-order mark decides; then valid UTF-8 is
 * UTF-8; anything else is read as Windows-1252, what Excel on Windows writes for "CSV". Workbooks,
 * PDFs and other binary files are refused with a message saying what to do.
 */
export function sniffEncoding(head: Uint8Array, totalBytes: number): Sniffed {
  if (totalBytes === 0) return { ok: false, message: 'The file is empty.' };
  if (startsWith(head, [0xef, 0xbb, 0xbf]))
    return { ok: true, encoding: 'utf-8', bomBytes: 3, notes: ['UTF-8 with a byte-order mark (removed).'] };
  if (startsWith(head, [0xff, 0xfe]))
    return {
      ok: true,
      encoding: 'utf-16le',
      bomBytes: 2,
      notes: ['UTF-16 (little-endian), as Excel\'s "Unicode text" writes.'],
    };
  if (startsWith(head, [0xfe, 0xff]))
    return { ok: true, encoding: 'utf-16be', bomBytes: 2, notes: ['UTF-16 (big-endian).'] };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]))
    return {
      ok: false,
      message:
        'This is a workbook (.xlsx) or another zip file, not CSV. In Excel choose File → Save As → "CSV UTF-8", then import that file.',
    };
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46]))
    return { ok: false, message: 'This is a PDF, not a CSV or JSON file.' };
  const sample = head.subarray(0, Math.min(head.length, 4096));
  let zeros = 0;
  let oddZeros = 0;
  sample.forEach((byte, index) => {
    if (byte !== 0) return;
    zeros++;
    if (index % 2 === 1) oddZeros++;
  });
  if (zeros > 0) {
    // UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
    if (zeros >= sample.length / 3) {
      const encoding = oddZeros > zeros / 2 ? 'utf-16le' : 'utf-16be';
      return {
        ok: true,
        encoding,
        bomBytes: 0,
        notes: [`UTF-16 (${encoding === 'utf-16le' ? 'little' : 'big'}-endian) without a byte-order mark.`],
      };
    }
    return {
      ok: false,
      message:
        'This file holds binary data, not text: export or save it as CSV (UTF-8) and import that file.',
    };
  }
  try {
    // `stream: true`: a character cut in two at the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: head.length < totalBytes });
    return { ok: true, encoding: 'utf-8', bomBytes: 0, notes: [] };
  } catch {
    return {
      ok: true,
      encoding: 'windows-1252',
      bomBytes: 0,
      notes: [
        'The file is not UTF-8; it was read as Windows-1252 (Western European, what Excel on Windows writes). If accented names look wrong, save it as "CSV UTF-8" and import again.',
      ],
    };
  }
}

export type TextChunk = { text: string; bytesRead: number; final: boolean };

/**
 * The file's text in chunks, decoded, with every line ending (\r\n, \r, \n, mixed) turned into
 * \n — inside quoted fields too. A \r at the end of a chunk waits for the next one, in case a \n
 * follows.
 */
export async function* readText(
  blob: Blob,
  encoding: TextEncoding,
  startByte: number,
  chunkBytes = 1 << 20,
): AsyncGenerator<TextChunk> {
  const decoder = new TextDecoder(encoding);
  let position = startByte;
  let carry = '';
  if (blob.size <= startByte) {
    yield { text: '', bytesRead: blob.size, final: true };
    return;
  }
  while (position < blob.size) {
    const end = Math.min(blob.size, position + chunkBytes);
    const bytes = new Uint8Array(await blob.slice(position, end).arrayBuffer());
    position = end;
    const final = position >= blob.size;
    let text = carry + decoder.decode(bytes, { stream: !final });
    carry = '';
    if (!final && text.endsWith('\r')) {
      carry = '\r';
      text = text.slice(0, -1);
    }
    yield { text: text.replace(/\r\n?/g, '\n'), bytesRead: position, final };
  }
}

export type CsvBatch = {
  /** Records in file order; each starts at row `rowNumbers[i]` (the header is row 1). */
  rows: string[][];
  rowNumbers: number[];
  bytesRead: number;
  totalBytes: number;
  /** Problems of the file itself, found in this batch (malformed quotes…). */
  notes: Array<{ row: number; reason: string }>;
};

/**
 * Guesses the delimiter from the first lines: comma, semicolon (European Excel), tab or pipe — the
 * one found the same number of times (at least once) on most lines, quoted text left out.
 */
export function guessDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .replace(/"(?:[^"]|"")*"/g, '""')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, 20);
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of [',', ';', '\t', '|']) {
    const counts = lines.map((line) => line.split(delimiter).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const same = counts.filter((count) => count === first).length;
    const score = (same / counts.length) * 1000 + first;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/**
 * The CSV records of a file, in batches (one per text chunk). A record is numbered by the line it
 * starts on, counting records, as a spreadsheet numbers its rows (the header is row 1). Empty
 * lines are skipped but counted.
 */
export async function* readCsv(
  blob: Blob,
  options: { encoding: TextEncoding; startByte: number; chunkBytes?: number; delimiter?: string },
): AsyncGenerator<CsvBatch> {
  let parser: Papa.Parser | undefined;
  let partial = '';
  let rowNumber = 0;
  let replacementSeen = false;
  for await (const chunk of readText(blob, options.encoding, options.startByte, options.chunkBytes)) {
    const notes: CsvBatch['notes'] = [];
    if (!parser) {
      const delimiter = options.delimiter ?? guessDelimiter(chunk.text);
      parser = new Papa.Parser({ delimiter, newline: '\n', quoteChar: '"' });
    }
    const aggregate = partial + chunk.text;
    const result = parser.parse(aggregate, 0, !chunk.final) as Papa.ParseResult<string[]>;
    const cursor = chunk.final ? aggregate.length : result.meta.cursor;
    partial = aggregate.slice(cursor);
    const rows: string[][] = [];
    const rowNumbers: number[] = [];
    const firstRowHere = rowNumber + 1;
    for (const row of result.data) {
      rowNumber++;
      if (row.length === 1 && row[0]?.trim() === '') continue;
      if (row.every((cell) => cell.trim() === '')) continue;
      rows.push(row);
      rowNumbers.push(rowNumber);
      if (!replacementSeen && row.some((cell) => cell.includes('\uFFFD'))) {
        replacementSeen = true;
        notes.push({
          row: rowNumber,
          reason:
            'has bytes that are not valid in the file\'s encoding (shown as �); save the file as "CSV UTF-8" to keep every character',
        });
      }
    }
    for (const error of result.errors) {
      const row = firstRowHere + (error.row ?? 0);
      if (error.code === 'MissingQuotes')
        notes.push({
          row,
          reason: 'a quoted field is never closed: everything after it was read as one cell',
        });
      else if (error.code === 'InvalidQuotes')
        notes.push({
          row,
          reason: 'a quote inside a field is not doubled ("" ) — the row may be split wrongly',
        });
    }
    yield { rows, rowNumbers, bytesRead: chunk.bytesRead, totalBytes: blob.size, notes };
  }
}

export type Header = { headers: string[]; notes: string[] };

/**
 * Headers as shown and mapped: trimmed, byte-order mark removed, blanks named by their column
 * letter, duplicates told apart ("Email", "Email (2)") with a note naming both columns.
 */
export function cleanHeaders(raw: readonly string[]): Header {
  const notes: string[] = [];
  const seen = new Map<string, number[]>();
  const headers = raw.map((cell, index) => {
    const text = cell
      .replace(/^\uFEFF/, '')
      .replace(/\s+/g, ' ')
      .trim();
    const name = text === '' ? `Column ${columnLetter(index)}` : text;
    const key = name.toLowerCase();
    const columns = seen.get(key) ?? [];
    columns.push(index);
    seen.set(key, columns);
    return columns.length === 1 ? name : `${name} (${columns.length})`;
  });
  for (const [, columns] of seen) {
    if (columns.length < 2) continue;
    const first = columns[0] ?? 0;
    notes.push(
      `${columns.length} columns are named "${headers[first]}" (${columns.map(columnLetter).join(', ')}); the others are shown as ${columns
        .slice(1)
        .map((c) => `"${headers[c]}"`)
        .join(', ')} — map each as you need.`,
    );
  }
  return { headers, notes };
}

export type FileFormat = 'csv' | 'json';

/** What the mapping screen shows before anything is written. */
export type Inspection =
  | {
      ok: true;
      format: FileFormat;
      encoding: TextEncoding;
      headers: string[];
      /** The first few data rows, for the mapping screen's examples. */
      samples: string[][];
      notes: string[];
      totalBytes: number;
    }
  | { ok: false; message: string };

export function formatOf(fileName: string, head: Uint8Array, bomBytes: number): FileFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
  const first = new TextDecoder().decode(head.subarray(bomBytes, bomBytes + 64)).trimStart();
  return first.startsWith('[') || first.startsWith('{') ? 'json' : 'csv';
}

const HEAD_BYTES = 256 * 1024;

export async function sniffFile(blob: Blob, fileName: string) {
  const head = new Uint8Array(await blob.slice(0, HEAD_BYTES).arrayBuffer());
  const sniffed = sniffEncoding(head, blob.size);
  if (!sniffed.ok) throw new ImportFileError(sniffed.message);
  const format = formatOf(fileName, head, sniffed.bomBytes);
  return { ...sniffed, format };
}

/** Headers, a few example rows and notes about the file; reads only the start of a CSV file. */
export async function inspectFile(blob: Blob, fileName: string): Promise<Inspection> {
  try {
    const { encoding, bomBytes, notes, format } = await sniffFile(blob, fileName);
    if (format === 'json') {
      const { headers, rows } = await readJsonRows(blob, encoding, bomBytes);
      return { ok: true, format, encoding, headers, samples: rows.slice(0, 5), notes, totalBytes: blob.size };
    }
    let header: Header | undefined;
    const samples: string[][] = [];
    const fileNotes = [...notes];
    for await (const batch of readCsv(blob.slice(0, Math.max(HEAD_BYTES, 0)), {
      encoding,
      startByte: bomBytes,
    })) {
      for (const row of batch.rows) {
        if (!header) header = cleanHeaders(row);
        else if (samples.length < 5) samples.push(row);
      }
      if (header && samples.length >= 5) break;
    }
    if (!header) return { ok: false, message: 'The file has no rows: it is empty or only blank lines.' };
    if (samples.length === 0 && blob.size <= HEAD_BYTES)
      return { ok: false, message: 'The file has a header row but no data rows.' };
    fileNotes.push(...header.notes);
    return {
      ok: true,
      format,
      encoding,
      headers: header.headers,
      samples,
      notes: fileNotes,
      totalBytes: blob.size,
    };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** A JSON value as one cell: lists joined with "; ", CRM refs as system:id. */
function jsonCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(jsonCell).filter(Boolean).join('; ');
  if (typeof value === 'object') {
    const ref = value as { system?: unknown; id?: unknown };
    if (typeof ref.system === 'string' && typeof ref.id === 'string') return `${ref.system}:${ref.id}`;
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * A JSON import file: an array of flat records (Baton's own field names, as the generator writes,
 * or any other keys, mapped like CSV headers). Read whole: JSON cannot be parsed in pieces.
 */
export async function readJsonRows(
  blob: Blob,
  encoding: TextEncoding,
  bomBytes: number,
): Promise<{ headers: string[]; rows: string[][] }> {
  const text = new TextDecoder(encoding).decode(await blob.slice(bomBytes).arrayBuffer());
  if (text.trim() === '') throw new ImportFileError('The file is empty.');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportFileError(
      `This is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (data && typeof data === 'object' && (data as { format?: unknown }).format === 'baton-backup')
    throw new ImportFileError('This is a Baton backup: use "Restore a backup" below, not import.');
  if (!Array.isArray(data))
    throw new ImportFileError('A JSON import must be an array of records: [{…}, {…}].');
  if (data.length === 0) throw new ImportFileError('The JSON array is empty: there is nothing to import.');
  const headers: string[] = [];
  const index = new Map<string, number>();
  for (const record of data.slice(0, 1000)) {
    if (!record || typeof record !== 'object' || Array.isArray(record)) continue;
    for (const key of Object.keys(record)) {
      if (index.has(key)) continue;
      index.set(key, headers.length);
      headers.push(key);
    }
  }
  if (headers.length === 0) throw new ImportFileError('The JSON array holds no records with fields.');
  const rows = data.map((record) => {
    const row = headers.map(() => '');
    if (!record || typeof record !== 'object' || Array.isArray(record)) return row;
    for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
      const at = index.get(key);
      if (at !== undefined) row[at] = jsonCell(value);
    }
    return row;
  });
  return { headers, rows };
}
