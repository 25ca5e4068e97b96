import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useEffect, useId, useRef, useState } from 'react';
import { EXPORT_KINDS, EXPORT_LABELS, type ExportKind } from '@/lib/data/export/exports';
import {
  checkMapping,
  IMPORT_KINDS,
  type ImportKind,
  proposeMapping,
  rememberMapping,
  TARGETS,
} from '@/lib/data/import/fields';
import { reportToCsv } from '@/lib/data/import/import-report';
import {
  readRememberedMapping,
  readRememberedStatusStages,
  saveRememberedMapping,
  saveRememberedStatusStages,
} from '@/lib/data/import/mapping-store';
import type { Inspection } from '@/lib/data/import/read';
import type { ImportProgress, ImportResult } from '@/lib/data/import/result';
import type { StatusStages } from '@/lib/data/import/status-values';
import { DataWorker } from '@/lib/data/worker-client';
import { formatElapsed } from '@/lib/format/duration';
import { formatBytes, formatCount, plural } from '@/lib/format/numbers';
import { request } from '@/lib/messaging/messenger';
import { readLocalSettings, replaceLocalSettings } from '@/lib/settings/item';
import { HandoffChoice, StatusValues, statusMeanings, usePreview } from './ImportChoices';
import './data.css';

const KIND_LABELS: Record<ImportKind, string> = {
  leads: 'Leads',
  touches: 'Touches (content consumed)',
  attempts: 'Attempts (calls, emails, LinkedIn, voicemails)',
  handbacks: 'Hand-backs (accepted, recycled, disqualified)',
  assets: 'Assets (content library)',
};

type Inspected = Extract<Inspection, { ok: true }>;
type ImportState =
  | { step: 'idle' }
  | { step: 'inspecting'; file: File }
  | {
      step: 'mapping';
      file: File;
      inspection: Inspected;
      mapping: Array<string | null>;
      /** The user's choices of what status values mean (Baton's proposals fill the rest). */
      statusChoices: StatusStages;
    }
  | { step: 'running'; file: File; progress: ImportProgress | null; cancelling: boolean }
  | { step: 'finished'; file: File; result: ImportResult }
  | { step: 'failed'; message: string };

/** The options page's "Import and export" section: import with mapping and progress, exports, backup. */
export function DataSection() {
  const worker = useRef<DataWorker | null>(null);
  const getWorker = () => {
    worker.current ??= new DataWorker();
    return worker.current;
  };
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );
  return (
    <section aria-label="Import and export" className="data-section">
      <h2>Import and export</h2>
      <ImportPanel getWorker={getWorker} />
      <ExportPanel getWorker={getWorker} />
      <RestorePanel getWorker={getWorker} />
    </section>
  );
}

type WorkerProps = { getWorker: () => DataWorker };

/** Tells the background (panels refresh, badge and reminders catch up) and the counts above. */
function useAfterWrite() {
  const client = useQueryClient();
  return (kind: ImportKind | 'backup') => {
    request('dataImported', { kind }).catch(() => {});
    void client.invalidateQueries({ queryKey: ['counts'] });
  };
}

