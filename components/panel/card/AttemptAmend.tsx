import { useState } from 'react';
import { relativeTime } from '@/lib/format/relative-time';
import { ATTEMPT_OUTCOMES, type Attempt, type AttemptOutcome } from '@/lib/model/schemas';
import { CHANNEL_LABEL, OUTCOME_LABEL } from './attempt-defaults';

type Props = {
  attempt: Attempt;
  now: number;
  onAmend: (attempt: Attempt) => void;
};

/**
 * The outcome chips and note of the attempt just logged. Its parent keys it by attempt, so each
 * new attempt starts clean: no outcome picked (the attempt keeps its channel's default, e.g. "No
 * answer", until the rep picks one) and an empty note, whatever was chosen for the one before.
 */
export function AttemptAmend({ attempt, now, onAmend }: Props) {
  const [picked, setPicked] = useState<AttemptOutcome | undefined>();
  const [note, setNote] = useState('');
  return (
    <fieldset className="amend" data-testid="attempt-amend" data-attempt-id={attempt.id}>
      <legend className="small">
        {CHANNEL_LABEL[attempt.channel]} logged {relativeTime(Date.parse(attempt.at), now)}: outcome
        {picked === undefined && (
          <span className="muted"> (saved as “{OUTCOME_LABEL[attempt.outcome]}” until you pick)</span>
        )}
      </legend>
      <div className="row" role="radiogroup" aria-label="Outcome">
        {ATTEMPT_OUTCOMES.map((outcome: AttemptOutcome) => (
          // biome-ignore lint/a11y/useSemanticElements: a row of toggle chips reads better than radio inputs here
          <button
            key={outcome}
            type="button"
            role="radio"
            aria-checked={picked === outcome}
            className={picked === outcome ? 'chip selected' : 'chip'}
            data-testid={`outcome-${outcome}`}
            onClick={() => {
              setPicked(outcome);
              onAmend({ ...attempt, outcome });
            }}
          >
            {OUTCOME_LABEL[outcome]}
          </button>
        ))}
      </div>
      <form
        className="row"
        onSubmit={(event) => {
          event.preventDefault();
          onAmend({ ...attempt, note: note.trim() || undefined });
        }}
      >
        <label htmlFor="attempt-note" className="sr-only">
          Note
        </label>
        <input
          id="attempt-note"
          data-testid="attempt-note"
          className="grow"
          placeholder="Note (optional)"
          maxLength={5000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit">Save note</button>
      </form>
    </fieldset>
  );
}
