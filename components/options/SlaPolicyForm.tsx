import { useState } from 'react';
import { defaultSlaPolicy, SlaPolicy } from '@/lib/core/sla';
import { type DurationDraft, DurationInput, durationDraft, durationMinutes } from './DurationInput';
import {
  type IssuePath,
  LoadingSection,
  numberText,
  PartFormFrame,
  rowId,
  toNumber,
  usePartForm,
  useStoredPart,
} from './form-kit';

const TITLE = 'SLA policy';

interface TierDraft {
  id: string;
  minScore: string;
  within: DurationDraft;
}
interface Draft {
  firstAttempt: DurationDraft;
  cadenceAttempts: string;
  cadenceCalendarDays: string;
  completeOnConnect: boolean;
  tiers: TierDraft[];
}

function toDraft(policy: SlaPolicy): Draft {
  return {
    firstAttempt: durationDraft(policy.firstAttemptBusinessMinutes),
    cadenceAttempts: numberText(policy.cadenceAttempts),
    cadenceCalendarDays: numberText(policy.cadenceCalendarDays),
    completeOnConnect: policy.completeOnConnect,
    tiers: policy.tiers.map((tier) => ({
      id: rowId(),
      minScore: numberText(tier.minScore),
      within: durationDraft(tier.firstAttemptBusinessMinutes),
    })),
  };
}

function fromDraft(draft: Draft) {
  return {
    firstAttemptBusinessMinutes: durationMinutes(draft.firstAttempt),
    cadenceAttempts: toNumber(draft.cadenceAttempts),
    cadenceCalendarDays: toNumber(draft.cadenceCalendarDays),
    completeOnConnect: draft.completeOnConnect,
    tiers: draft.tiers.map((tier) => ({
      minScore: toNumber(tier.minScore),
      firstAttemptBusinessMinutes: durationMinutes(tier.within),
    })),
  };
}

const FIELD_LABELS: Record<string, string> = {
  firstAttemptBusinessMinutes: 'First attempt within (business hours and minutes)',
  cadenceAttempts: 'Attempts required',
  cadenceCalendarDays: 'Cadence window (calendar days)',
  completeOnConnect: 'Complete on connect',
  tiers: 'Tiers',
};

export function slaLabelFor(path: IssuePath): string {
  const [head, index, leaf] = path;
  if (head === 'tiers' && typeof index === 'number') {
    const tier = `Tier ${index + 1}`;
    if (leaf === 'minScore') return `${tier} score at least`;
    if (leaf === 'firstAttemptBusinessMinutes') return `${tier} first attempt within`;
    return tier;
  }
  return FIELD_LABELS[String(head)] ?? TITLE;
}

/** First-attempt target, cadence and score tiers: the rules behind the card's SLA clock. */
export function SlaPolicyForm() {
  const stored = useStoredPart('slaPolicy');
  if (!stored) return <LoadingSection title={TITLE} />;
  return <SlaPolicyEditor initial={stored} />;
}

function SlaPolicyEditor({ initial }: { initial: SlaPolicy }) {
  const [draft, setDraft] = useState(() => toDraft(initial));
  const form = usePartForm({
    settingsKey: 'slaPolicy',
    schema: SlaPolicy,
    labelFor: slaLabelFor,
    defaults: () => defaultSlaPolicy,
    load: (policy) => setDraft(toDraft(policy)),
  });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setTier = (id: string, patch: Partial<TierDraft>) =>
    setDraft((d) => ({ ...d, tiers: d.tiers.map((t) => (t.id === id ? { ...t, ...patch } : t)) }));

  return (
    <PartFormFrame
      title={TITLE}
      intro="Business hours follow the business calendar."
      form={form}
      onSubmit={() =>
        void form.submit(fromDraft(draft), (policy) => ({
          ...policy,
          tiers: [...policy.tiers].sort((a, b) => b.minScore - a.minScore),
        }))
      }
    >
      <div className="options-grid">
        <fieldset className="options-group bare-group">
          <legend>First attempt within (business time)</legend>
          <DurationInput
            label="First attempt within"
            hideLabel
            value={draft.firstAttempt}
            onChange={(firstAttempt) => set({ firstAttempt })}
            field={form.field('firstAttemptBusinessMinutes')}
          />
        </fieldset>
        <label>
          Attempts required
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            step={1}
            className="num"
            value={draft.cadenceAttempts}
            onChange={(e) => set({ cadenceAttempts: e.target.value })}
            {...form.field('cadenceAttempts')}
          />
        </label>
        <label>
          Cadence window (calendar days)
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={365}
            step={1}
            className="num"
            value={draft.cadenceCalendarDays}
            onChange={(e) => set({ cadenceCalendarDays: e.target.value })}
            {...form.field('cadenceCalendarDays')}
          />
        </label>
      </div>
      <label className="row">
        <input
          type="checkbox"
          checked={draft.completeOnConnect}
          onChange={(e) => set({ completeOnConnect: e.target.checked })}
        />
        Complete on connect (a connected call or a booked meeting ends the cadence)
      </label>

      <fieldset className="options-group">
        <legend>Stricter first-attempt targets by score at handoff</legend>
        <p className="muted small">The highest tier whose score the lead reached at handoff applies.</p>
        {draft.tiers.length === 0 && (
          <p className="muted small">No tiers: every lead gets the target above.</p>
        )}
        <ul className="plain">
          {draft.tiers.map((tier, index) => (
            <li key={tier.id} className="row">
              <label>
                Score at least<span className="sr-only"> (tier {index + 1})</span>{' '}
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={100}
                  className="num"
                  value={tier.minScore}
                  onChange={(e) => setTier(tier.id, { minScore: e.target.value })}
                  {...form.field(`tiers.${index}.minScore`)}
                />
              </label>
              <DurationInput
                label="first attempt within"
                srSuffix={` (tier ${index + 1})`}
                value={tier.within}
                onChange={(within) => setTier(tier.id, { within })}
                field={form.field(`tiers.${index}.firstAttemptBusinessMinutes`)}
              />
              <button
                type="button"
                onClick={() => setDraft((d) => ({ ...d, tiers: d.tiers.filter((t) => t.id !== tier.id) }))}
              >
                Remove<span className="sr-only"> tier {index + 1}</span>
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          onClick={() =>
            setDraft((d) => ({
              ...d,
              tiers: [...d.tiers, { id: rowId(), minScore: '', within: d.firstAttempt }],
            }))
          }
        >
          Add tier
        </button>
      </fieldset>
    </PartFormFrame>
  );
}
