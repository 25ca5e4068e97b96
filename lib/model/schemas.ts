import { z } from 'zod';
import { CRM_ID_MESSAGE, isCrmId } from './crm-ids';
import { hasReadableSlug } from './linkedin-slug';

// No code generation: extension pages forbid eval under their content security policy.
z.config({ jitless: true });

/**
 * The data model of docs/architecture.md "Data". Every record that crosses a boundary (IndexedDB, messages,
 * CSV, CRM) is parsed with these schemas; the TypeScript types are inferred from them.
 */

/** `https://www.hubspot.com@evil.example/` reads as one host and goes to another. */
function hasNoCredentials(value: string): boolean {
  try {
    const url = new URL(value);
    return !url.username && !url.password;
  } catch {
    return true; // not a URL at all: the .url() check says so
  }
}

/** Only http(s) links are ever stored or rendered as links. */
export const HttpUrl = z
  .string()
  .trim()
  .max(2048, { message: 'must be at most 2048 characters' })
  .url({ message: 'must be a URL' })
  .refine((value) => /^https?:\/\//i.test(value), { message: 'must start with http:// or https://' })
  .refine(hasNoCredentials, { message: 'must not carry a user name or password' });

/** An ISO-8601 instant with an offset, e.g. 2026-11-24T14:00:00.000Z. Stored as a string so it survives JSON. */
export const Instant = z.iso.datetime({ offset: true, message: 'must be an ISO date-time' });
export type Instant = z.infer<typeof Instant>;

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'must be at most 254 characters' })
  .email({ message: 'must be an email address' });

export const LEAD_STAGES = ['lead', 'mql', 'sql', 'recycled', 'disqualified', 'customer'] as const;
export const LeadStage = z.enum(LEAD_STAGES);
export type LeadStage = z.infer<typeof LeadStage>;

export const CRM_SYSTEMS = ['hubspot', 'salesforce'] as const;
/** A record's id in a CRM, in that CRM's id shape (HubSpot: digits; Salesforce: 15 or 18 characters). */
export const CrmRef = z
  .object({ system: z.enum(CRM_SYSTEMS), id: z.string().trim().min(1).max(18) })
  .superRefine((ref, context) => {
    if (!isCrmId(ref.system, ref.id))
      context.addIssue({ code: 'custom', path: ['id'], message: CRM_ID_MESSAGE[ref.system] });
  });
export type CrmRef = z.infer<typeof CrmRef>;

const OptionalText = z.string().trim().max(2000).optional();

/** Caps on what one lead may hold: a record past them is a mistake or an attack, never a person. */
export const LEAD_LIMITS = { id: 200, emails: 50, owner: 200, crmRefs: 10 } as const;

/**
 * Why a CRM lead's handoff instant is what it is: the MQL date, the moment the current owner got
 * it (a reassigned lead restarts the clock for its new owner), when it entered the CRM's first
 * lead stage, or (nothing better known) when the record was created. `previousOwner`: who had it before, by name, when the CRM says.
 */
export const LeadHandoff = z.object({
  from: z.enum(['mql', 'owner_assigned', 'lead_stage', 'created']),
  previousOwner: z.string().trim().min(1).max(200).optional(),
});
export type LeadHandoff = z.infer<typeof LeadHandoff>;

export const Lead = z.object({
  id: z.string().min(1).max(LEAD_LIMITS.id),
  emails: z.array(Email).max(LEAD_LIMITS.emails).default([]),
  name: z.string().trim().min(1).max(300),
  title: OptionalText,
  company: OptionalText,
  phone: OptionalText,
  linkedinUrl: HttpUrl.refine(hasReadableSlug, {
    message: 'is not a readable LinkedIn profile address (a broken %-escape in its name)',
  }).optional(),
  territory: OptionalText,
  industry: OptionalText,
  /** Employees, as a number; the CSV importer turns ranges like "51-200" into their lower bound. */
  companySize: z.number().int().nonnegative().optional(),
  productInterest: OptionalText,
  budget: OptionalText,
  timeframe: OptionalText,
  need: OptionalText,
  stage: LeadStage,
  owner: z.string().trim().max(LEAD_LIMITS.owner).optional(),
  /** The MQL handoff instant: starts the SLA clock. */
  mqlAt: Instant.optional(),
  /** The score at handoff: fixes the SLA tier. */
  handoffScore: z.number().min(0).max(100).optional(),
  /** A score the CRM computed, shown beside Baton's and labelled as the CRM's. */
  crmScore: z.number().optional(),
  /** What the CRM calls that score (HubSpot: the property the team picked, e.g. "Combined score"). */
  crmScoreLabel: z.string().trim().min(1).max(120).optional(),
  /** Where `mqlAt` came from, when a CRM knows: the card says "handed to you Tue 10:12, after Jo". */
  handoff: LeadHandoff.optional(),
  /** The stage of the CRM's own sales pipeline (HubSpot's Leads object), by its label. */
  crmStage: z.string().trim().min(1).max(120).optional(),
  crm: z.array(CrmRef).max(LEAD_LIMITS.crmRefs).default([]),
  /** Records of the bundled sample workspace: removable in one click, never reminded about. */
  sample: z.boolean().default(false),
  updatedAt: Instant,
});
export type Lead = z.infer<typeof Lead>;

export const TOUCH_KINDS = [
  'download',
  'webinar',
  'page_view',
  'email_click',
  'form',
  'demo_request',
  'event',
] as const;
export const TouchKind = z.enum(TOUCH_KINDS);
export type TouchKind = z.infer<typeof TouchKind>;

