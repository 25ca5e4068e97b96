import { browser } from 'wxt/browser';
import type { z } from 'zod';
import { describeZodError } from '../model/schemas';
import { POLICY_PARTS, type PolicyPart, PolicySettings, parsePolicyText } from './policy-file';

/**
 * The team policy an administrator pushes through the browser's managed storage
 * (`storage.managed`: Chrome Enterprise policy for extensions, Firefox's enterprise policies
 * "3rdparty"), described by `public/managed_schema.json`. Two ways, both optional:
 * - `teamPolicy`: the text of a team policy file exported from the options page;
 * - the parts themselves (`slaPolicy`, `calendar`, …) as objects, which win over `teamPolicy`.
 * Each part is checked on its own: a bad part is left out with a message naming it, the good
 * ones still apply, and nothing here ever throws into a view.
 */
export type ManagedPolicy = { settings: PolicySettings; managed: PolicyPart[]; problems: string[] };

export const EMPTY_MANAGED: ManagedPolicy = { settings: {}, managed: [], problems: [] };

export function parseManaged(raw: unknown): ManagedPolicy {
  if (typeof raw !== 'object' || raw === null) return EMPTY_MANAGED;
  const values = raw as Record<string, unknown>;
  const problems: string[] = [];
  const settings: Record<string, unknown> = {};
  if (values.teamPolicy !== undefined) {
    try {
      if (typeof values.teamPolicy !== 'string')
        throw new Error('teamPolicy must be the text of a team policy file');
      Object.assign(settings, parsePolicyText(values.teamPolicy).settings);
    } catch (error) {
      problems.push(`teamPolicy: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const part of POLICY_PARTS) {
    if (values[part] === undefined) continue;
    const parsed = PolicySettings.shape[part].safeParse(values[part]);
    if (parsed.success) settings[part] = parsed.data;
    else problems.push(`${part}: ${describeZodError(parsed.error as z.ZodError)}`);
  }
  const managed = POLICY_PARTS.filter((part) => settings[part] !== undefined);
  return { settings: settings as PolicySettings, managed, problems };
}

/** The managed policy now; none where the browser has no managed storage or no policy is set. */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  try {
    const area = browser.storage?.managed;
    if (!area) return EMPTY_MANAGED;
    const policy = parseManaged(await area.get(null));
    if (policy.problems.length > 0) console.warn('[baton] managed policy ignored in part:', policy.problems);
    return policy;
  } catch {
    // Firefox throws when no policy is installed; Chrome without a policy answers {}.
    return EMPTY_MANAGED;
  }
}

/** Calls `onChange` whenever the administrator's policy changes. */
export function watchManagedPolicy(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
