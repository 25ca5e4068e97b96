import { z } from 'zod';
import { BusinessCalendar, defaultCalendar } from '../core/calendar';
import { defaultQualificationFields, QualificationFields } from '../core/qualification';
import { defaultScoreModel, ScoreModel } from '../core/score';
import { defaultSlaPolicy, SlaPolicy } from '../core/sla';
import { defaultReportTargets, ReportTargets } from '../report/targets';

const Domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/^@/, ''))
  .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, { message: 'must be a domain such as example.com' }));

/** Notifications before a first-attempt deadline and at breach; never for sample records. */
export const Reminders = z.object({
  enabled: z.boolean().default(true),
  /** Business minutes before the first-attempt deadline. */
  minutesBefore: z
    .number()
    .int({ message: 'must be whole minutes' })
    .min(0, { message: 'must not be negative' })
    .max(480, { message: 'must be at most 8 hours' })
    .default(30),
});
export type Reminders = z.infer<typeof Reminders>;

/**
 * The queue owner as the options form accepts it: an email address, or empty for every open lead.
 * Stored values are only trimmed (see `Settings.owner`), so an older free-text value still loads.
 */
/** Days a record read from the CRM stays cached in this browser before it is pruned. */
export const CrmCacheDays = z
  .number({ message: 'must be a number of days' })
  .int({ message: 'must be a whole number of days' })
  .min(1, { message: 'must be at least 1 day' })
  .max(365, { message: 'must be at most 365 days' });

export const QueueOwner = z
  .string()
  .trim()
  .refine((value) => value === '' || z.email().safeParse(value).success, {
    message: 'must be an email address such as alex@example.com, or empty for every open lead',
  });

/**
 * Settings a user changes once. Versioned: a stored value from an older version is migrated
 * (see item.ts), and a stored value that fails this schema falls back to defaults with a warning.
 */
export const Settings = z.object({
  /** The user's own email domains: never taken as a lead. */
  ownDomains: z.array(Domain).default([]),
  /** Where leads come from. Only the local store exists so far. */
  source: z.enum(['local']).default('local'),
  /** The team's business hours; by default the browser's time zone, Monday–Friday 9–5. */
  calendar: BusinessCalendar.default(() => defaultCalendar()),
  slaPolicy: SlaPolicy.default(() => defaultSlaPolicy),
  scoreModel: ScoreModel.default(() => defaultScoreModel),
  qualificationFields: QualificationFields.default(() => defaultQualificationFields),
  /** Notifications before a first-attempt deadline and at breach; never for sample records. */
  reminders: Reminders.default({ enabled: true, minutesBefore: 30 }),
  /** Whose queue: the owner value on leads (an email). Empty: every open lead. */
  owner: z.string().trim().default(''),
  /** CRM records (names, emails, phones) cached for the card are pruned after this many days unread. */
  crmCacheDays: CrmCacheDays.default(30),
  /** Marketing's commitments for the weekly report (one key, so a managed policy can set it whole). */
  reportTargets: ReportTargets.default(() => defaultReportTargets),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = Settings.parse({});
