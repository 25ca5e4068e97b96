import { checkMapping, type ImportKind, TARGETS } from '@/lib/data/import/fields';
import { clip } from '@/lib/data/import/issues';
import type { StatusStages } from '@/lib/data/import/status-values';
import type { DataWorker } from '@/lib/data/worker-client';
import { formatBytes, formatCount } from '@/lib/format/numbers';
import { HandoffChoice, StatusValues, statusMeanings, usePreview } from './ImportChoices';
import { type Inspected, KIND_LABELS } from './shared';

/**
 * What each column of the file is imported as, with an example and how full it is; for leads, what
 * the status values mean and where an MQL's handoff date comes from. Start is offered once the
 * mapping has no problem.
 */
export function MappingEditor(props: {
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

/** The column's first non-empty sample, on one line, cut at 40 characters. */
function example(samples: readonly string[][], column: number): string {
  const value = samples.map((row) => row[column] ?? '').find((cell) => cell.trim() !== '') ?? '';
  return clip(value);
}
