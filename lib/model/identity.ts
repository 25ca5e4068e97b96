import * as z from 'zod/mini';
import { CRM_ID_MESSAGE, isCrmId } from './crm-ids';
import { readSlug } from './linkedin-slug';

/**
 * What a content script found on the page. Written with zod/mini (same validation, a fraction
 * of the bytes) because content scripts parse it on every host page and must stay small
 * (≤ 15 KB gzipped); the full zod schemas embed it as they would any other schema.
 * Everything is optional: a page may show only a name, only an email, only a CRM record id.
 */
const Text = (max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max)));

/** A page shows a handful of people; more than this is not a page a rep reads. */
export const MAX_IDENTITY_EMAILS = 50;

/** A CRM record id, checked against its system's id shape. */
const CrmId = z
  .object({ system: z.enum(['hubspot', 'salesforce']), id: z.string().check(z.trim(), z.maxLength(18)) })
  .check(
    z.refine((ref) => isCrmId(ref.system, ref.id), {
      error: (issue) => {
        const system = (issue.input as { system?: 'hubspot' | 'salesforce' } | undefined)?.system;
        return system ? `crm.id ${CRM_ID_MESSAGE[system]}` : 'crm.id is not a record id';
      },
    }),
  );

export const LeadIdentity = z
  .object({
    emails: z._default(
      z
        .array(
          z
            .string()
            .check(
              z.trim(),
              z.toLowerCase(),
              z.maxLength(254),
              z.email({ error: 'must be an email address' }),
            ),
        )
        .check(z.maxLength(MAX_IDENTITY_EMAILS)),
      [],
    ),
    name: Text(300),
    linkedinSlug: z.optional(
      z.string().check(
        z.trim(),
        z.maxLength(200),
        z.refine((slug) => readSlug(slug) !== undefined, { error: 'must be a LinkedIn profile slug' }),
      ),
    ),
    crm: z.optional(CrmId),
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
