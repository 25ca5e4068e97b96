import { z } from 'zod';
import { POLICY_PARTS, type PolicyPart, PolicySettings } from './policy-file';

/**
 * `public/managed_schema.json`, derived from the policy's zod schemas so the two never drift
 * (a unit test compares the file with this; `npm run gen:managed-schema` rewrites it).
 *
 * Chrome validates an administrator's policy against this schema and drops what it does not
 * describe, so every policy part must be in it. Chrome's policy schema is a subset of JSON Schema
 * (type, properties, items, required, enum, pattern, minimum/maximum, title, description): the
 * rest of what zod emits is dropped here, and a construct Chrome cannot express fails loudly.
 * Baton validates the values again with zod when it reads them (lib/settings/managed.ts).
 */
const TITLES: Record<PolicyPart | 'teamPolicy', { title: string; description: string }> = {
  teamPolicy: {
    title: 'Team policy file',
    description:
      'The text of a Baton team policy file (options page > Team policy > Export team policy). Its parts are set for every rep and shown read-only.',
  },
  slaPolicy: { title: 'SLA policy', description: 'First-attempt window and cadence. Wins over teamPolicy.' },
  calendar: {
    title: 'Business calendar',
    description: 'Time zone, hours and holidays. Wins over teamPolicy.',
  },
  scoreModel: { title: 'Score model', description: 'Fit and engagement rules. Wins over teamPolicy.' },
  qualificationFields: {
    title: 'Qualification fields',
    description: 'The fields a lead needs before SQL. Wins over teamPolicy.',
  },
  ownDomains: {
    title: 'Your own email domains',
    description: 'People at these domains are never taken as the lead. Wins over teamPolicy.',
  },
  reminders: { title: 'Reminders', description: 'Notifications before a deadline. Wins over teamPolicy.' },
  reportTargets: {
    title: 'Report targets',
    description: "Marketing's commitments the weekly report measures against. Wins over teamPolicy.",
  },
};

type Json = { [key: string]: unknown };

const DROPPED = new Set([
  '$schema',
  'default',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'format',
  // A record's key check (an enum of names): Chrome has none; zod still checks the keys.
  'propertyNames',
]);
const KEPT = new Set([
  'additionalProperties',
  'type',
  'properties',
  'items',
  'required',
  'enum',
  'pattern',
  'minimum',
  'maximum',
]);

/** One zod JSON Schema node in Chrome's subset. */
function chromeSubset(node: Json, path: string): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    if (!KEPT.has(key))
      throw new Error(`managed schema: "${key}" at ${path} has no Chrome policy equivalent`);
    if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, Json>).map(([name, child]) => [
          name,
          chromeSubset(child, `${path}.${name}`),
        ]),
      );
    } else if (key === 'additionalProperties') {
      // `false` is Chrome's behaviour anyway (unknown properties are dropped); a schema is a record.
      if (typeof value === 'object' && value !== null)
        out.additionalProperties = chromeSubset(value as Json, `${path}.*`);
    } else if (key === 'items') {
      out.items = chromeSubset(value as Json, `${path}[]`);
    } else if ((key === 'minimum' || key === 'maximum') && node.type !== 'integer') {
      // Chrome takes bounds on integers only; zod still checks the others.
    } else if (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) {
      // zod's `int()` bound, not a limit of Baton's.
    } else {
      out[key] = value;
    }
  }
  if (typeof out.type !== 'string') throw new Error(`managed schema: ${path} has no single type`);
  return out;
}

export function managedSchema(): Json {
  const properties: Json = { teamPolicy: { ...TITLES.teamPolicy, type: 'string' } };
  for (const part of POLICY_PARTS) {
    const json = z.toJSONSchema(PolicySettings.shape[part].unwrap(), { io: 'input' }) as Json;
    properties[part] = { ...TITLES[part], ...chromeSubset(json, part) };
  }
  return { type: 'object', properties };
}

/** The file's text, as written to `public/managed_schema.json`. */
export function managedSchemaText(): string {
  return `${JSON.stringify(managedSchema(), null, 2)}\n`;
}
