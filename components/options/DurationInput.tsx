import { toNumber } from './form-kit';

/** A duration as the form holds it: hours and minutes as typed. */
export interface DurationDraft {
  hours: string;
  minutes: string;
}

/** 90 → { hours: '1', minutes: '30' }. */
export function durationDraft(totalMinutes: number | undefined): DurationDraft {
  if (totalMinutes === undefined || !Number.isFinite(totalMinutes)) return { hours: '', minutes: '' };
  return { hours: String(Math.floor(totalMinutes / 60)), minutes: String(totalMinutes % 60) };
}

/**
 * The total minutes of a draft: both blank → null ("is required"), junk in either → NaN ("must
 * be a number"); a blank part counts as 0. The schema then says what else is wrong (not whole,
 * not positive), naming the field.
 */
export function durationMinutes(draft: DurationDraft): number | null {
  const hours = toNumber(draft.hours);
  const minutes = toNumber(draft.minutes);
  if (hours === null && minutes === null) return null;
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

type Props = {
  /** The visible label, e.g. "First attempt within"; the inputs are labelled "… (hours)" and "… (minutes)". */
  label: string;
  /** Extra words for screen readers only, e.g. " (tier 2)". */
  srSuffix?: string;
  value: DurationDraft;
  onChange: (value: DurationDraft) => void;
  /** aria-invalid / aria-describedby from the form. */
  field?: Record<string, unknown>;
  hideLabel?: boolean;
};

/** Business hours and minutes, as a manager says an SLA ("1 h 30 m"), never a minutes count to work out. */
export function DurationInput({
  label,
  srSuffix = '',
  value,
  onChange,
  field = {},
  hideLabel = false,
}: Props) {
  return (
    <span className="duration row">
      {!hideLabel && <span>{label}</span>}
      <input
        type="number"
        inputMode="numeric"
        aria-label={`${label}${srSuffix} (hours)`}
        min={0}
        step={1}
        className="num"
        value={value.hours}
        onChange={(event) => onChange({ ...value, hours: event.target.value })}
        {...field}
      />
      <span aria-hidden="true">h</span>
      <input
        type="number"
        inputMode="numeric"
        aria-label={`${label}${srSuffix} (minutes)`}
        min={0}
        max={59}
        step={1}
        className="num"
        value={value.minutes}
        onChange={(event) => onChange({ ...value, minutes: event.target.value })}
        {...field}
      />
      <span aria-hidden="true">min</span>
    </span>
  );
}
