import { useState } from 'react';
import { readLocalSettings, readSettings, settingsItem } from '@/lib/settings/item';
import {
  POLICY_PARTS,
  type PolicyPart,
  parsePolicyText,
  policyFileText,
  withPolicy,
} from '@/lib/settings/policy-file';
import { SettingsSection } from './form-kit';
import { useManagedPolicy } from './useManagedParts';

const PART_LABEL: Record<PolicyPart, string> = {
  slaPolicy: 'SLA policy',
  calendar: 'business calendar',
  scoreModel: 'score model',
  qualificationFields: 'qualification fields',
  ownDomains: 'your email domains',
  reminders: 'reminders',
  reportTargets: 'report targets',
};
const names = (parts: readonly PolicyPart[]) => parts.map((part) => PART_LABEL[part]).join(', ');

/**
 * The team policy as a file: a manager exports it once, each rep imports it (all of it checked
 * first; a bad file changes nothing). Shows what the administrator's managed policy sets.
 */
export function TeamPolicySection() {
  const managed = useManagedPolicy();
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>();

  const exportPolicy = async () => {
    const text = policyFileText(await readSettings(), new Date());
    const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'baton-team-policy.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus({ kind: 'ok', text: 'Team policy exported as baton-team-policy.json.' });
  };

  const importPolicy = async (file: File) => {
    try {
      const policy = parsePolicyText(await file.text());
      const parts = POLICY_PARTS.filter((part) => policy.settings[part] !== undefined);
      await settingsItem.setValue(withPolicy(await readLocalSettings(), policy.settings));
      const overridden = parts.filter((part) => managed.managed.includes(part));
      setStatus({
        kind: 'ok',
        text: `Team policy applied: ${names(parts) || 'nothing (the file sets no part)'}.${
          overridden.length > 0 ? ` Your administrator’s values still win for: ${names(overridden)}.` : ''
        } Reload this page to see the forms updated.`,
      });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <SettingsSection
      title="Team policy file"
      intro="The SLA policy, business calendar, score model, qualification fields, your email domains, reminders and report targets, in one JSON file. Leads and logged work are not in it (the full backup holds those)."
    >
      <div className="row">
        <button type="button" data-testid="policy-export" onClick={() => void exportPolicy()}>
          Export team policy
        </button>
        <label>
          Import a team policy{' '}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="policy-import"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void importPolicy(file);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      {status && (
        <p
          className={status.kind === 'error' ? 'error' : 'muted'}
          role={status.kind === 'error' ? 'alert' : 'status'}
          data-testid="policy-result"
        >
          {status.text}
        </p>
      )}
      <h3 className="small">Set by your administrator</h3>
      <p data-testid="managed-parts" className="small">
        {managed.managed.length === 0
          ? 'Nothing: no managed policy is installed in this browser.'
          : `${names(managed.managed)} (read-only in the sections above).`}
      </p>
      {managed.problems.length > 0 && (
        <p className="error small" role="alert" data-testid="managed-problems">
          Parts of the managed policy were ignored: {managed.problems.join('; ')}
        </p>
      )}
    </SettingsSection>
  );
}
