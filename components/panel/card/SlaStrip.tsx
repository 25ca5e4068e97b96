import { describeSla, formatWhen, type SlaResult, type SlaStateName } from '@/lib/core';

/** Colour is never the only signal: each tone also has a word and a symbol. */
const TONE: Record<SlaStateName, { tone: 'ok' | 'warn' | 'bad' | 'muted'; word: string; symbol: string }> = {
  not_started: { tone: 'muted', word: 'Not started', symbol: '·' },
  first_attempt_due: { tone: 'warn', word: 'Due', symbol: '•' },
  first_attempt_breached: { tone: 'bad', word: 'Breached', symbol: '✕' },
  cadence_on_track: { tone: 'ok', word: 'On track', symbol: '✓' },
  cadence_behind: { tone: 'warn', word: 'Behind', symbol: '!' },
  cadence_breached: { tone: 'bad', word: 'Breached', symbol: '✕' },
  cadence_complete: { tone: 'ok', word: 'Complete', symbol: '✓' },
  closed: { tone: 'muted', word: 'Closed', symbol: '·' },
};

export function SlaStrip({ sla, now, timeZone }: { sla: SlaResult; now: number; timeZone: string }) {
  const tone = TONE[sla.state];
  return (
    <section aria-label="SLA" className={`sla tone-${tone.tone}`}>
      <h2>SLA</h2>
      <p className="row">
        <span className={`chip tone-${tone.tone}`}>
          <span aria-hidden="true">{tone.symbol}</span> {tone.word}
        </span>
        <span data-testid="sla-status" data-state={sla.state}>
          {describeSla(sla, now, timeZone)}
        </span>
      </p>
      <p className="muted small">
        {sla.attemptsDone} of {sla.attemptsRequired} attempts
        {sla.nextDueAt !== undefined && sla.state !== 'closed' && sla.state !== 'cadence_complete' && (
          <>
            {' · '}
            <span data-testid="sla-next-due">next due {formatWhen(sla.nextDueAt, now, timeZone)}</span>
          </>
        )}
        {' · '}business hours, {timeZone}
      </p>
    </section>
  );
}
