import { scoreLead } from '../core';
import type { QueueEntry } from '../queue/queue-entry';
import type { Settings } from '../settings/schema';
import type { LeadSource } from '../source/lead-source';

const UNSCORED = { total: 0, band: 'cold' as const };

/**
 * The open leads of the configured owner, with attempts and score: what the queue needs.
 * `scores: false` is for the badge and reminders, which need only the SLA (lead and attempts):
 * touches are not read (ten per lead, a million in a big store), and every score is 0, band cold.
 */
export async function loadQueueEntries(
  source: LeadSource,
  settings: Settings,
  now: number,
  { scores = true }: { scores?: boolean } = {},
): Promise<QueueEntry[]> {
  const leads = await source.listQueue({ owner: settings.owner || undefined, includeSample: true });
  const activity = await source.readActivity(
    leads.map((lead) => lead.id),
    { touches: scores },
  );
  return leads.map((lead) => {
    const { attempts = [], touches = [] } = activity.get(lead.id) ?? {};
    const score = scores ? scoreLead(settings.scoreModel, lead, touches, now) : UNSCORED;
    return {
      lead: {
        id: lead.id,
        name: lead.name,
        company: lead.company,
        emails: lead.emails,
        stage: lead.stage,
        mqlAt: lead.mqlAt,
        handoffScore: lead.handoffScore,
        sample: lead.sample,
        owner: lead.owner,
      },
      attempts: attempts.map(({ leadId, at, outcome }) => ({ leadId, at, outcome })),
      score: score.total,
      band: score.band,
    };
  });
}
