import { z } from 'zod';
import { describeZodError } from '../model/schemas';
import { Settings } from './schema';

/**
 * The team policy: the settings a manager sets once for the whole team, as a file to export and
 * import on each rep's browser, and the same shape an administrator pushes through managed storage.
 * Every part is optional (a policy may set only the SLA); each part present must be valid, and
 * an unknown key is refused by name, so a typo never passes silently.
 */
export const POLICY_FORMAT = 'baton-team-policy';
export const POLICY_VERSION = 1;

export const POLICY_PARTS = [
  'slaPolicy',
  'calendar',
  'scoreModel',
  'qualificationFields',
  'ownDomains',
  'reminders',
  'reportTargets',
] as const;
export type PolicyPart = (typeof POLICY_PARTS)[number];

export const PolicySettings = z.strictObject({
  slaPolicy: Settings.shape.slaPolicy.unwrap().optional(),
  calendar: Settings.shape.calendar.unwrap().optional(),
  scoreModel: Settings.shape.scoreModel.unwrap().optional(),
  qualificationFields: Settings.shape.qualificationFields.unwrap().optional(),
  ownDomains: Settings.shape.ownDomains.unwrap().optional(),
  reminders: Settings.shape.reminders.unwrap().optional(),
  reportTargets: Settings.shape.reportTargets.unwrap().optional(),
});
export type PolicySettings = z.infer<typeof PolicySettings>;

export const TeamPolicy = z.object({
  format: z.literal(POLICY_FORMAT, {
    message: `not a Baton team policy (format must be "${POLICY_FORMAT}")`,
  }),
  version: z.literal(POLICY_VERSION, { message: `team policy version ${POLICY_VERSION} expected` }),
  exportedAt: z.string().optional(),
  settings: PolicySettings,
});
export type TeamPolicy = z.infer<typeof TeamPolicy>;

export class PolicyError extends Error {
  override name = 'PolicyError';
}

/** The team's parts of `settings` as a policy file's text. */
export function policyFileText(settings: Settings, now: Date): string {
  const parts = Object.fromEntries(POLICY_PARTS.map((part) => [part, settings[part]]));
  const policy: TeamPolicy = {
    format: POLICY_FORMAT,
    version: POLICY_VERSION,
    exportedAt: now.toISOString(),
    settings: parts,
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}

/** Validates a policy; throws a PolicyError naming what is wrong. */
export function parsePolicy(data: unknown): TeamPolicy {
  const parsed = TeamPolicy.safeParse(data);
  if (!parsed.success)
    throw new PolicyError(
      `This team policy was not applied: ${describeZodError(parsed.error)}. Nothing was changed.`,
    );
  return parsed.data;
}

/** Parses a policy file's text; a file that is not JSON is refused like an invalid one. */
export function parsePolicyText(text: string): TeamPolicy {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new PolicyError(
      `This file is not valid JSON (${error instanceof Error ? error.message : String(error)}). Nothing was changed.`,
    );
  }
  return parsePolicy(data);
}

/** `settings` with the policy's parts in place of its own; the rest (queue owner, source) kept. */
export function withPolicy(settings: Settings, policy: PolicySettings): Settings {
  const next: Record<string, unknown> = { ...settings };
  for (const part of POLICY_PARTS) if (policy[part] !== undefined) next[part] = policy[part];
  return Settings.parse(next);
}
