import { useState } from 'react';
import { type Lead, RECYCLE_REASON_LABELS, RECYCLE_REASONS, type RecycleReason } from '@/lib/model/schemas';

/** What the lead's stage says about its hand-back, in words (never a raw stage code). */
const HANDED_BACK_WORDS: Partial<Record<Lead['stage'], string>> = {
  sql: 'This lead was accepted as SQL.',
  recycled: 'This lead was recycled to nurture.',
  disqualified: 'This lead was disqualified.',
  customer: 'This lead is a customer.',
};

type Props = {
  stage: Lead['stage'];
  blockers: string[];
  onAccept: () => void;
  onRecycle: (kind: 'recycle' | 'disqualify', reason: RecycleReason, text: string | undefined) => void;
};

export function HandBack({ stage, blockers, onAccept, onRecycle }: Props) {
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<'recycle' | 'disqualify'>('recycle');
  const [reason, setReason] = useState<RecycleReason>('bad_timing');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const handedBack = HANDED_BACK_WORDS[stage] !== undefined;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (reason === 'other' && !text.trim()) {
      setError('Say why when the reason is “Other”.');
      return;
    }
    setError(undefined);
    setOpen(false);
    onRecycle(kind, reason, text.trim() || undefined);
  };

  return (
    <section aria-label="Hand-back">
      <h2>Hand-back</h2>
      {handedBack && (
        <p className="muted small" data-testid="handed-back">
          {HANDED_BACK_WORDS[stage]}
        </p>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="accept-sql"
          disabled={blockers.length > 0 || handedBack}
          aria-describedby={blockers.length > 0 ? 'accept-blocked' : undefined}
          onClick={onAccept}
        >
          Accept as SQL
        </button>
        <button
          type="button"
          data-testid="recycle-lead"
          disabled={handedBack}
          onClick={() => setOpen(!open)}
          aria-expanded={open}
        >
          Recycle or disqualify…
        </button>
      </div>
      {blockers.length > 0 && !handedBack && (
        <p id="accept-blocked" className="small">
          To accept, fill in: {blockers.join(', ')}.
        </p>
      )}
      {open && (
        <form onSubmit={submit} className="stack">
          <div className="row" role="radiogroup" aria-label="Hand back as">
            <label>
              <input type="radio" checked={kind === 'recycle'} onChange={() => setKind('recycle')} /> Recycle
              to nurture
            </label>
            <label>
              <input type="radio" checked={kind === 'disqualify'} onChange={() => setKind('disqualify')} />{' '}
              Disqualify
            </label>
          </div>
          <label>
            Reason{' '}
            <select
              data-testid="recycle-reason"
              value={reason}
              onChange={(event) => setReason(event.target.value as RecycleReason)}
            >
              {RECYCLE_REASONS.map((value) => (
                <option key={value} value={value}>
                  {RECYCLE_REASON_LABELS[value]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Details {reason === 'other' ? '(required)' : '(optional)'}
            <input value={text} maxLength={2000} onChange={(event) => setText(event.target.value)} />
          </label>
          {error && (
            <p className="error small" role="alert">
              {error}
            </p>
          )}
          <button type="submit">Hand back</button>
        </form>
      )}
    </section>
  );
}
