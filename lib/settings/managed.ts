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

/**
 * How long a first read of managed storage may take. Chromium's `storage.managed.get` can stay
 * unanswered in the service worker when no policy is installed, and settings must never wait on
 * it: after this, no policy is assumed until the answer (or a change) comes.
 */
export const MANAGED_READ_TIMEOUT_MS = 250;

let cached: ManagedPolicy | undefined;
let pending: Promise<ManagedPolicy> | undefined;

let listening = false;

async function fetchManaged(): Promise<ManagedPolicy> {
  if (!listening) {
    // Whoever reads the policy sees the administrator's next change.
    listening = true;
    try {
      browser.storage.onChanged.addListener((_changes, area) => {
        if (area === 'managed') forgetManagedPolicy();
      });
    } catch {
      // No storage events here: the first answer stays.
    }
  }
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

/** The managed policy now; none where the browser has no managed storage or no policy is set. */
export async function readManagedPolicy(): Promise<ManagedPolicy> {
  if (cached) return cached;
  pending ??= fetchManaged().then((policy) => {
    cached = policy;
    return policy;
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ManagedPolicy>((resolve) => {
    timer = setTimeout(() => resolve(EMPTY_MANAGED), MANAGED_READ_TIMEOUT_MS);
  });
  try {
    return await Promise.race([pending, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Forgets what was read, so the next read asks the browser again (a policy changed; tests). */
export function forgetManagedPolicy(): void {
  cached = undefined;
  pending = undefined;
}

/** Calls `onChange` whenever the administrator's policy changes. */
export function watchManagedPolicy(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area !== 'managed') return;
    forgetManagedPolicy();
    onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
