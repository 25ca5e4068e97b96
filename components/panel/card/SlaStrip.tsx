import { formatWhen, type SlaResult } from '@/lib/core';
import type { Lead } from '@/lib/model/schemas';
import { hasNoHandoffDate } from '@/lib/queue/groups';
import { StatusIcon } from '../../shared/StatusIcon';
import { slaTone, slaWords } from '../sla-tone';
import { HandoffDateForm } from './HandoffDateForm';

type Props = {
  sla: SlaResult;
  lead: Pick<Lead, 'id' | 'stage' | 'mqlAt' | 'handoff'>;
  now: number;
  timeZone: string;
  /** Sets a missing handoff date; absent where the source owns it (a CRM). */
  onSetHandoff?: (mqlAt: string) => Promise<unknown>;
};

/** States whose status line already says how many attempts and when the next is due. */
const SAYS_CADENCE = new Set(['cadence_on_track', 'cadence_behind', 'cadence_breached', 'cadence_complete']);

export function SlaStrip({ sla, lead, now, timeZone, onSetHandoff }: Props) {
  const tone = slaTone(sla, lead);
  const noHandoff = hasNoHandoffDate(lead, sla);
  const due =
    sla.state === 'first_attempt_due' || sla.state === 'first_attempt_breached' ? sla.deadline : undefined;
  const details: React.ReactNode[] = [];
  if (!SAYS_CADENCE.has(sla.state) && sla.state !== 'closed' && !noHandoff)
    details.push(`${sla.attemptsDone} of ${sla.attemptsRequired} attempts`);
  if (due !== undefined)
    details.push(
      <span key="due" data-testid="sla-next-due">
        {due < now ? 'was due' : 'due'} {formatWhen(due, now, timeZone)}
      </span>,
    );
  if (sla.state !== 'closed' && !noHandoff) details.push(`business hours, ${timeZone}`);
  return (
    <section aria-label="SLA" className={`sla tone-${tone.tone}`}>
      <h2>SLA</h2>
      <p className="row">
        <span className={`chip tone-${tone.tone}`} data-testid="sla-chip">
          <StatusIcon name={tone.icon} /> {tone.word}
        </span>
        <span data-testid="sla-status" data-state={sla.state} data-no-handoff={noHandoff ? 'yes' : undefined}>
          {slaWords(sla, lead, now, timeZone)}
        </span>
      </p>
      {lead.handoff && lead.mqlAt && (
        <p className="muted small" data-testid="sla-handoff" data-from={lead.handoff.from}>
          {handoffWords(lead.handoff, Date.parse(lead.mqlAt), now, timeZone)}
        </p>
      )}
      {noHandoff && onSetHandoff && <HandoffDateForm timeZone={timeZone} now={now} onSave={onSetHandoff} />}
      {noHandoff && !onSetHandoff && (
        <p className="muted small">Set the MQL date in the CRM; Baton starts the clock from it.</p>
      )}
      {details.length > 0 && (
        <p className="muted small">
          {details.map((detail, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed, short list of parts
            <span key={index}>
              {index > 0 && ' · '}
              {detail}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}

/** Where the clock started: "Handed to you Tue 10:12, after Jo Teammate". */
export function handoffWords(
  handoff: NonNullable<Lead['handoff']>,
  at: number,
  now: number,
  timeZone: string,
): string {
  const when = formatWhen(at, now, timeZone);
  if (handoff.from === 'owner_assigned')
    return `Handed to you ${when}${handoff.previousOwner ? `, after ${handoff.previousOwner}` : ''}: the clock started then.`;
  if (handoff.from === 'lead_stage') return `Clock started ${when}, when the lead entered its first stage.`;
  if (handoff.from === 'created')
    return `Clock started ${when}, when the record was created (the CRM has no handoff date for it).`;
  return `Clock started ${when}, at the MQL handoff.`;
}
