import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/messenger';
import type { SalesforceSetupPick } from '@/lib/messaging/protocol';

type FieldChoice = { name: string; label: string };

const MAPPED_LABELS = {
  budget: 'Budget',
  timeframe: 'Timeframe',
  need: 'Need',
  productInterest: 'Product interest',
  territory: 'Territory',
  linkedinUrl: 'LinkedIn URL',
} as const;

/** The org's values, with the one in use kept even when the org no longer has it (the save names it). */
const withCurrent = (values: readonly string[], current: string) =>
  current && !values.includes(current) ? [...values, current] : [...values];

/**
 * How the team runs Salesforce, read from the org: which Lead Status values mean MQL, accepted,
 * recycled and disqualified, and which fields hold the handoff time, the hand-back's reason, the
 * org's own score and (when Contacts are worked) the Contact's status.
 */
export function SalesforceSetupForm() {
  const client = useQueryClient();
  const choices = useQuery({
    queryKey: ['sf-setup'],
    queryFn: () => request('salesforceSetupChoices', null),
  });
  const [pick, setPick] = useState<SalesforceSetupPick | undefined>();

  useEffect(() => {
    if (!choices.data || pick) return;
    const { current } = choices.data;
    setPick({
      mqlStatuses: current.mqlStatuses,
      acceptedStatus: current.acceptedStatus,
      recycledStatus: current.recycledStatus,
      disqualifiedStatus: current.disqualifiedStatus,
      handoffField: current.handoffField,
      reasonField: current.reasonField,
      scoreField: current.scoreField,
      contactStatusField: current.contactStatusField,
      fields: current.fields,
    });
  }, [choices.data, pick]);

  const save = useMutation({
    mutationFn: (value: SalesforceSetupPick) => request('salesforceSaveSetup', value),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['sf-setup'] });
      void client.invalidateQueries({ queryKey: ['sf-status'] });
    },
  });

  if (choices.isPending) return <p className="muted small">Reading the org’s setup…</p>;
  if (choices.isError)
    return (
      <p className="error" role="alert" data-testid="sf-setup-error">
        Could not read the org’s setup: {choices.error.message}
      </p>
    );
  if (!pick) return null;
  const {
    leadStatuses,
    handoffFields,
    reasonFields,
    scoreFields,
    contactStatusFields,
    qualificationFields,
    missingFields,
  } = choices.data;
  const mapped = pick.fields ?? choices.data.current.fields;
  const mappedSelect = (key: keyof typeof MAPPED_LABELS) => {
    const value = mapped[key] ?? '';
    const known = qualificationFields.some((field) => field.name === value);
    return (
      <label key={key}>
        {MAPPED_LABELS[key]}
        <br />
        <select
          data-testid={`sf-setup-field-${key}`}
          value={value}
          onChange={(event) => setPick({ ...pick, fields: { ...mapped, [key]: event.target.value } })}
        >
          <option value="">Not kept in Salesforce</option>
          {qualificationFields.map((field) => (
            <option key={field.name} value={field.name}>
              {field.label} ({field.name})
            </option>
          ))}
          {value && !known && <option value={value}>{value} (not in this org)</option>}
        </select>
      </label>
    );
  };

  const statusSelect = (
    label: string,
    key: 'acceptedStatus' | 'recycledStatus' | 'disqualifiedStatus',
    testId: string,
  ) => (
    <label>
      {label}
      <br />
      <select
        data-testid={testId}
        value={pick[key]}
        onChange={(event) => setPick({ ...pick, [key]: event.target.value })}
      >
        {withCurrent(leadStatuses, pick[key]).map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </select>
    </label>
  );
  const fieldSelect = (
    label: string,
    key: 'handoffField' | 'reasonField' | 'scoreField' | 'contactStatusField',
    testId: string,
    fields: FieldChoice[],
    none: string,
  ) => {
    const value = pick[key] ?? '';
    const known = fields.some((field) => field.name === value);
    return (
      <label>
        {label}
        <br />
        <select
          data-testid={testId}
          value={value}
          onChange={(event) => setPick({ ...pick, [key]: event.target.value })}
        >
          <option value="">{none}</option>
          {fields.map((field) => (
            <option key={field.name} value={field.name}>
              {field.label} ({field.name})
            </option>
          ))}
          {value && !known && <option value={value}>{value} (not in this org)</option>}
        </select>
      </label>
    );
  };

  return (
    <form
      className="stack"
      aria-label="Salesforce setup"
      data-testid="sf-setup"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(pick);
      }}
    >
      <h3>How your team works Salesforce</h3>
      <label>
        Lead Status values that mean MQL (your queue)
        <br />
        <select
          multiple
          data-testid="sf-setup-mql-statuses"
          value={pick.mqlStatuses}
          onChange={(event) =>
            setPick({
              ...pick,
              mqlStatuses: Array.from(event.target.selectedOptions, (option) => option.value),
            })
          }
        >
          {leadStatuses.concat(pick.mqlStatuses.filter((s) => !leadStatuses.includes(s))).map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </label>
      {statusSelect('Accepting sets Lead Status to', 'acceptedStatus', 'sf-setup-accepted')}
      {statusSelect('Recycling sets it to', 'recycledStatus', 'sf-setup-recycled')}
      {statusSelect('Disqualifying sets it to', 'disqualifiedStatus', 'sf-setup-disqualified')}
      {fieldSelect(
        'The SLA clock starts at (a date/time field)',
        'handoffField',
        'sf-setup-handoff-field',
        handoffFields,
        'When the owner last changed (else the created date)',
      )}
      {fieldSelect(
        'A hand-back’s reason goes to',
        'reasonField',
        'sf-setup-reason-field',
        reasonFields,
        'Only the Task note',
      )}
      {fieldSelect(
        'The org’s own score, shown beside Baton’s',
        'scoreField',
        'sf-setup-score-field',
        scoreFields,
        'None',
      )}
      {fieldSelect(
        'Contacts are worked too, with their status in',
        'contactStatusField',
        'sf-setup-contact-status-field',
        contactStatusFields,
        'Leads only',
      )}
      <fieldset className="stack">
        <legend>Where the card’s fields live on a Lead (and a Contact)</legend>
        {(Object.keys(MAPPED_LABELS) as Array<keyof typeof MAPPED_LABELS>).map(mappedSelect)}
      </fieldset>
      {missingFields.length > 0 && (
        <p className="muted small" data-testid="sf-setup-missing">
          Named in the setup but not in this org: {missingFields.join(', ')}.
        </p>
      )}
      <button
        type="submit"
        data-testid="sf-setup-save"
        disabled={save.isPending || pick.mqlStatuses.length === 0}
      >
        {save.isPending ? 'Checking with Salesforce…' : 'Save setup'}
      </button>
      {save.isSuccess && (
        <p className="small" role="status" data-testid="sf-setup-saved">
          Saved.
        </p>
      )}
      {save.isError && (
        <p className="error" role="alert" data-testid="sf-setup-error">
          {save.error.message}
        </p>
      )}
    </form>
  );
}
