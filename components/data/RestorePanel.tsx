import { type ChangeEvent, useState } from 'react';
import { formatCount } from '@/lib/format/numbers';
import { replaceLocalSettings } from '@/lib/settings/item';
import { messageOf, useAfterWrite, type WorkerProps } from './shared';

/** Restores a backup: after a confirm, it replaces the workspace and the settings, or changes nothing. */
export function RestorePanel({ getWorker }: WorkerProps) {
  const [status, setStatus] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [key, setKey] = useState(0);
  const afterWrite = useAfterWrite();
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    if (
      !window.confirm(
        `Restore ${file.name}? It replaces every lead, touch, asset and logged record in this browser, and its settings, with the backup's.`,
      )
    ) {
      setKey((k) => k + 1);
      return;
    }
    setBusy(true);
    setStatus({ text: 'Checking the backup…' });
    try {
      const { counts, settings } = await getWorker().call({ op: 'restore', file }, 'restored');
      if (settings) await replaceLocalSettings(settings);
      setStatus({
        text: `Restored ${formatCount(counts.leads)} leads, ${formatCount(counts.touches)} touches, ${formatCount(counts.assets)} assets, ${formatCount(counts.attempts)} attempts${
          settings ? ', and the settings' : ' (the backup has no settings; yours are unchanged)'
        }.`,
      });
      afterWrite('backup');
    } catch (error) {
      setStatus({ text: messageOf(error), error: true });
    } finally {
      setBusy(false);
      setKey((k) => k + 1);
    }
  };
  return (
    <div className="data-block">
      <h3>Restore a backup</h3>
      <p className="muted small">
        The backup is checked first; a damaged or foreign file is refused and nothing changes.
      </p>
      <input
        key={key}
        type="file"
        accept=".json,application/json"
        aria-label="Choose a Baton backup to restore"
        data-testid="restore-file"
        disabled={busy}
        onChange={(event) => void onFile(event)}
      />
      {status && (
        <p
          data-testid="restore-result"
          role={status.error ? 'alert' : 'status'}
          className={status.error ? 'error' : undefined}
        >
          {status.text}
        </p>
      )}
    </div>
  );
}
