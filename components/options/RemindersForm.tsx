import { useState } from 'react';
import { defaultSettings, Reminders } from '@/lib/settings/schema';
import { type DurationDraft, DurationInput, durationDraft, durationMinutes } from './DurationInput';
import { type IssuePath, LoadingSection, PartFormFrame, usePartForm, useStoredPart } from './form-kit';

const TITLE = 'Reminders';

export function remindersLabelFor(path: IssuePath): string {
  if (path[0] === 'minutesBefore') return 'Remind me before the deadline';
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
  const [before, setBefore] = useState<DurationDraft>(durationDraft(initial.minutesBefore));
  const form = usePartForm({
    settingsKey: 'reminders',
    schema: Reminders,
    labelFor: remindersLabelFor,
    defaults: () => defaultSettings.reminders,
    load: (value) => {
      setEnabled(value.enabled);
      setBefore(durationDraft(value.minutesBefore));
    },
  });
  return (
    <PartFormFrame
      title={TITLE}
      intro="A notification before a lead's first attempt is due, and when it is breached. Never for sample records."
      form={form}
      onSubmit={() => void form.submit({ enabled, minutesBefore: durationMinutes(before) })}
    >
      <label className="row">
        <input type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
        Remind me before first-attempt deadlines and at breach
      </label>
      <fieldset className="options-grid">
        <legend>
          Remind me this long before the deadline (business time, up to 8 h; 0 for only at breach)
        </legend>
        <DurationInput
          label="Remind me before the deadline"
          hideLabel
          value={before}
          onChange={(value) => {
            setBefore(value);
            form.edited();
          }}
          field={form.field('minutesBefore')}
        />
      </fieldset>
    </PartFormFrame>
  );
}
