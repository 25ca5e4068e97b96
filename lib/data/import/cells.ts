/**
 * What one cell's text means: a date, a number, a company size, a list, a LinkedIn profile, an
 * email inside a CRM's "Name (email)". Each returns undefined (or the text as it was) when the
 * cell is not one; the converters word the problem. Pure: no browser API.
 */

/** A mapped cell of a row: the column it came from and its trimmed text. */
export type Cell = { column: number; text: string };

/**
 * A cell a spreadsheet would run as a formula when the value is exported again: `=CMD(...)`,
 * `@SUM(...)`, `+cmd|' /C calc'!A0`, or a leading tab or carriage return. Phone numbers, with an
 * extension too, and signed numbers ("+1 (555) 010-0100", "+19495989920 ext 1148",
 * "+1-555-0100x752", "-12.5") are data, not formulas.
 */
export function looksLikeFormula(text: string): boolean {
  if (/^[\t\r]/.test(text)) return true;
  const trimmed = text.trim();
  if (/^[=@]/.test(trimmed)) return true;
  if (/^[+-]/.test(trimmed))
    return !/^[+-]?[\d\s().\-/]+(?:\s*(?:ext\.?|extension|x|#)\s*\d{1,6})?$/i.test(trimmed);
  return false;
}

/** Employees from "250", "1,200", "51-200", "10,001+", "1k" → 250, 1200, 51, 10001, 1000. */
export function parseCompanySize(text: string): number | undefined {
  const match =
    /^\s*(\d{1,3}(?:[,.\s\u00a0]\d{3})+|\d+)(\s*k)?\s*(?:(?:-|–|to)\s*[\d,.\s]+k?|\+)?\s*(?:employees)?\s*$/i.exec(
      text,
    );
  if (!match?.[1]) return undefined;
  const value = Number(match[1].replace(/[,.\s\u00a0]/g, '')) * (match[2] ? 1000 : 1);
  return Number.isSafeInteger(value) ? value : undefined;
}

/** A plain number ("87", "87.5", "1,234.5"); undefined when it is not one. */
export function parseNumber(text: string): number | undefined {
  const cleaned = text.trim().replace(/,(?=\d{3}\b)/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

function utcIso(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): string | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  // Rejects 2026-02-31 and 25:00 instead of rolling them over.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return undefined;
  if (h > 23 || mi > 59 || s > 59) return undefined;
  return date.toISOString();
}

/**
 * An instant from what CRMs and spreadsheets write. Times without an offset are read as UTC (the
 * mapping screen says so). Accepts ISO 8601 (with or without offset), "2026-11-20 14:30",
 * "2026-11-20", "11/20/2026 2:30 PM" (US order, as HubSpot and Salesforce export; a first number
 * above 12 is read as the day), and Unix epoch seconds or milliseconds.
 */
export function parseInstant(text: string): string | undefined {
  const value = text.trim();
  if (/^\d{10}$/.test(value)) return new Date(Number(value) * 1000).toISOString();
  if (/^\d{13}$/.test(value)) return new Date(Number(value)).toISOString();
  const iso =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(
      value,
    );
  if (iso) {
    const [, y, mo, d, h, mi, s, frac, zone] = iso;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
    const base = utcIso(
      Number(y),
      Number(mo),
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
      ms,
    );
    if (!base) return undefined;
    if (!zone || zone.toUpperCase() === 'Z') return base;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    return new Date(Date.parse(base) - offsetMinutes * 60_000).toISOString();
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,T]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/.exec(
    value,
  );
  if (us) {
    const [, a, b, y, h, mi, s, meridiem] = us;
    let [month, day] = [Number(a), Number(b)];
    if (month > 12 && day <= 12) [month, day] = [day, month];
    let hour = Number(h ?? 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (meridiem.toLowerCase() === 'pm' ? 12 : 0);
    }
    return utcIso(Number(y), month, day, hour, Number(mi ?? 0), Number(s ?? 0));
  }
  return undefined;
}

/** "a; b, c | d" → ["a", "b", "c", "d"]. */
export function splitList(text: string, separators = /[;,|\n]/): string[] {
  return text
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A LinkedIn profile as people paste it: full URL, without scheme, or a bare slug. */
export function normaliseLinkedinUrl(text: string): string {
  const value = text.trim();
  if (/^https?:\/\//i.test(value)) return value;
  if (/^(www\.)?linkedin\.com\//i.test(value)) return `https://${value.replace(/^www\./i, 'www.')}`;
  if (/^[A-Za-z0-9\-_%]+$/.test(value)) return `https://www.linkedin.com/in/${value}/`;
  return value;
}

/** An email inside a cell: "dana@example.com", or HubSpot's "Dana Whitfield (dana@example.com)". */
export function emailIn(text: string): string {
  const inner = /[<(]\s*([^\s<>()@]+@[^\s<>()]+)\s*[>)]/.exec(text);
  return (inner?.[1] ?? text).trim().toLowerCase();
}
