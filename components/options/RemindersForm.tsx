import { useState } from 'react';
import { defaultSettings, Reminders } from '@/lib/settings/schema';
import {
  type IssuePath,
  LoadingSection,
  numberText,
  PartFormFrame,
  toNumber,
  usePartForm,
  useStoredPart,
} from './form-kit';

const TITLE = 'Reminders';

export function remindersLabelFor(path: IssuePath): string {
  if (path[0] === 'minutesBefore') return 'Minutes before the deadline';
  if (path[0] === 'enabled') return 'Remind me';
  return TITLE;
}

/** Notifications before a first-attempt deadline and at breach. */
export function RemindersForm() {
  const stored = useStoredPart('reminders');
  if (!stored) return <LoadingSection title={TITLE} />;
  return <RemindersEditor initial={stored} />;
}

function RemindersEditor({ initial }: { initial: Reminders }) {
  const [enabled, setEnabled] = useState(initial.enabled);
  const [minutes, setMinutes] = useState(numberText(initial.minutesBefore));
  const form = usePartForm({
    settingsKey: 'reminders',
    schema: Reminders,
    labelFor: remindersLabelFor,
    defaults: () => defaultSettings.reminders,
    load: (value) => {
      setEnabled(value.enabled);
      setMinutes(numberText(value.minutesBefore));
    },
  });
  return (
    <PartFormFrame
      title={TITLE}
      intro="A notification before a lead's first attempt is due, and when it is breached. Never for sample records."
      form={form}
      onSubmit={() => void form.submit({ enabled, minutesBefore: toNumber(minutes) })}
    >
      <label className="row">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Remind me before first-attempt deadlines and at breach
      </label>
      <div className="options-grid">
        <label>
          Minutes before the deadline (business minutes, 0–480)
          <input
            type="number"
            inputMode="numeric"
            className="num"
            min={0}
            max={480}
            step={1}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            {...form.field('minutesBefore')}
          />
        </label>
      </div>
    </PartFormFrame>
  );
}
