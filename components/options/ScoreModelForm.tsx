import { useState } from 'react';
import { defaultScoreModel, ScoreModel, TOUCH_KIND_LABELS } from '@/lib/core/score';
import { TOUCH_KINDS, type TouchKind } from '@/lib/model/schemas';
import {
  type IssuePath,
  LoadingSection,
  numberText,
  PartFormFrame,
  toNumber,
  usePartForm,
  useStoredPart,
} from './form-kit';

const TITLE = 'Score model';

const FIT_GROUPS = ['title', 'industry', 'companySize', 'territory'] as const;
type FitGroup = (typeof FIT_GROUPS)[number];
const FIT_GROUP_NAMES: Record<FitGroup, string> = {
  title: 'Title (seniority)',
  industry: 'Industry',
  companySize: 'Company size',
  territory: 'Territory',
};

type FitRule = ScoreModel['fit'][FitGroup][number];
interface RuleDraft {
  rule: FitRule;
  points: string;
}
interface Draft {
  weights: Record<TouchKind, string>;
  halfLifeDays: string;
  mqlThreshold: string;
  hot: string;
  warm: string;
  fit: Record<FitGroup, RuleDraft[]>;
}

function toDraft(model: ScoreModel): Draft {
  const weights = {} as Record<TouchKind, string>;
  for (const kind of TOUCH_KINDS) weights[kind] = numberText(model.engagement.weights[kind]);
  const fit = {} as Record<FitGroup, RuleDraft[]>;
  for (const group of FIT_GROUPS) {
    fit[group] = model.fit[group].map((rule: FitRule) => ({ rule, points: numberText(rule.points) }));
  }
  return {
    weights,
    halfLifeDays: numberText(model.engagement.halfLifeDays),
    mqlThreshold: numberText(model.mqlThreshold),
    hot: numberText(model.bands.hot),
    warm: numberText(model.bands.warm),
    fit,
  };
}

function fromDraft(draft: Draft) {
  const weights: Partial<Record<TouchKind, number | null>> = {};
  // A blank weight means the kind earns no points (the model's weights are a partial record).
  for (const kind of TOUCH_KINDS)
    if (draft.weights[kind].trim() !== '') weights[kind] = toNumber(draft.weights[kind]);
  const fit: Record<string, unknown[]> = {};
  for (const group of FIT_GROUPS) {
    fit[group] = draft.fit[group].map(({ rule, points }) => ({ ...rule, points: toNumber(points) }));
  }
  return {
    fit,
    engagement: { weights, halfLifeDays: toNumber(draft.halfLifeDays) },
    mqlThreshold: toNumber(draft.mqlThreshold),
    bands: { hot: toNumber(draft.hot), warm: toNumber(draft.warm) },
  };
}

function isFitGroup(value: PropertyKey | undefined): value is FitGroup {
  return typeof value === 'string' && (FIT_GROUPS as readonly string[]).includes(value);
}
function isTouchKind(value: PropertyKey | undefined): value is TouchKind {
  return typeof value === 'string' && (TOUCH_KINDS as readonly string[]).includes(value);
}

export function scoreLabelFor(draft: Pick<Draft, 'fit'>, path: IssuePath): string {
  const [head, second, third] = path;
  if (head === 'mqlThreshold') return 'MQL threshold';
  if (head === 'bands') {
    if (second === 'hot') return 'Hot from score';
    if (second === 'warm') return 'Warm from score';
    return 'Score bands';
  }
  if (head === 'engagement') {
    if (second === 'halfLifeDays') return 'Half-life (days)';
    if (second === 'weights' && isTouchKind(third)) return `${TOUCH_KIND_LABELS[third]} weight`;
    return 'Engagement';
  }
  if (head === 'fit' && isFitGroup(second)) {
    const rule = typeof third === 'number' ? draft.fit[second][third]?.rule : undefined;
    return rule ? `${rule.label} points` : FIT_GROUP_NAMES[second];
  }
  return TITLE;
}

