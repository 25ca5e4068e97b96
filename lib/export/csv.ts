/**
 * CSV cells that are safe to open in a spreadsheet: a text that starts with =, +, -, @, a tab or a
 * carriage return is prefixed with ' so Excel, Sheets and LibreOffice show it instead of running
 * it as a formula (OWASP "CSV injection"). Numbers stay numbers. RFC 4180 quoting otherwise.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ReadonlyArray<string | number | boolean | null | undefined>): string {
  return cells.map(csvCell).join(',');
}
