import { PERIOD_PRESET_LABELS, PERIOD_PRESETS, type PeriodPreset } from '@/lib/report/period';

export type PeriodChoice = { preset: PeriodPreset } | { preset: 'custom'; firstDay: string; lastDay: string };

/** This week … last 90 days, or two dates (both included), in the team calendar's zone. */
export function PeriodPicker({
  choice,
  onChange,
  timeZone,
}: {
  choice: PeriodChoice;
  onChange: (choice: PeriodChoice) => void;
  timeZone: string;
}) {
  const custom = choice.preset === 'custom' ? choice : undefined;
  return (
    <fieldset className="report-period-picker">
      <legend>Period ({timeZone})</legend>
      <select
        aria-label="Period"
        value={choice.preset}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (value === 'custom') {
            const today = new Date().toISOString().slice(0, 10);
            onChange({ preset: 'custom', firstDay: today, lastDay: today });
          } else onChange({ preset: value as PeriodPreset });
        }}
      >
        {PERIOD_PRESETS.map((p) => (
          <option key={p} value={p}>
            {PERIOD_PRESET_LABELS[p]}
          </option>
        ))}
        <option value="custom">Custom dates</option>
      </select>
      {custom && (
        <>
          <label>
            From{' '}
            <input
              type="date"
              value={custom.firstDay}
              onChange={(e) =>
                e.currentTarget.value && onChange({ ...custom, firstDay: e.currentTarget.value })
              }
            />
          </label>
          <label>
            To{' '}
            <input
              type="date"
              value={custom.lastDay}
              onChange={(e) =>
                e.currentTarget.value && onChange({ ...custom, lastDay: e.currentTarget.value })
              }
            />
          </label>
        </>
      )}
    </fieldset>
  );
}
