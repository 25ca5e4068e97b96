import { reportToCsv } from '@/lib/data/import/import-report';
import type { ImportResult } from '@/lib/data/import/result';
import { formatElapsed } from '@/lib/format/duration';
import { formatCount, plural } from '@/lib/format/numbers';
import { saveBlob } from './shared';

/** A finished import: its result line, the first rows of its report, and the whole report as CSV. */
export function ImportFinished(props: { result: ImportResult; fileName: string; onAgain: () => void }) {
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
