import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { IMPORT_KINDS, type ImportKind, proposeMapping, rememberMapping } from '@/lib/data/import/fields';
import {
  readRememberedMapping,
  readRememberedStatusStages,
  saveRememberedMapping,
  saveRememberedStatusStages,
} from '@/lib/data/import/mapping-store';
import type { ImportProgress, ImportResult } from '@/lib/data/import/result';
import type { StatusStages } from '@/lib/data/import/status-values';
import { ImportFinished } from './ImportFinished';
import { ImportRunning } from './ImportRunning';
import { MappingEditor } from './MappingEditor';
import { type Inspected, KIND_LABELS, messageOf, useAfterWrite, type WorkerProps } from './shared';

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

/**
 * Import, step by step: choose what the file holds and the file; check the mapping Baton
 * proposes (MappingEditor); watch the progress (ImportRunning); read the result and its report
 * (ImportFinished).
 */
export function ImportPanel({ getWorker }: WorkerProps) {
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
        <ImportRunning progress={state.progress} cancelling={state.cancelling} onCancel={cancel} />
      )}
      {state.step === 'finished' && (
        <ImportFinished result={state.result} fileName={state.file.name} onAgain={reset} />
      )}
    </div>
  );
}