export const Touch = z.object({
  id: z.string().min(1),
  leadId: z.string().min(1),
  at: Instant,
  kind: TouchKind,
  assetId: z.string().optional(),
  title: z.string().trim().min(1).max(500),
  url: HttpUrl.optional(),
  sample: z.boolean().default(false),
});
export type Touch = z.infer<typeof Touch>;

export const ASSET_KINDS = [
  'case_study',
  'whitepaper',
  'one_pager',
  'video',
  'deck',
  'pricing',
  'webinar_recording',
  'datasheet',
] as const;
export const AssetKind = z.enum(ASSET_KINDS);

export const Asset = z.object({
  id: z.string().min(1),
  title: z.string().trim().min(1).max(300),
  url: HttpUrl,
  kind: AssetKind,
  industries: z.array(z.string()).default([]),
  /** Problem tags, e.g. "integration-risk"; matched against the lead's need. */
  needs: z.array(z.string()).default([]),
  stages: z.array(LeadStage).default([]),
  personas: z.array(z.string()).default([]),
  summary: z.string().max(2000).default(''),
  sample: z.boolean().default(false),
  updatedAt: Instant,
});
export type Asset = z.infer<typeof Asset>;

export const ATTEMPT_CHANNELS = ['call', 'email', 'linkedin', 'voicemail', 'meeting'] as const;
export const AttemptChannel = z.enum(ATTEMPT_CHANNELS);
export type AttemptChannel = z.infer<typeof AttemptChannel>;

export const ATTEMPT_OUTCOMES = [
  'no_answer',
  'left_voicemail',
  'connected',
  'bad_number',
  'replied',
  'meeting_booked',
] as const;
export const AttemptOutcome = z.enum(ATTEMPT_OUTCOMES);
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

export const SyncState = z.enum(['local', 'pending', 'synced', 'failed']);
export type SyncState = z.infer<typeof SyncState>;

export const Attempt = z.object({
  /** UUID; also the idempotency key when the attempt is written to a CRM. */
  id: z.uuid(),
  leadId: z.string().min(1),
  at: Instant,
  channel: AttemptChannel,
  outcome: AttemptOutcome,
  note: z.string().max(5000).optional(),
  sync: SyncState.default('local'),
  sample: z.boolean().default(false),
});
export type Attempt = z.infer<typeof Attempt>;

export const RECYCLE_REASONS = [
  'no_budget',
  'bad_timing',
  'no_need',
  'wrong_contact',
  'unresponsive',
  'other',
] as const;
export const RecycleReason = z.enum(RECYCLE_REASONS);
export type RecycleReason = z.infer<typeof RecycleReason>;
export const RECYCLE_REASON_LABELS: Record<RecycleReason, string> = {
  no_budget: 'No budget',
  bad_timing: 'Bad timing',
  no_need: 'No need',
  wrong_contact: 'Wrong contact',
  unresponsive: 'Unresponsive',
  other: 'Other',
};

/** The stage before the hand-back, so an undo can put it back. */
const PreviousStage = LeadStage.optional();
/** The CRM's own status before a hand-back (Salesforce's Lead Status), so an undo puts that one back. */
const PreviousCrmStage = z.string().trim().min(1).max(255).optional();

export const Disposition = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('accept'),
    id: z.uuid(),
    leadId: z.string().min(1),
    at: Instant,
    previousStage: PreviousStage,
    previousCrmStage: PreviousCrmStage,
  }),
  z
    .object({
      kind: z.enum(['recycle', 'disqualify']),
      id: z.uuid(),
      leadId: z.string().min(1),
      at: Instant,
      previousStage: PreviousStage,
      previousCrmStage: PreviousCrmStage,
      reason: RecycleReason,
      /** Free text; required when the reason is "other". */
      text: z.string().trim().max(2000).optional(),
    })
    .refine((d) => d.reason !== 'other' || Boolean(d.text), {
      path: ['text'],
      message: 'say why when the reason is "other"',
    }),
]);
export type Disposition = z.infer<typeof Disposition>;

/** The stage a hand-back moves a lead to. */
export const STAGE_AFTER_DISPOSITION: Record<Disposition['kind'], LeadStage> = {
  accept: 'sql',
  recycle: 'recycled',
  disqualify: 'disqualified',
};

export const AssetSent = z.object({
  id: z.uuid(),
  assetId: z.string().min(1),
  leadId: z.string().min(1),
  at: Instant,
  channel: z.enum(['gmail_insert', 'copy_link', 'open']),
});
export type AssetSent = z.infer<typeof AssetSent>;

export const ContentRequest = z.object({
  id: z.uuid(),
  leadId: z.string().min(1),
  at: Instant,
  text: z.string().trim().min(1, { message: 'say what the prospect asked for' }).max(2000),
});
export type ContentRequest = z.infer<typeof ContentRequest>;

export { LeadIdentity } from './identity';

/** Editable lead fields (qualification and contact details). */
export const EDITABLE_FIELDS = [
  'need',
  'budget',
  'timeframe',
  'title',
  'phone',
  'territory',
  'industry',
  'companySize',
  'productInterest',
  'company',
  'name',
] as const;
export const LeadPatch = Lead.pick({
  name: true,
  title: true,
  company: true,
  phone: true,
  territory: true,
  industry: true,
  companySize: true,
  productInterest: true,
  budget: true,
  timeframe: true,
  need: true,
  /** Set on the card when a lead was handed over without a handoff date. */
  mqlAt: true,
}).partial();
export type LeadPatch = z.infer<typeof LeadPatch>;

/** A human-readable summary of a zod error: "emails.0: must be an email address; name: Required". */
export function describeZodError(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(value)'}: ${issue.message}`).join('; ');
}