/** Engagement weights, decay, MQL threshold, bands and the points of each fit rule. */
export function ScoreModelForm() {
  const stored = useStoredPart('scoreModel');
  if (!stored) return <LoadingSection title={TITLE} />;
  return <ScoreModelEditor initial={stored} />;
}

function NumberField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  field: object;
  min?: number;
  max?: number;
  step?: number | 'any';
}) {
  return (
    <label>
      {props.label}
      <input
        type="number"
        className="num"
        min={props.min}
        max={props.max}
        step={props.step ?? 'any'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        {...props.field}
      />
    </label>
  );
}

function ScoreModelEditor({ initial }: { initial: ScoreModel }) {
  const [draft, setDraft] = useState(() => toDraft(initial));
  const form = usePartForm({
    settingsKey: 'scoreModel',
    schema: ScoreModel,
    labelFor: (path) => scoreLabelFor(draft, path),
    defaults: () => defaultScoreModel,
    load: (model) => setDraft(toDraft(model)),
  });
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setPoints = (group: FitGroup, index: number, points: string) =>
    setDraft((d) => ({
      ...d,
      fit: { ...d.fit, [group]: d.fit[group].map((r, i) => (i === index ? { ...r, points } : r)) },
    }));

  return (
    <PartFormFrame
      title={TITLE}
      intro="Score = fit (0–50) + engagement (0–50). A lead at or above the MQL threshold is handed to sales."
      form={form}
      onSubmit={() => void form.submit(fromDraft(draft))}
    >
      <div className="options-grid">
        <NumberField
          label="MQL threshold (0–100)"
          min={0}
          max={100}
          value={draft.mqlThreshold}
          onChange={(mqlThreshold) => set({ mqlThreshold })}
          field={form.field('mqlThreshold')}
        />
        <NumberField
          label="Hot from score"
          min={0}
          max={100}
          value={draft.hot}
          onChange={(hot) => set({ hot })}
          field={form.field('bands.hot')}
        />
        <NumberField
          label="Warm from score"
          min={0}
          max={100}
          value={draft.warm}
          onChange={(warm) => set({ warm })}
          field={form.field('bands.warm')}
        />
      </div>

      <fieldset className="options-group">
        <legend>Engagement: points per touch (0–50; blank earns none)</legend>
        <div className="options-grid">
          {TOUCH_KINDS.map((kind) => (
            <NumberField
              key={kind}
              label={`${TOUCH_KIND_LABELS[kind]} weight`}
              min={0}
              max={50}
              value={draft.weights[kind]}
              onChange={(value) => set({ weights: { ...draft.weights, [kind]: value } })}
              field={form.field(`engagement.weights.${kind}`)}
            />
          ))}
          <NumberField
            label="Half-life (days)"
            min={0}
            value={draft.halfLifeDays}
            onChange={(halfLifeDays) => set({ halfLifeDays })}
            field={form.field('engagement.halfLifeDays')}
          />
        </div>
        <p className="muted small">A touch counts half as much after each half-life.</p>
      </fieldset>

      <fieldset className="options-group">
        <legend>Fit rules: points (−50 to 50)</legend>
        {FIT_GROUPS.map((group) => (
          <div key={group}>
            <h3 className="small">{FIT_GROUP_NAMES[group]}</h3>
            {draft.fit[group].length === 0 ? (
              <p className="muted small">No rules.</p>
            ) : (
              <div className="options-grid">
                {draft.fit[group].map(({ rule, points }, index) => (
                  <NumberField
                    key={rule.id}
                    label={`${rule.label} points`}
                    min={-50}
                    max={50}
                    value={points}
                    onChange={(value) => setPoints(group, index, value)}
                    field={form.field(`fit.${group}.${index}.points`)}
                  />
                ))}
              </div>
            )}
          </div>
        ))}
      </fieldset>
    </PartFormFrame>
  );
}
