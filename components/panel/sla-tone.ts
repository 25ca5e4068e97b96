import type { SlaResult, SlaStateName } from '@/lib/core';
import { describeSla } from '@/lib/core';
import type { Lead } from '@/lib/model/schemas';
import { hasNoHandoffDate } from '@/lib/queue/groups';
import type { IconName } from '../shared/StatusIcon';

export type SlaTone = { tone: 'ok' | 'warn' | 'bad' | 'muted'; word: string; icon: IconName };

/** Colour is never the only signal: each tone also has a word and an icon. */
const TONE: Record<SlaStateName, SlaTone> = {
  not_started: { tone: 'muted', word: 'Not started', icon: 'pause' },
  first_attempt_due: { tone: 'warn', word: 'Due', icon: 'clock' },
  first_attempt_breached: { tone: 'bad', word: 'Breached', icon: 'cross' },
  cadence_on_track: { tone: 'ok', word: 'On track', icon: 'check' },
  cadence_behind: { tone: 'warn', word: 'Behind', icon: 'alert' },
  cadence_breached: { tone: 'bad', word: 'Breached', icon: 'cross' },
  cadence_complete: { tone: 'ok', word: 'Complete', icon: 'check' },
  closed: { tone: 'muted', word: 'Closed', icon: 'dot' },
};

/** No handoff date: no clock at all, which is neither good news nor a breach. Never green. */
const NO_HANDOFF: SlaTone = { tone: 'muted', word: 'No clock', icon: 'pause' };

type SlaLead = Pick<Lead, 'stage' | 'mqlAt'>;

export function slaTone(sla: SlaResult, lead: SlaLead): SlaTone {
  return hasNoHandoffDate(lead, sla) ? NO_HANDOFF : TONE[sla.state];
}

export const NO_HANDOFF_WORDS = 'No handoff date — set one';

/** The SLA in a rep's words, with the lead's missing handoff date said as such. */
export function slaWords(sla: SlaResult, lead: SlaLead, now: number, timeZone: string): string {
  if (hasNoHandoffDate(lead, sla)) return NO_HANDOFF_WORDS;
  if (sla.state === 'not_started' && lead.stage === 'lead') return 'SLA not started: not handed over yet';
  return describeSla(sla, now, timeZone);
}
