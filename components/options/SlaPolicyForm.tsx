import { useState } from 'react';
import { defaultSlaPolicy, formatDuration, SlaPolicy } from '@/lib/core/sla';
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
  minutes: string;
}
interface Draft {
  firstAttemptBusinessMinutes: string;
  cadenceAttempts: string;
  cadenceCalendarDays: string;
  completeOnConnect: boolean;
  tiers: TierDraft[];
}

function toDraft(policy: SlaPolicy): Draft {
  return {
    firstAttemptBusinessMinutes: numberText(policy.firstAttemptBusinessMinutes),
    cadenceAttempts: numberText(policy.cadenceAttempts),
    cadenceCalendarDays: numberText(policy.cadenceCalendarDays),
    completeOnConnect: policy.completeOnConnect,
    tiers: policy.tiers.map((tier) => ({
      id: rowId(),
      minScore: numberText(tier.minScore),
      minutes: numberText(tier.firstAttemptBusinessMinutes),
    })),
  };
}

function fromDraft(draft: Draft) {
  return {
    firstAttemptBusinessMinutes: toNumber(draft.firstAttemptBusinessMinutes),
    cadenceAttempts: toNumber(draft.cadenceAttempts),
    cadenceCalendarDays: toNumber(draft.cadenceCalendarDays),
    completeOnConnect: draft.completeOnConnect,
    tiers: draft.tiers.map((tier) => ({
      minScore: toNumber(tier.minScore),
      firstAttemptBusinessMinutes: toNumber(tier.minutes),
    })),
  };
}

const FIELD_LABELS: Record<string, string> = {
  firstAttemptBusinessMinutes: 'First attempt within (business minutes)',
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
    if (leaf === 'firstAttemptBusinessMinutes') return `${tier} first attempt within (business minutes)`;
    return tier;
  }
  return FIELD_LABELS[String(head)] ?? TITLE;
}

/** "= 4 h of business time" beside a minutes input, when the text is a positive number. */
function MinutesHint({ text }: { text: string }) {
  const minutes = toNumber(text);
  if (minutes === null || !Number.isFinite(minutes) || minutes <= 0) return null;
  return <span className="muted small">= {formatDuration(minutes * 60_000)} of business time</span>;
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
      intro="Business minutes and hours follow the business calendar below."
      form={form}
      onSubmit={() =>
        void form.submit(fromDraft(draft), (policy) => ({
          ...policy,
          tiers: [...policy.tiers].sort((a, b) => b.minScore - a.minScore),
        }))
      }
    >
      <div className="options-grid">
        <div>
          <label>
            First attempt within (business minutes)
            <input
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              className="num"
              value={draft.firstAttemptBusinessMinutes}
              onChange={(e) => set({ firstAttemptBusinessMinutes: e.target.value })}
              {...form.field('firstAttemptBusinessMinutes')}
            />
          </label>{' '}
          <MinutesHint text={draft.firstAttemptBusinessMinutes} />
        </div>
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
              <label>
                first attempt within<span className="sr-only"> (tier {index + 1}, business minutes)</span>{' '}
                <input
                  type="number"
                  inputMode="numeric"
                  min={1}
                  step={1}
                  className="num"
                  value={tier.minutes}
                  onChange={(e) => setTier(tier.id, { minutes: e.target.value })}
                  {...form.field(`tiers.${index}.firstAttemptBusinessMinutes`)}
                />
              </label>
              <span className="muted small">min</span>
              <MinutesHint text={tier.minutes} />
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
              tiers: [...d.tiers, { id: rowId(), minScore: '', minutes: d.firstAttemptBusinessMinutes }],
            }))
          }
        >
          Add tier
        </button>
      </fieldset>
    </PartFormFrame>
  );
}
