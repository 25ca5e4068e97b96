/**
 * CSV cells that are safe to open in any spreadsheet, in any locale (OWASP "CSV injection").
 *
 * - Every text cell is quoted, so a `;` or tab inside it never splits it into cells when the file
 *   is read with another delimiter (Excel in de/fr/nl locales reads `;`).
 * - A cell whose first non-blank character could start a formula (`= + - @`, tab, CR, LF, NUL or
 *   their full-width forms `＝ ＋ － ＠`) is prefixed with `'`, which Excel, Sheets and LibreOffice
 *   read as "text". Each line of a multi-line cell is checked the same way, since a reader that
 *   splits rows on line breaks sees each line as the start of a row.
 * - Numbers stay numbers; quotes are doubled (RFC 4180).
 */

/** Blanks a spreadsheet skips before it looks for a formula sign. */
const LEADING_BLANKS = /^[ \u00a0\u2000-\u200b\u3000\ufeff]*/;
/** What makes a cell a formula (or hides one after a control character). */
const FORMULA_START = /^[=+\-@\t\r\n\0\uff1d\uff0b\uff0d\uff20]/;

const startsFormula = (line: string) => FORMULA_START.test(line.replace(LEADING_BLANKS, ''));

/** The text with `'` before every line that a spreadsheet could read as a formula. */
export function neutraliseFormulas(text: string): string {
  // The whole value first: one that starts with a line break (after blanks) is neutralised too.
  const head = startsFormula(text) ? `'` : '';
  // Then every line after a line break; the separators are kept as they were.
  const parts = text.split(/(\r\n|\r|\n)/);
  for (let i = 2; i < parts.length; i += 2) {
    const line = parts[i] ?? '';
    if (line !== '' && startsFormula(line)) parts[i] = `'${line}`;
  }
  return head + parts.join('');
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `"${neutraliseFormulas(value).replace(/"/g, '""')}"`;
}

export function csvLine(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return cells.map(csvCell).join(',');
}
