import type { ImportProgress } from '@/lib/data/import/result';
import { formatElapsed } from '@/lib/format/duration';
import { formatCount } from '@/lib/format/numbers';

/** An import under way: how far, what was rejected, the time left; cancel keeps what was written. */
export function ImportRunning(props: {
  progress: ImportProgress | null;
  cancelling: boolean;
  onCancel: () => void;
}) {
  const p = props.progress;
  return (
    <div data-testid="import-progress" className="data-progress">
      <progress max={p?.totalBytes ?? 1} value={p?.bytesRead ?? 0} aria-label="Import progress" />
      <p role="status" aria-live="polite">
        {p
          ? `${formatCount(p.created + p.updated)} rows imported · ${formatCount(p.rejected)} rejected · ${
              p.etaMs === null ? 'estimating time left' : `about ${formatElapsed(p.etaMs)} left`
            }`
          : 'Starting…'}
      </p>
      <p className="muted small">
        Cancel stops after the chunk being written: rows written so far are kept, and importing the same file
        again finishes the job without duplicates.
      </p>
      <button type="button" data-testid="import-cancel" disabled={props.cancelling} onClick={props.onCancel}>
        {props.cancelling ? 'Cancelling…' : 'Cancel'}
      </button>
    </div>
  );
}
