import { useState } from 'react';
import { openReportTab } from '@/lib/pages/report-page';
import { defaultReportTargets, ReportTargets } from '@/lib/report/targets';
import { LoadingSection, PartFormFrame, usePartForm, useStoredPart } from './form-kit';

const TITLE = 'Report targets';

type Field = Exclude<keyof ReportTargets, never>;
const FIELDS: Array<{ key: Field; label: string; step: string; optional?: boolean }> = [
  { key: 'mqlsPerRepPerMonth', label: 'MQLs per rep per month', step: '1' },
  { key: 'teamReps', label: 'Reps on the team (0: count the owners in the cohort)', step: '1' },
  { key: 'averageDealSize', label: 'Average deal size', step: 'any' },
  {
    key: 'mqlToCustomerRate',
    label: 'MQL → customer rate (0–1; empty: measured)',
    step: 'any',
    optional: true,
  },
  { key: 'revenueOwnedPerMonth', label: 'Revenue marketing owns per month', step: 'any' },
];

const LABELS = Object.fromEntries(FIELDS.map((f) => [f.key, f.label])) as Record<Field, string>;

/** Marketing's commitments, as the weekly report measures them (settings key `reportTargets`). */
export function ReportTargetsForm() {
  const stored = useStoredPart('reportTargets');
  if (stored === undefined) return <LoadingSection title={TITLE} />;
  return <ReportTargetsEditor initial={stored} />;
}

const toText = (t: ReportTargets): Record<Field, string> =>
  Object.fromEntries(FIELDS.map((f) => [f.key, t[f.key] === undefined ? '' : String(t[f.key])])) as Record<
    Field,
    string
  >;

function ReportTargetsEditor({ initial }: { initial: ReportTargets }) {
  const [text, setText] = useState(() => toText(initial));
  const form = usePartForm({
    settingsKey: 'reportTargets',
    schema: ReportTargets,
    labelFor: (path) => LABELS[String(path[0]) as Field] ?? String(path[0] ?? 'Report targets'),
    defaults: () => defaultReportTargets,
    load: (value: ReportTargets) => setText(toText(value)),
  });
  const submit = () => {
    const value: Record<string, number | undefined> = {};
    for (const f of FIELDS) {
      const raw = text[f.key].trim();
      value[f.key] = raw === '' ? (f.optional ? undefined : Number.NaN) : Number(raw);
    }
    void form.submit(value);
  };
  return (
    <PartFormFrame
      title={TITLE}
      intro="What marketing commits to: the weekly report sets the MQLs delivered against these, prorated to the period (days ÷ 30.4375)."
      form={form}
      onSubmit={submit}
    >
      <div className="options-grid">
        {FIELDS.map((f) => (
          <label key={f.key}>
            {f.label}
            <input
              type="number"
              min={0}
              step={f.step}
              data-testid={`report-target-${f.key}`}
              value={text[f.key]}
              onChange={(e) => {
                const v = e.target.value;
                setText((old) => ({ ...old, [f.key]: v }));
              }}
              {...form.field(f.key)}
            />
          </label>
        ))}
      </div>
      <p>
        <button type="button" className="link" data-testid="open-report" onClick={() => void openReportTab()}>
          Open the weekly report
        </button>
      </p>
    </PartFormFrame>
  );
}
