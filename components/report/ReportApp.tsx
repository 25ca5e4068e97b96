import { useEffect, useMemo, useState } from 'react';
import { messenger, request } from '@/lib/messaging/messenger';
import { reportView } from '@/lib/report/compute';
import { customPeriod, periodFromInstants, presetPeriod, type ReportPeriod } from '@/lib/report/period';
import { assetsSentCsv, contentRequestsCsv, figuresCsv, reportJson } from '@/lib/report/report-export';
import { progressShare, ReportProgress } from '@/lib/report/report-progress';
import type { ReportAnswer } from '@/lib/report/report-schema';
import { formatReportLink, parseReportLink } from '@/lib/report/report-url';
import { readSettings } from '@/lib/settings/item';
import type { Settings } from '@/lib/settings/schema';
import { downloadText } from './download';
import { readReportAnswer } from './early-read';
import { FigureGroups } from './FigureGroups';
import { type PeriodChoice, PeriodPicker } from './PeriodPicker';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'ready'; answer: ReportAnswer };

function periodOf(choice: PeriodChoice, settings: Settings, now: number): ReportPeriod {
  return choice.preset === 'custom'
    ? customPeriod(choice.firstDay, choice.lastDay, settings.calendar)
    : presetPeriod(choice.preset, settings.calendar, now);
}

