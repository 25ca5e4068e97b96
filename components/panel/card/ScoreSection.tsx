import { useId, useState } from 'react';
import { CRM_SCORE_LABEL, type ScoreResult } from '@/lib/core';

/** Whole points, as the score itself is: "+26", "−3", and "+<1" for a trace of engagement. */
export function formatPoints(points: number): string {
  const whole = Math.round(points);
  if (whole === 0) return points > 0 ? '+<1' : points < 0 ? '−<1' : '0';
  return whole > 0 ? `+${whole}` : `−${Math.abs(whole)}`;
}

/** `crmScoreLabel`: what the CRM calls its score ("HubSpot: Combined score"); the chip says whose it is. */
export function ScoreSection({ score, crmScoreLabel }: { score: ScoreResult; crmScoreLabel?: string }) {
  const [open, setOpen] = useState(false);
  const explanationId = useId();
  const parts = [
    { part: 'fit' as const, label: 'Fit', points: score.fit },
    { part: 'engagement' as const, label: 'Engagement', points: score.engagement },
  ];
  return (
    <section aria-label="Score">
      <h2>Score</h2>
      <div className="row">
        <span className={`score band-${score.band}`} data-testid="lead-score">
          {score.total}
        </span>
        <span>
          <strong className={`band-${score.band}`}>{score.band}</strong>
          <span className="muted">
            {' '}
            · fit {score.fit} + engagement {score.engagement}
          </span>
        </span>
        {score.crmScore !== undefined && (
          <span
            className="chip"
            title="The score your CRM computed, not Baton's"
            data-testid="crm-score"
            data-value={score.crmScore}
          >
            {crmScoreLabel ?? CRM_SCORE_LABEL}: {score.crmScore}
          </span>
        )}
        <button
          type="button"
          data-testid="score-toggle"
          aria-expanded={open}
          aria-controls={explanationId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide why' : 'Why?'}
        </button>
      </div>
      {open && (
        <div id={explanationId} data-testid="score-explanation">
          {parts.map(({ part, label, points }) => {
            const reasons = score.reasons.filter((reason) => reason.part === part);
            return (
              <div key={part}>
                <h3 className="small">
                  {label}: {points} of 50
                </h3>
                {reasons.length === 0 ? (
                  <p className="muted">Nothing counted yet.</p>
                ) : (
                  <ul className="plain">
                    {reasons.map((reason) => (
                      <li key={reason.rule + reason.label} className="row spread">
                        <span>{reason.label}</span>
                        <span>{formatPoints(reason.points)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            );
          })}
        </div>
      )}
    </section>
  );
}