function ImportPanel({ getWorker }: WorkerProps) {
  const [kind, setKind] = useState<ImportKind>('leads');
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [fileKey, setFileKey] = useState(0);
  const afterWrite = useAfterWrite();
  const kindId = useId();

  const propose = async (forKind: ImportKind, inspection: Inspected) =>
    proposeMapping(
      forKind,
      inspection.headers,
      await readRememberedMapping(forKind).catch(() => ({})),
      inspection.samples,
    );

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setState({ step: 'inspecting', file });
    try {
      const { inspection } = await getWorker().call(
        { op: 'inspect', file, fileName: file.name },
        'inspected',
      );
      if (!inspection.ok) {
        setState({ step: 'failed', message: inspection.message });
        return;
      }
      setState({
        step: 'mapping',
        file,
        inspection,
        mapping: await propose(kind, inspection),
        // Earlier files' choices for status values, offered again (Baton's proposals fill the rest).
        statusChoices: await readRememberedStatusStages().catch(() => ({})),
      });
    } catch (error) {
      setState({ step: 'failed', message: messageOf(error) });
    }
  };

  const onKind = async (next: ImportKind) => {
    setKind(next);
    if (state.step === 'mapping') setState({ ...state, mapping: await propose(next, state.inspection) });
  };

  const start = async (statusStages: StatusStages) => {
    if (state.step !== 'mapping') return;
    const { file, inspection, mapping, statusChoices } = state;
    setState({ step: 'running', file, progress: null, cancelling: false });
    try {
      const previous = await readRememberedMapping(kind).catch(() => ({}));
      await saveRememberedMapping(kind, rememberMapping(previous, inspection.headers, mapping)).catch(
        () => {},
      );
      await saveRememberedStatusStages(statusChoices).catch(() => {});
      const { result } = await getWorker().call(
        { op: 'import', file, fileName: file.name, kind, mapping, statusStages },
        'imported',
        (progress) =>
          setState((current) => (current.step === 'running' ? { ...current, progress } : current)),
      );
      setState({ step: 'finished', file, result });
      if (result.created + result.updated > 0) afterWrite(kind);
    } catch (error) {
      setState({ step: 'failed', message: messageOf(error) });
      // The worker failed mid-import: the chunks it committed stay, so the background must know.
      afterWrite(kind);
    }
  };

  // Closing the page ends the worker mid-import; the chunks it committed stay, so tell the background.
  const running = state.step === 'running';
  useEffect(() => {
    if (!running) return;
    const onHide = () => afterWrite(kind);
    window.addEventListener('pagehide', onHide);
    return () => window.removeEventListener('pagehide', onHide);
  }, [running, kind, afterWrite]);

  const cancel = () => {
    getWorker().cancel();
    setState((current) => (current.step === 'running' ? { ...current, cancelling: true } : current));
  };

  const reset = () => {
    setState({ step: 'idle' });
    setFileKey((key) => key + 1);
  };

  const busy = state.step === 'inspecting' || state.step === 'running';
  return (
    <div className="data-block">
      <h3>Import</h3>
      <p className="muted small">
        CSV (comma, semicolon or tab) or JSON, up to hundreds of thousands of rows. HubSpot and Salesforce
        export headers are recognised (attempts: HubSpot's calls export, Salesforce's Task report; import the
        leads first); re-importing a file updates the same records (leads matched by CRM id or email), it
        never duplicates them. An id a spreadsheet mangled (1.1E+11) is never used to match, and a row whose
        email belongs to a lead of another name is kept apart and reported.
      </p>
      <div className="row data-pick">
        <label htmlFor={kindId}>What the file holds</label>
        <select
          id={kindId}
          data-testid="import-kind"
          value={kind}
          disabled={busy}
          onChange={(event) => void onKind(event.target.value as ImportKind)}
        >
          {IMPORT_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>
        <input
          key={fileKey}
          type="file"
          aria-label="Choose a CSV or JSON file to import"
          accept=".csv,.tsv,.txt,.json,text/csv,application/json"
          data-testid="import-file"
          disabled={busy}
          onChange={(event) => void onFile(event)}
        />
      </div>
      {state.step === 'inspecting' && <p role="status">Reading {state.file.name}…</p>}
      {state.step === 'failed' && (
        <div className="data-result" data-testid="import-result">
          <p className="error" role="alert">
            {state.message}
          </p>
          <button type="button" onClick={reset}>
            Choose another file
          </button>
        </div>
      )}
      {state.step === 'mapping' && (
        <MappingEditor
          getWorker={getWorker}
          kind={kind}
          file={state.file}
          inspection={state.inspection}
          mapping={state.mapping}
          statusChoices={state.statusChoices}
          onChange={(mapping) => setState({ ...state, mapping })}
          onStatusChoices={(statusChoices) => setState({ ...state, statusChoices })}
          onStart={(statusStages) => void start(statusStages)}
          onCancel={reset}
        />
      )}
      {state.step === 'running' && (
        <Progress progress={state.progress} cancelling={state.cancelling} onCancel={cancel} />
      )}
      {state.step === 'finished' && (
        <Result result={state.result} fileName={state.file.name} onAgain={reset} />
      )}
    </div>
  );
}

