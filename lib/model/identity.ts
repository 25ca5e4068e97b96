import * as z from 'zod/mini';

/**
 * What a content script found on the page. Written with zod/mini (same validation, a fraction
 * of the bytes) because content scripts parse it on every host page and must stay small
 * (≤ 15 KB gzipped); the full zod schemas embed it as they would any other schema.
 * Everything is optional: a page may show only a name, only an email, only a CRM record id.
 */
const Text = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));

export const LeadIdentity = z
  .object({
    emails: z._default(
      z.array(z.string().check(z.trim(), z.toLowerCase(), z.email({ error: 'must be an email address' }))),
      [],
    ),
    name: Text(300),
    linkedinSlug: z.optional(
      z.string().check(z.trim(), z.regex(/^[A-Za-z0-9\-_%]+$/, { error: 'must be a LinkedIn profile slug' })),
    ),
    crm: z.optional(
      z.object({ system: z.enum(['hubspot', 'salesforce']), id: z.string().check(z.minLength(1)) }),
    ),
    company: Text(300),
    title: Text(300),
    /** Which host and strategy produced it, for debugging. */
    source: Text(100),
  })
  .check(
    z.refine(
      (identity) => identity.emails.length > 0 || Boolean(identity.linkedinSlug) || Boolean(identity.crm),
      {
        error: 'an identity needs an email, a LinkedIn slug or a CRM id',
      },
    ),
  );
export type LeadIdentity = z.infer<typeof LeadIdentity>;
