import { LeadIdentity } from '../model/identity';

/** What an adapter found on a page. */
export type Detection = {
  identity: LeadIdentity | null;
  /** Field → the strategy that produced it, e.g. `{ name: 'main h1', crm: 'url' }`. */
  found: Record<string, string>;
  /**
   * The URL says a lead should be on screen (a thread, a profile, a record): when the adapter
   * found nobody there, that is a miss worth a (censored) log; on a feed or a list it is not.
   */
  expected: boolean;
  /** Every outside person when the page shows several (a Gmail thread): the panel's picker. */
  candidates?: LeadIdentity[];
};

export type IdentityFields = {
  emails?: string[];
  name?: string;
  linkedinSlug?: string;
  crm?: { system: 'hubspot' | 'salesforce'; id: string };
  company?: string;
  title?: string;
};

/**
 * Validates what the strategies found as a `LeadIdentity` (zod/mini): null when it holds no key
 * (email, LinkedIn slug or CRM id). `source` records the host and the strategy of each field.
 */
export function toDetection(host: string, fields: IdentityFields, found: Record<string, string>): Detection {
  const source = `${host}:${Object.entries(found)
    .map(([field, by]) => `${field}=${by}`)
    .join(';')}`.slice(0, 100);
  const candidate: Record<string, unknown> = { ...fields, source };
  let parsed = LeadIdentity.safeParse(candidate);
  if (!parsed.success) {
    // One bad field (an address zod rejects, an over-long name) must not lose the others.
    const badEmails = new Set<unknown>();
    for (const { path } of parsed.error.issues) {
      if (path[0] === 'emails' && path.length > 1) badEmails.add(path[1]);
      else if (typeof path[0] === 'string') delete candidate[path[0]];
    }
    candidate.emails = fields.emails?.filter((_, index) => !badEmails.has(index));
    parsed = LeadIdentity.safeParse(candidate);
  }
  return { identity: parsed.success ? parsed.data : null, found, expected: true };
}

export const nothing = (expected: boolean, found: Record<string, string> = {}): Detection => ({
  identity: null,
  found,
  expected,
});
