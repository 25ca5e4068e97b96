import { RECYCLE_REASON_LABELS, RECYCLE_REASONS } from '@/lib/model/schemas';
import type { ReportFigures } from '@/lib/report/compute';
import { SPEED_BANDS } from '@/lib/report/compute';
import { type Figure, figureList, SPEED_BAND_LABELS } from '@/lib/report/figure-list';
import { BarChart } from './BarChart';
import { FigureTable } from './FigureTable';

/** Every figure, grouped as in docs/architecture.md "Report", with a chart where a chart reads faster than a number. */
export function FigureGroups({ figures, charts }: { figures: ReportFigures; charts: boolean }) {
  const list = figureList(figures);
  const groups = new Map<string, Figure[]>();
  for (const f of list) {
    const g = groups.get(f.group);
    if (g) g.push(f);
    else groups.set(f.group, [f]);
  }
  return (
    <div className="report-groups">
      {[...groups.entries()].map(([group, items]) => (
        <section key={group} className="report-group">
          <FigureTable caption={group} figures={items} />
          {charts && group === 'Speed to lead' && (
            <BarChart
              title="Speed to lead, business time from handoff to first attempt"
              data={SPEED_BANDS.map((b) => ({
                label: SPEED_BAND_LABELS[b],
                value: figures.speedToLead.bands[b],
              }))}
            />
          )}
          {charts && group === 'Hand-backs' && (
            <BarChart
              title="Recycled and disqualified leads by reason"
              data={RECYCLE_REASONS.map((r) => ({
                label: RECYCLE_REASON_LABELS[r],
                value: figures.handBacks.reasons[r],
              }))}
            />
          )}
          {charts && group === 'Cohort and first-attempt SLA' && (
            <BarChart
              title="First-attempt SLA"
              data={[
                { label: 'Met', value: figures.firstAttemptSla.met },
                { label: 'Breached', value: figures.firstAttemptSla.breached },
                { label: 'Pending', value: figures.firstAttemptSla.pending },
              ]}
            />
          )}
        </section>
      ))}
    </div>
  );
}