function MappingEditor(props: {
  getWorker: () => DataWorker;
  kind: ImportKind;
  file: File;
  inspection: Inspected;
  mapping: Array<string | null>;
  statusChoices: StatusStages;
  onChange: (mapping: Array<string | null>) => void;
  onStatusChoices: (choices: StatusStages) => void;
  onStart: (statusStages: StatusStages) => void;
  onCancel: () => void;
}) {
  const { kind, inspection, mapping } = props;
  const problems = checkMapping(kind, inspection.headers, mapping);
  const { preview, pending } = usePreview(props.getWorker, props.file, kind, mapping, props.statusChoices);
  const meanings = statusMeanings(preview, props.statusChoices);
  const set = (index: number, target: string | null) => {
    const next = [...mapping];
    next[index] = target;
    props.onChange(next);
  };
  /** One handoff column at most: choosing one clears the previous choice. */
  const chooseHandoff = (column: number | null) =>
    props.onChange(
      mapping.map((target, index) =>
        index === column ? 'handoffAt' : target === 'handoffAt' ? null : target,
      ),
    );
  return (
    <div data-testid="import-mapping" className="data-mapping">
      <p>
        <strong>{props.file.name}</strong> · {formatBytes(inspection.totalBytes)} ·{' '}
        {inspection.headers.length} columns ·{' '}
        {inspection.format === 'json' ? 'JSON' : `CSV, ${inspection.encoding.toUpperCase()}`}
      </p>
      {inspection.notes.length > 0 && (
        <ul className="data-notes" data-testid="import-notes">
          {inspection.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      <p className="muted small">
        Check what each column means. Empty cells keep what Baton already has; dates without a time zone are
        read as UTC. Your choices are remembered for the next file with these headers.
      </p>
      <div className="data-table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Example</th>
              <th scope="col">Filled</th>
              <th scope="col">Import as</th>
            </tr>
          </thead>
          <tbody>
            {inspection.headers.map((header, index) => (
              <tr key={header}>
                <th scope="row">{header}</th>
                <td className="muted data-example">{example(inspection.samples, index)}</td>
                <td className="muted small" data-testid={`import-filled-${index}`}>
                  {preview
                    ? `${formatCount(preview.filled[index] ?? 0)} of ${formatCount(preview.rows)}`
                    : '…'}
                </td>
                <td>
                  <select
                    aria-label={`Import "${header}" as`}
                    data-testid={`import-map-${index}`}
                    value={mapping[index] ?? ''}
                    onChange={(event) => set(index, event.target.value || null)}
                  >
                    <option value="">— ignore —</option>
                    {TARGETS[kind].map((target) => (
                      <option key={target.key} value={target.key}>
                        {target.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {kind === 'leads' && preview && (
        <>
          <StatusValues
            preview={preview}
            meanings={meanings}
            onChange={(value, stage) => props.onStatusChoices({ ...props.statusChoices, [value]: stage })}
          />
          <HandoffChoice
            preview={preview}
            headers={inspection.headers}
            mapping={mapping}
            onChoose={chooseHandoff}
          />
        </>
      )}
      {pending && (
        <p className="muted small" data-testid="import-preview-pending">
          Reading the whole file to count what the import would do…
        </p>
      )}
      {problems.length > 0 && (
        <ul className="error" role="alert" data-testid="import-mapping-problems">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="import-start"
          disabled={problems.length > 0}
          onClick={() => props.onStart(meanings)}
        >
          Import {KIND_LABELS[kind].split(' ')[0]?.toLowerCase()}
        </button>
        <button type="button" onClick={props.onCancel}>
          Choose another file
        </button>
      </div>
    </div>
  );
}

function Progress(props: { progress: ImportProgress | null; cancelling: boolean; onCancel: () => void }) {
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

function Result(props: { result: ImportResult; fileName: string; onAgain: () => void }) {
  const { result } = props;
  const problems = result.report;
  const shown = problems.slice(0, 50);
  const download = () =>
    saveBlob(
      new Blob(['\uFEFF', reportToCsv(problems, result.reportOmitted)], { type: 'text/csv;charset=utf-8' }),
      `${props.fileName.replace(/\.[^.]+$/, '')}-import-report.csv`,
    );
  return (
    <div className="data-result">
      <p
        data-testid="import-result"
        data-status={result.status}
        data-timings={`read ${Math.round(result.timings.readMs)} ms, convert ${Math.round(result.timings.convertMs)} ms, write ${Math.round(result.timings.writeMs)} ms (lookups ${Math.round(result.timings.lookupMs)} ms)`}
        role={result.status === 'failed' ? 'alert' : 'status'}
        className={result.status === 'failed' ? 'error' : undefined}
      >
        {result.message} <span className="muted small">({formatElapsed(result.elapsedMs)})</span>
      </p>
      {problems.length > 0 && (
        <div data-testid="import-report">
          <p>
            {plural(result.rejected, 'row')} skipped, {plural(result.warnings, 'warning')}
            {problems.length > shown.length
              ? ` — the first ${shown.length} of ${formatCount(problems.length + result.reportOmitted)} are listed`
              : ''}
            . Row numbers count the header as row 1, as a spreadsheet does.
          </p>
          <div className="data-table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((entry) => (
                  <tr
                    key={`${entry.row}|${entry.column}|${entry.reason}`}
                    className={entry.severity === 'rejected' ? 'data-rejected' : 'data-warning'}
                  >
                    <td>{entry.row === 0 ? 'file' : entry.row}</td>
                    <td>{entry.column}</td>
                    <td>
                      {entry.severity === 'rejected' ? 'Skipped: ' : 'Kept: '}
                      {entry.reason}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="button" data-testid="import-report-download" onClick={download}>
            Download the report (CSV)
          </button>
        </div>
      )}
      <button type="button" onClick={props.onAgain}>
        Import another file
      </button>
    </div>
  );
}

function ExportPanel({ getWorker }: WorkerProps) {
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

function RestorePanel({ getWorker }: WorkerProps) {
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

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function example(samples: readonly string[][], column: number): string {
  const value = samples.map((row) => row[column] ?? '').find((cell) => cell.trim() !== '') ?? '';
  const line = value.replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
