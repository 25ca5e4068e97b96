/**
 * SOQL literals, escaped as Salesforce documents: never spliced raw. A string literal escapes the
 * backslash and the quote (and the control characters SOQL names); a LIKE pattern escapes its
 * wildcards too, so a name like "100%_club" matches itself and nothing more.
 */

const STRING_ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  "'": "\\'",
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** A quoted SOQL string literal. */
export function soqlString(value: string): string {
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (ch) => STRING_ESCAPES[ch] ?? ch)}'`;
}

/** A quoted LIKE pattern matching values that start with `prefix`. */
export function soqlLikePrefix(prefix: string): string {
  const escaped = soqlString(prefix)
    .slice(1, -1)
    .replace(/[%_]/g, (ch) => `\\${ch}`);
  return `'${escaped}%'`;
}

/** `('a', 'b')` for an IN list; an empty list has no SOQL form, so callers must not ask for one. */
export function soqlList(values: readonly string[]): string {
  if (values.length === 0) throw new Error('an IN list needs at least one value');
  return `(${values.map(soqlString).join(', ')})`;
}

/** A field name from settings (a custom field's API name), checked before it goes in a query. */
export const SOQL_FIELD = /^[A-Za-z][A-Za-z0-9_]{0,79}(?:\.[A-Za-z][A-Za-z0-9_]{0,79})?$/;

export function soqlField(name: string): string {
  if (!SOQL_FIELD.test(name)) throw new Error(`"${name.slice(0, 80)}" is not a Salesforce field name`);
  return name;
}

/** A record id checked against Salesforce's id shape before it goes in a query or a path. */
export function soqlId(id: string): string {
  if (!/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id))
    throw new Error(`"${id.slice(0, 40)}" is not a Salesforce id`);
  return `'${id}'`;
}

/** A date literal (`YYYY-MM-DD`, unquoted in SOQL). */
export function soqlDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`"${date}" is not a date`);
  return date;
}

/**
 * A datetime literal (unquoted ISO in UTC, `2026-12-01T00:00:00Z`), to the second: SOQL has no
 * fractions, so an instant inside a second is rounded down (`floor`) or up (`ceil`), the range
 * only ever wider; callers compare the exact instants themselves.
 */
export function soqlDateTime(ms: number, round: 'floor' | 'ceil' = 'floor'): string {
  if (!Number.isFinite(ms)) throw new Error(`"${String(ms).slice(0, 40)}" is not an instant`);
  const seconds = round === 'floor' ? Math.floor(ms / 1000) : Math.ceil(ms / 1000);
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
