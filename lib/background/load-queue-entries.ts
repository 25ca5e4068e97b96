import type { LeadSource } from '../lead-source/lead-source';
import type { QueueEntry } from '../queue/queue-entry';
import type { Settings } from '../settings/schema';

/**
 * The open leads of the configured owner, with attempts and score: what the queue needs.
 * `scores: false` is for the badge and reminders, which need only the SLA: every score is 0, band cold.
 */
export async function loadQueueEntries(
  source: LeadSource,
  settings: Settings,
  now: number,
  { scores = true }: { scores?: boolean } = {},
): Promise<QueueEntry[]> {
  return source.queueEntries(
    { owner: settings.owner || undefined, includeSample: true },
    { scoreModel: scores ? settings.scoreModel : undefined, now },
  );
}
