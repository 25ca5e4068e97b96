import { useState } from 'react';
import { EXPORT_KINDS, EXPORT_LABELS, type ExportKind } from '@/lib/data/export/exports';
import { formatCount } from '@/lib/format/numbers';
import { readLocalSettings } from '@/lib/settings/item';
import { messageOf, saveBlob, type WorkerProps } from './shared';

/** The CSV exports of the logged records, and the full backup (JSON) with this browser's settings. */
export function ExportPanel({ getWorker }: WorkerProps) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (kind: ExportKind | 'backup') => {
    setBusy(true);
    setStatus({ text: 'Preparing…' });
    try {
      // The backup carries this browser's own settings; the worker cannot read extension storage.
      const settings = kind === 'backup' ? await readLocalSettings() : undefined;
      const reply = await getWorker().call({ op: 'export', kind, settings }, 'exported');
      saveBlob(reply.blob, reply.fileName);
      setStatus({ text: `${reply.fileName}: ${formatCount(reply.count)} records.` });
    } catch (error) {
      setStatus({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="data-block">
      <h3>Export</h3>
      <p className="muted small">
        CSV files open safely in a spreadsheet (cells that would run as formulas are prefixed with '). The
        backup holds every lead, touch, asset and record of this browser's workspace, and this browser's
        settings, as JSON (an administrator's managed values are not in it; the CRM connection is not either).
      </p>
      <div className="row">
        {EXPORT_KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            data-testid={`export-${kind}`}
            disabled={busy}
            onClick={() => void run(kind)}
          >
            {EXPORT_LABELS[kind]}
          </button>
        ))}
        <button type="button" data-testid="export-backup" disabled={busy} onClick={() => void run('backup')}>
          Full backup (JSON)
        </button>
      </div>
      {status && (
        <p
          data-testid="export-status"
          role={status.error ? 'alert' : 'status'}
          className={status.error ? 'error' : 'muted'}
        >
          {status.text}
        </p>
      )}
    </div>
  );
}
