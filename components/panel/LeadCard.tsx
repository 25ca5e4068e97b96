import { useMemo } from 'react';
import {
  defaultCalendar,
  defaultQualificationFields,
  defaultScoreModel,
  defaultSlaPolicy,
  describeSla,
  qualify,
  scoreLead,
  slaState,
} from '@/lib/core';
import type { Lead } from '@/lib/model/schemas';
import { useLeadContext } from './queries';
import { useNow } from './useNow';

const STAGE_LABEL: Record<Lead['stage'], string> = {
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  recycled: 'Recycled to nurture',
  disqualified: 'Disqualified',
  customer: 'Customer',
};

/** The card for one lead: who, how hot and why, the SLA, what is missing, what they read. */
export function LeadCard({ lead }: { lead: Lead }) {
  const context = useLeadContext(lead.id);
  const now = useNow(30_000);
  const current = context.data?.lead ?? lead;
  const touches = context.data?.touches ?? [];
  const attempts = context.data?.attempts ?? [];

  const calendar = useMemo(() => defaultCalendar(), []);
  const score = useMemo(() => scoreLead(defaultScoreModel, current, touches, now), [current, touches, now]);
  const sla = useMemo(
    () => slaState(defaultSlaPolicy, calendar, current, attempts, now),
    [calendar, current, attempts, now],
  );
  const qualification = useMemo(() => qualify(defaultQualificationFields, current), [current]);

  return (
    <article>
      <header>
        <h1 data-testid="lead-name">{current.name}</h1>
        <p className="muted">
          {[current.title, current.company].filter(Boolean).join(' · ') || 'No title or company yet'}
        </p>
        <span className="chip" data-testid="lead-stage">
          {STAGE_LABEL[current.stage]}
        </span>
      </header>

      <section aria-label="Score">
        <h2>Score</h2>
        <div className="row">
          <span className={`score band-${score.band}`} data-testid="lead-score">
            {score.total}
          </span>
          <span className="muted">
            {score.band} · fit {score.fit} + engagement {score.engagement}
          </span>
        </div>
      </section>

      <section aria-label="SLA">
        <h2>SLA</h2>
        <p data-testid="sla-status" data-state={sla.state}>
          {describeSla(sla, now, calendar.timeZone)}
        </p>
      </section>

      <section aria-label="Missing qualification fields">
        <h2>Missing</h2>
        {qualification.missing.length === 0 ? (
          <p className="muted">Fully qualified.</p>
        ) : (
          <ul className="plain" data-testid="missing-fields">
            {qualification.missing.map((field) => (
              <li key={field.key} data-testid={`missing-field-${field.key}`}>
                {field.label}
                {field.blocksSql && <span className="muted"> · blocks SQL</span>}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="Content consumed">
        <h2>Content consumed</h2>
        {context.isError && <p className="error">Could not load activity: {context.error.message}</p>}
        {touches.length === 0 && !context.isPending && <p className="muted">No content consumed yet.</p>}
        <ul className="plain">
          {touches.slice(0, 10).map((touch) => (
            <li key={touch.id} data-testid="touch-item">
              <span className="chip">{touch.kind.replace('_', ' ')}</span> {touch.title}{' '}
              <span className="muted">{new Date(touch.at).toLocaleDateString()}</span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
