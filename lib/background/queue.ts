import { scoreLead } from '../core';
import type { QueueEntry } from '../queue/queue-entry';
import type { Settings } from '../settings/schema';
import type { LeadSource } from '../source/lead-source';

/** The open leads of the configured owner, with attempts and score: what the queue and badge need. */
export async function loadQueueEntries(
  source: LeadSource,
  settings: Settings,
  now: number,
): Promise<QueueEntry[]> {
  const leads = await source.listQueue({ owner: settings.owner || undefined, includeSample: true });
  const activity = await source.readActivity(leads.map((lead) => lead.id));
  return leads.map((lead) => {
    const { attempts = [], touches = [] } = activity.get(lead.id) ?? {};
    const score = scoreLead(settings.scoreModel, lead, touches, now);
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
