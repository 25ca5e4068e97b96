import { z } from 'zod';
import { RECYCLE_REASONS, type RecycleReason } from '../../model/schemas';

/** A HubSpot internal name (properties, pipeline and stage ids): letters, digits, `_` and `-`. */
const HubSpotName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, { message: 'is not a HubSpot internal name' });

/** The legacy score: HubSpot stopped updating it on 2025-08-31, so Baton never shows it as current. */
export const LEGACY_SCORE_PROPERTY = 'hubspotscore';

/**
 * Leads mode: the team works HubSpot's Leads object (Sales Hub Professional and up) in its
 * prospecting workspace. Stage ids are the portal's own, read from its Leads pipeline when the
 * team sets this up; none is hard-coded.
 */
export const LeadsSetup = z
  .object({
    pipelineId: HubSpotName,
    /** Stages whose leads are still to work: my queue. */
    workStageIds: z.array(HubSpotName).min(1, { message: 'pick at least one stage to work' }).max(20),
    /** Where accept moves a lead. */
    qualifiedStageId: HubSpotName,
    /** Where recycle and disqualify move a lead (with the reason in its disqualification property). */
    unqualifiedStageId: HubSpotName,
    /** The stage whose entry starts the SLA clock (`hs_date_entered_<id>`): the pipeline's first by default. */
    handoffStageId: HubSpotName,
    /** Stage id → label, as the pipeline named them when this was saved: the card shows the label. */
    stageLabels: z.record(HubSpotName, z.string().trim().min(1).max(120)).default({}),
    /** Baton's reason → an option of the portal's disqualification-reason property (none: the note alone says why). */
    reasonOptions: z.partialRecord(z.enum(RECYCLE_REASONS), HubSpotName).default({}),
  })
  .superRefine((setup, context) => {
    const closed = [setup.qualifiedStageId, setup.unqualifiedStageId];
    if (setup.qualifiedStageId === setup.unqualifiedStageId)
      context.addIssue({
        code: 'custom',
        path: ['unqualifiedStageId'],
        message: 'must differ from the qualified stage',
      });
    for (const id of setup.workStageIds)
      if (closed.includes(id))
        context.addIssue({
          code: 'custom',
          path: ['workStageIds'],
          message: `"${id}" is where a hand-back moves a lead, not a stage to work`,
        });
  });
export type LeadsSetup = z.infer<typeof LeadsSetup>;

/** How this team runs HubSpot: contacts (the default) or the Leads object; and the portal's own score. */
export const HubSpotSetup = z
  .object({
    mode: z.enum(['contacts', 'leads']).default('contacts'),
    leads: LeadsSetup.optional(),
    /** A number property of contacts holding the portal's own score (the new lead-scoring tool's). */
    scoreProperty: HubSpotName.refine((name) => name !== LEGACY_SCORE_PROPERTY, {
      message: 'hubspotscore stopped updating on 2025-08-31: pick a score of the new lead-scoring tool',
    }).optional(),
    /** Its label, as the portal names it: the card says "HubSpot's <label>". */
    scoreLabel: z.string().trim().min(1).max(100).optional(),
    /** Owner id → name, from the portal's owner property: "handed to you …, after Jo". */
    ownerNames: z.record(z.string().regex(/^\d{1,20}$/), z.string().trim().min(1).max(200)).default({}),
  })
  .superRefine((setup, context) => {
    if (setup.mode === 'leads' && !setup.leads)
      context.addIssue({
        code: 'custom',
        path: ['leads'],
        message: 'Leads mode needs its pipeline and stages',
      });
  });
export type HubSpotSetup = z.infer<typeof HubSpotSetup>;
export const defaultHubSpotSetup: HubSpotSetup = HubSpotSetup.parse({});

/** The Leads setup in use, or undefined in contacts mode. */
export const leadsSetupOf = (setup: HubSpotSetup): LeadsSetup | undefined =>
  setup.mode === 'leads' ? setup.leads : undefined;

/**
 * Baton's hand-back reasons matched to the portal's disqualification-reason options: by value or
 * label, ignoring case and punctuation ("No budget" ↔ NO_BUDGET); "Other" takes what is left.
 */
export function matchReasonOptions(
  options: ReadonlyArray<{ value: string; label: string }>,
  labels: Record<RecycleReason, string>,
): Partial<Record<RecycleReason, string>> {
  const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
  const other = options.find((o) => key(o.value) === 'other' || key(o.label) === 'other')?.value;
  const matched: Partial<Record<RecycleReason, string>> = {};
  for (const reason of RECYCLE_REASONS) {
    const wanted = [key(reason), key(labels[reason])];
    const option = options.find((o) => wanted.includes(key(o.value)) || wanted.includes(key(o.label)));
    const value = option?.value ?? other;
    if (value && HubSpotName.safeParse(value).success) matched[reason] = value;
  }
  return matched;
}
