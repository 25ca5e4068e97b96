import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/messenger';
import type { SetupPick } from '@/lib/messaging/protocol';

type Choices = Awaited<ReturnType<typeof request<'crmSetupChoices'>>>;
type LeadsPick = NonNullable<SetupPick['leads']>;
type PipelineChoice = Extract<Choices['leads'], { available: true }>['pipelines'][number];

/** A first pick for a pipeline: every stage but the last two to work, the last two as qualified / unqualified. */
function defaultsFor(pipeline: PipelineChoice): LeadsPick {
  const ids = pipeline.stages.map((stage) => stage.id);
  const byLabel = (word: string) =>
    pipeline.stages.find((stage) => stage.label.toLowerCase().startsWith(word))?.id;
  const qualified = byLabel('qualified') ?? ids.at(-2) ?? '';
  const unqualified = byLabel('unqualified') ?? byLabel('disqualified') ?? ids.at(-1) ?? '';
  return {
    pipelineId: pipeline.id,
    workStageIds: ids.filter((id) => id !== qualified && id !== unqualified),
    qualifiedStageId: qualified,
    unqualifiedStageId: unqualified,
    handoffStageId: ids[0] ?? '',
  };
}

/**
 * How the team runs HubSpot, read from the portal: contacts (lifecycle stage) or the Leads object
 * with its pipeline's stages; and which contact property holds the portal's own score.
 */
export function HubSpotSetupForm() {
  const client = useQueryClient();
  const choices = useQuery({ queryKey: ['crm-setup'], queryFn: () => request('crmSetupChoices', null) });
  const [pick, setPick] = useState<SetupPick | undefined>();

  useEffect(() => {
    if (!choices.data || pick) return;
    const { current, leads } = choices.data;
    const first = leads.available ? leads.pipelines[0] : undefined;
    setPick({
      mode: current?.mode ?? 'contacts',
      leads: current?.leads ?? (first ? defaultsFor(first) : undefined),
      scoreProperty: current?.scoreProperty,
    });
  }, [choices.data, pick]);

  const save = useMutation({
    mutationFn: (value: SetupPick) => request('crmSaveSetup', value),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['crm-setup'] });
      void client.invalidateQueries({ queryKey: ['crm-status'] });
    },
  });

  if (choices.isPending) return <p className="muted small">Reading the portal’s setup…</p>;
  if (choices.isError)
    return (
      <p className="error" role="alert" data-testid="crm-setup-error">
        Could not read the portal’s setup: {choices.error.message}
      </p>
    );
  if (!pick) return null;
  const { leads, scoreProperties } = choices.data;
  const pipeline = leads.available ? leads.pipelines.find((p) => p.id === pick.leads?.pipelineId) : undefined;
  const setLeads = (change: Partial<LeadsPick>) =>
    setPick({ ...pick, leads: { ...(pick.leads as LeadsPick), ...change } });
  const toggleWork = (id: string, on: boolean) =>
    setLeads({
      workStageIds: on
        ? [...(pick.leads?.workStageIds ?? []), id]
        : (pick.leads?.workStageIds ?? []).filter((stage) => stage !== id),
    });
  const stageSelect = (label: string, key: 'qualifiedStageId' | 'unqualifiedStageId' | 'handoffStageId') => (
    <label>
      {label}
      <br />
      <select
        data-testid={`crm-setup-${key}`}
        value={pick.leads?.[key] ?? ''}
        onChange={(event) => setLeads({ [key]: event.target.value })}
      >
        {pipeline?.stages.map((stage) => (
          <option key={stage.id} value={stage.id}>
            {stage.label}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <form
      className="stack"
      aria-label="HubSpot setup"
      data-testid="crm-setup"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(pick);
      }}
    >
      <h3>How your team works HubSpot</h3>
      <fieldset>
        <legend>Leads come from</legend>
        <label>
          <input
            type="radio"
            name="crm-mode"
            data-testid="crm-mode-contacts"
            checked={pick.mode === 'contacts'}
            onChange={() => setPick({ ...pick, mode: 'contacts' })}
          />{' '}
          Contacts at the MQL lifecycle stage (every portal)
        </label>
        <br />
        <label>
          <input
            type="radio"
            name="crm-mode"
            data-testid="crm-mode-leads"
            disabled={!leads.available}
            checked={pick.mode === 'leads'}
            onChange={() => setPick({ ...pick, mode: 'leads' })}
          />{' '}
          The Leads object and its prospecting stages
        </label>
        {!leads.available && (
          <p className="muted small" data-testid="crm-leads-unavailable">
            {leads.reason}
          </p>
        )}
      </fieldset>
      {pick.mode === 'leads' && leads.available && (
        <fieldset data-testid="crm-leads-stages">
          <legend>Leads pipeline</legend>
          <select
            data-testid="crm-setup-pipeline"
            value={pick.leads?.pipelineId ?? ''}
            onChange={(event) => {
              const chosen = leads.pipelines.find((p) => p.id === event.target.value);
              if (chosen) setPick({ ...pick, leads: defaultsFor(chosen) });
            }}
          >
            {leads.pipelines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <p className="small">Stages to work (your queue):</p>
          {pipeline?.stages.map((stage) => (
            <label key={stage.id} className="row">
              <input
                type="checkbox"
                data-testid={`crm-work-stage-${stage.id}`}
                checked={pick.leads?.workStageIds.includes(stage.id) ?? false}
                onChange={(event) => toggleWork(stage.id, event.target.checked)}
              />
              {stage.label}
            </label>
          ))}
          {stageSelect('Accept moves the lead to', 'qualifiedStageId')}
          {stageSelect('Recycle and disqualify move it to', 'unqualifiedStageId')}
          {stageSelect('The SLA clock starts when the lead enters', 'handoffStageId')}
        </fieldset>
      )}
      <label>
        HubSpot’s own score, shown beside Baton’s
        <br />
        <select
          data-testid="crm-setup-score"
          value={pick.scoreProperty ?? ''}
          onChange={(event) => setPick({ ...pick, scoreProperty: event.target.value || undefined })}
        >
          <option value="">None</option>
          {scoreProperties.map((property) => (
            <option key={property.name} value={property.name}>
              {property.label} ({property.name})
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">
        The legacy HubSpot Score (hubspotscore) stopped updating on 31 August 2025 and is not offered: pick a
        score of the lead-scoring tool.
      </p>
      <button type="submit" data-testid="crm-setup-save" disabled={save.isPending}>
        {save.isPending ? 'Checking with HubSpot…' : 'Save setup'}
      </button>
      {save.isSuccess && (
        <p className="small" role="status" data-testid="crm-setup-saved">
          Saved: leads now come from {save.data.mode === 'leads' ? 'the Leads object' : 'contacts'}.
        </p>
      )}
      {save.isError && (
        <p className="error" role="alert" data-testid="crm-setup-error">
          {save.error.message}
        </p>
      )}
    </form>
  );
}
