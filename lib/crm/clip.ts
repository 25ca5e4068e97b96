/** Text from a CRM record, fitted to Baton's model: anyone filling a web form sets these fields. */

/** A value cut to `max` characters (an ellipsis marks the cut): a web form may set any length. */
export function clip(value: string | undefined, max: number): string | undefined {
  if (value === undefined || value.length <= max) return value;
  return `${value.slice(0, max - 1).trimEnd()}…`;
}

/** How long CRM text may be in Baton's model (see lib/model/schemas.ts). */
export const LIMIT = { name: 300, text: 2000, note: 5000, touchTitle: 500 } as const;
