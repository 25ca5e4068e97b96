import { DateTime } from 'luxon';
import { useState } from 'react';
import { isValidTimeZone } from '@/lib/core';

type Props = {
  timeZone: string;
  now: number;
  /** Saves the handoff instant (ISO); rejects with a message when the save fails. */
  onSave: (mqlAt: string) => Promise<unknown>;
};

/**
 * Sets a missing handoff date, in the team calendar's zone, defaulting to now: the rep usually
 * sets it as the lead arrives. A date in the future, or one that is not a date, is refused with
 * a message; what was typed is kept.
 */
export function HandoffDateForm({ timeZone, now, onSave }: Props) {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(() => DateTime.fromMillis(now, { zone }).toFormat("yyyy-LL-dd'T'HH:mm"));
  const [error, setError] = useState<string | undefined>();

  if (!open)
    return (
      <button type="button" className="small" data-testid="set-handoff" onClick={() => setOpen(true)}>
        Set handoff date…
      </button>
    );

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const at = DateTime.fromISO(value, { zone });
    if (!at.isValid) return setError('Handoff date: enter a date and time.');
    if (at.toMillis() > now + 60_000) return setError('Handoff date: cannot be in the future.');
    setError(undefined);
    try {
      await onSave(at.toUTC().toISO() ?? '');
      setOpen(false);
    } catch (failure) {
      setError(`Handoff date: not saved (${(failure as Error).message}).`);
    }
  };

  return (
    <form className="row" onSubmit={submit} data-testid="handoff-form">
      <label>
        Handed over at ({zone}){' '}
        <input
          type="datetime-local"
          data-testid="handoff-input"
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </label>
      <button type="submit">Save</button>
      <button type="button" className="link small" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
