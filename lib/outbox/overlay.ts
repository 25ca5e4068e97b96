import { type Lead, STAGE_AFTER_DISPOSITION } from '../model/schemas';
import type { OutboxEntry } from './entry';

/**
 * The lead as the rep sees it: the CRM's copy with the writes still on their way (pending field
 * updates and hand-backs, in the order they will be sent) applied on top. Failed writes are not
 * applied: the CRM refused them, and the panel lists them with their reason.
 */
export function withPendingWrites(lead: Lead, entries: readonly OutboxEntry[]): Lead {
  let seen = lead;
  for (const entry of entries) {
    if (entry.state !== 'pending' || entry.leadId !== lead.id) continue;
    if (entry.kind === 'updateFields') seen = { ...seen, ...entry.patch };
    else if (entry.kind === 'disposition')
      seen = { ...seen, stage: STAGE_AFTER_DISPOSITION[entry.disposition.kind] };
    else if (entry.kind === 'undoDisposition')
      seen = { ...seen, stage: entry.disposition.previousStage ?? 'mql' };
  }
  return seen;
}
