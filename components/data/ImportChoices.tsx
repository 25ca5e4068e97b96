import { useEffect, useRef, useState } from 'react';
import type { ImportKind } from '@/lib/data/import/fields';
import type { ImportPreview } from '@/lib/data/import/preview';
import { proposeStatusStages, type StatusStages } from '@/lib/data/import/status-values';
import type { DataWorker } from '@/lib/data/worker-client';
import { formatCount, plural } from '@/lib/format/numbers';
import { LEAD_STAGES, type LeadStage } from '@/lib/model/schemas';

/**
 * What the mapping screen asks beside the columns, from a preview of the whole file: what each
 * status value means, and which date column gives MQLs their handoff (the SLA clock's start).
 */

const STAGE_LABELS: Record<LeadStage, string> = {
  lead: 'Lead',
  mql: 'MQL (sales works it)',
  sql: 'SQL (accepted)',
  recycled: 'Recycled (nurture)',
  disqualified: 'Disqualified',
  customer: 'Customer',
};

export type PreviewState = { preview: ImportPreview | null; pending: boolean; error: string | null };

/**
 * The file previewed with the current mapping and status meanings, again after each change (a
 * moment after, so choosing in a select does not start a read of the whole file per keystroke).
 */
export function usePreview(
  getWorker: () => DataWorker,
  file: File,
  kind: ImportKind,
  mapping: ReadonlyArray<string | null>,
  statusStages: StatusStages,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ preview: null, pending: true, error: null });
  // The page makes a new getter each render; the worker behind it is the same.
  const worker = useRef(getWorker);
  worker.current = getWorker;
  const key = JSON.stringify([kind, mapping, statusStages]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for kind, mapping and stages.
  useEffect(() => {
    let live = true;
    setState((current) => ({ ...current, pending: true }));
    const timer = setTimeout(() => {
      worker
        .current()
        .call(
          { op: 'preview', file, fileName: file.name, kind, mapping: [...mapping], statusStages },
          'previewed',
        )
        .then(
          ({ preview }) => live && setState({ preview, pending: false, error: null }),
          (error: unknown) =>
            live &&
            setState((current) => ({
              ...current,
              pending: false,
              error: error instanceof Error ? error.message : String(error),
            })),
        );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, file]);
  return state;
}

/** The meanings used: Baton's proposal for each value in the file, with the user's choices over it. */
export function statusMeanings(preview: ImportPreview | null, chosen: StatusStages): StatusStages {
  return { ...proposeStatusStages(preview?.statusValues.map((entry) => entry.value) ?? []), ...chosen };
}

export function StatusValues(props: {
  preview: ImportPreview;
  meanings: StatusStages;
  onChange: (value: string, stage: LeadStage | null) => void;
}) {
  const { preview, meanings } = props;
  if (preview.statusValues.length === 0) return null;
  return (
    <div data-testid="import-status-values" className="data-choice">
      <h4>What each lead status means</h4>
      <p className="muted small">
        Statuses that close a lead (SQL, recycled, disqualified) win over the lifecycle stage; open ones (MQL,
        lead) apply when the row has no lifecycle stage. "Keep the stage" leaves it to the lifecycle stage or
        what Baton has.
      </p>
      <div className="data-table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Status in the file</th>
              <th scope="col">Rows</th>
              <th scope="col">Baton stage</th>
            </tr>
          </thead>
          <tbody>
            {preview.statusValues.map((entry, index) => (
              <tr key={entry.value}>
                <th scope="row">{entry.value}</th>
                <td>{formatCount(entry.rows)}</td>
                <td>
                  <select
                    aria-label={`Status "${entry.value}" means`}
                    data-testid={`import-status-${index}`}
                    value={meanings[entry.value] ?? ''}
                    onChange={(event) =>
                      props.onChange(entry.value, (event.target.value || null) as LeadStage | null)
                    }
                  >
                    <option value="">— keep the stage —</option>
                    {LEAD_STAGES.map((stage) => (
                      <option key={stage} value={stage}>
                        {STAGE_LABELS[stage]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {preview.statusValuesOmitted > 0 && (
        <p className="muted small">
          {formatCount(preview.statusValuesOmitted)} rows have other values, read as Baton proposes.
        </p>
      )}
    </div>
  );
}

export function HandoffChoice(props: {
  preview: ImportPreview;
  headers: readonly string[];
  mapping: ReadonlyArray<string | null>;
  onChoose: (column: number | null) => void;
}) {
  const { preview, headers, mapping } = props;
  if (preview.mqls === 0) return null;
  const chosen = mapping.indexOf('handoffAt');
  const withDate = preview.mqls - preview.mqlsWithoutMqlDate;
  return (
    <div data-testid="import-handoff" className="data-choice">
      <h4>When each MQL was handed over</h4>
      <p data-testid="import-handoff-summary" role="status">
        {plural(preview.mqls, 'MQL')} in this file
        {withDate > 0 ? `, ${formatCount(withDate)} with an MQL date` : ''}.{' '}
        {preview.mqlsWithoutHandoff === 0
          ? 'Every MQL gets a handoff date: its SLA clock starts then.'
          : `${formatCount(preview.mqlsWithoutHandoff)} would have no handoff date, so their SLA clock would not start.`}
      </p>
      {preview.handoffColumns.length > 0 && (
        <label className="row">
          For MQLs with no MQL date, take the handoff from{' '}
          <select
            data-testid="import-handoff-column"
            value={chosen < 0 ? '' : String(chosen)}
            onChange={(event) =>
              props.onChoose(event.target.value === '' ? null : Number(event.target.value))
            }
          >
            <option value="">— no column (no clock) —</option>
            {preview.handoffColumns.map(({ column, covers }) => (
              <option key={column} value={String(column)}>
                {headers[column]} (gives {formatCount(covers)} of them a date)
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
