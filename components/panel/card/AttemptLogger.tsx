import { useState } from 'react';
import { relativeTime } from '@/lib/format/relative-time';
import type { Attempt } from '@/lib/model/schemas';
import { AttemptAmend } from './AttemptAmend';
import { CHANNEL_LABEL, LOGGABLE_CHANNELS, OUTCOME_LABEL } from './attempt-defaults';

type Props = {
  attempts: Attempt[];
  now: number;
  /** The attempt just logged, whose outcome and note the chips and note box change. */
  latest: Attempt | undefined;
  onLog: (channel: (typeof LOGGABLE_CHANNELS)[number]) => void;
  onAmend: (attempt: Attempt) => void;
  error?: string;
};

/** The newest attempts are what the rep needs; a long history stays one click away (and cheap to re-render). */
const ATTEMPTS_SHOWN = 25;

export function AttemptLogger({ attempts, now, latest, onLog, onAmend, error }: Props) {
  const [showAll, setShowAll] = useState(false);
  return (
    <section aria-label="Log an attempt">
      <h2>Log an attempt</h2>
      <div className="row">
        {LOGGABLE_CHANNELS.map((entry) => (
          <button
            key={entry.channel}
            type="button"
            className="primary"
            data-testid={`log-attempt-${entry.channel}`}
            aria-keyshortcuts={entry.key}
            onClick={() => onLog(entry)}
          >
            {entry.label} <kbd>{entry.key}</kbd>
          </button>
        ))}
      </div>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
      {latest && <AttemptAmend key={latest.id} attempt={latest} now={now} onAmend={onAmend} />}
      <h3 className="small">Attempts</h3>
      {attempts.length === 0 ? (
        <p className="muted">No attempts yet.</p>
      ) : (
        <ul className="plain">
          {(showAll ? attempts : attempts.slice(0, ATTEMPTS_SHOWN)).map((attempt) => (
            <li key={attempt.id} data-testid="attempt-item" data-attempt-id={attempt.id} className="row">
              <span className="grow">
                {CHANNEL_LABEL[attempt.channel]} · {OUTCOME_LABEL[attempt.outcome]}
                {attempt.note && <span className="muted"> — {attempt.note}</span>}
              </span>
              <time
                className="muted small"
                dateTime={attempt.at}
                title={new Date(attempt.at).toLocaleString()}
              >
                {relativeTime(Date.parse(attempt.at), now)}
              </time>
            </li>
          ))}
        </ul>
      )}
      {attempts.length > ATTEMPTS_SHOWN && (
        <button type="button" className="link small" onClick={() => setShowAll((all) => !all)}>
          {showAll ? 'Show the latest only' : `Show all ${attempts.length} attempts`}
        </button>
      )}
    </section>
  );
}