/** The weekly sales–marketing report (issue #15; definitions in docs/architecture.md "Report"). */
export function ReportApp() {
  const [settings, setSettings] = useState<Settings>();
  const [choice, setChoice] = useState<PeriodChoice>({ preset: 'last_week' });
  const [owner, setOwner] = useState<string | undefined>();
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  // The period presets' "today": outcomes are judged at the background's own `now`.
  const [now] = useState(() => Date.now());
  const [progress, setProgress] = useState<ReportProgress>();
  /** Bumped by Refresh: the source forgets the period and the page reads it again. */
  const [reads, setReads] = useState(0);

  // A link's ?from=&to=&owner= gives the view back.
  useEffect(() => {
    void readSettings().then((read) => {
      const link = parseReportLink(window.location.search);
      if (link.from && link.to) {
        try {
          const p = periodFromInstants(Date.parse(link.from), Date.parse(link.to), read.calendar);
          setChoice({ preset: 'custom', firstDay: p.firstDay, lastDay: p.lastDay });
        } catch {
          // Not whole local days: keep the default period.
        }
      }
      if (link.owner) setOwner(link.owner);
      setSettings(read);
    });
  }, []);

  const period = useMemo(() => {
    if (!settings) return undefined;
    try {
      return periodOf(choice, settings, now);
    } catch {
      return undefined;
    }
  }, [choice, settings, now]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `reads` is the Refresh button's: a new read of the same period
  useEffect(() => {
    if (!period) return;
    let live = true;
    setLoad({ state: 'loading' });
    setProgress(undefined);
    // HubSpot's read takes paced requests: the background says how far it has come.
    const off = messenger.onMessage('reportProgress', ({ data }) => {
      const parsed = ReportProgress.safeParse(data);
      if (live && parsed.success && parsed.data.from === period.from && parsed.data.to === period.to)
        setProgress(parsed.data);
    });
    readReportAnswer({ from: period.from, to: period.to })
      .then((answer) => live && setLoad({ state: 'ready', answer }))
      .catch(
        (error: unknown) =>
          live && setLoad({ state: 'error', message: String((error as Error)?.message ?? error) }),
      );
    return () => {
      live = false;
      off();
    };
  }, [period, reads]);

  const refresh = () => {
    if (!period) return;
    void request('refreshReportData', { from: period.from, to: period.to })
      .catch(() => undefined)
      .then(() => setReads((n) => n + 1));
  };

  // The background computed every view of the period: picking a rep reads nothing again.
  const report = useMemo(
    () => (load.state === 'ready' ? reportView(load.answer.views, owner) : undefined),
    [load, owner],
  );

  useEffect(() => {
    if (report) performance.mark('report:shown');
  }, [report]);

  const owners = useMemo(
    () => (load.state === 'ready' ? load.answer.views.everyRep.map((rep) => rep.owner).sort() : []),
    [load],
  );

  // A new owner keeps the period's answer; the address says which view is on screen.
  useEffect(() => {
    if (period) history.replaceState(null, '', formatReportLink({ from: period.from, to: period.to, owner }));
  }, [period, owner]);

  if (!settings) return <p>Loading settings…</p>;
  const stamp = period ? `${period.firstDay}_${period.lastDay}` : 'report';

  return (
    <main className="report">
      <header className="report-header">
        <h1>Weekly sales–marketing report</h1>
        <div className="report-controls no-print">
          <PeriodPicker choice={choice} onChange={setChoice} timeZone={settings.calendar.timeZone} />
          <label>
            Rep{' '}
            <select value={owner ?? ''} onChange={(e) => setOwner(e.currentTarget.value || undefined)}>
              <option value="">Whole team</option>
              {owners.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </select>
          </label>
          {report && (
            <span className="report-exports">
              <button
                type="button"
                onClick={() => downloadText(`baton-report-${stamp}.csv`, figuresCsv(report), 'text/csv')}
              >
                Figures CSV
              </button>
              <button
                type="button"
                onClick={() => downloadText(`baton-assets-${stamp}.csv`, assetsSentCsv(report), 'text/csv')}
              >
                Assets CSV
              </button>
              <button
                type="button"
                onClick={() =>
                  downloadText(`baton-content-requests-${stamp}.csv`, contentRequestsCsv(report), 'text/csv')
                }
              >
                Requests CSV
              </button>
              <button
                type="button"
                onClick={() =>
                  downloadText(`baton-report-${stamp}.json`, reportJson(report), 'application/json')
                }
              >
                JSON
              </button>
              <button type="button" onClick={() => window.print()}>
                Print
              </button>
              <button type="button" data-testid="report-refresh" onClick={refresh}>
                Refresh
              </button>
            </span>
          )}
        </div>
        {period ? (
          <p
            data-testid="report-period"
            data-from={new Date(period.from).toISOString()}
            data-to={new Date(period.to).toISOString()}
          >
            {period.firstDay} – {period.lastDay} ({period.timeZone}){owner ? ` · ${owner}` : ' · whole team'}
          </p>
        ) : (
          <p role="alert">The dates do not make a period: the last day must not be before the first.</p>
        )}
      </header>

      {load.state === 'loading' && (
        <p aria-live="polite">
          Reading the figures…
          {progress && (
            <>
              {' '}
              <progress
                data-testid="report-progress"
                data-value={progressShare(progress)}
                max={1}
                value={progressShare(progress)}
                aria-label="Reading the report"
              />{' '}
              {progress.label} ({progress.done} of {progress.total}, step {progress.step} of {progress.steps})
            </>
          )}
        </p>
      )}
      {load.state === 'error' && <p role="alert">{load.message}</p>}
      {load.state === 'ready' && load.answer.blindSpots.length > 0 && (
        <aside className="report-blind-spots">
          <h2>What these figures cannot see</h2>
          <ul>
            {load.answer.blindSpots.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </aside>
      )}

      {report && (
        <>
          <FigureGroups figures={report.total} charts />

          <section className="report-requests">
            <table className="report-table">
              <caption>Content requests, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Asked for</th>
                  <th scope="col">Lead</th>
                  <th scope="col">Rep</th>
                </tr>
              </thead>
              <tbody>
                {report.total.content.requests.map((r) => (
                  <tr key={`${r.leadId}-${r.at}-${r.text}`}>
                    <td>{new Date(r.at).toLocaleString()}</td>
                    <td>{r.text}</td>
                    <td>{r.leadName}</td>
                    <td>{r.owner}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>

          <h2>By rep</h2>
          {report.reps.map((rep) => (
            <section key={rep.owner} className="report-rep" data-testid="report-rep" data-owner={rep.owner}>
              <h3>{rep.owner}</h3>
              <FigureGroups figures={rep.figures} charts={false} />
            </section>
          ))}
        </>
      )}
    </main>
  );
}
