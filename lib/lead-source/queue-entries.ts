import { type ScoreModel, scoreLead } from '../core/score';
import type { QueueEntry } from '../queue/queue-entry';
import type { LeadSource, QueueQuery } from './lead-source';

/** How the queue's entries are asked for: scored by this model, or unscored (the badge needs only the SLA). */
export type QueueEntriesOptions = { scoreModel?: ScoreModel; now: number };

const UNSCORED = { total: 0, band: 'cold' as const };

/**
 * The queue's entries from a source's open leads and their activity (a CRM's way: it has no
 * stored summaries). Unscored, touches are not read at all (ten per lead, a million in a big store).
 */
export async function queueEntriesFromActivity(
  source: Pick<LeadSource, 'listQueue' | 'readActivity'>,
  query: QueueQuery,
  { scoreModel, now }: QueueEntriesOptions,
): Promise<QueueEntry[]> {
  const leads = await source.listQueue(query);
  const activity = await source.readActivity(
    leads.map((lead) => lead.id),
    { touches: scoreModel !== undefined },
  );
  return leads.map((lead) => {
    const { attempts = [], touches = [] } = activity.get(lead.id) ?? {};
    const score = scoreModel ? scoreLead(scoreModel, lead, touches, now) : UNSCORED;
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
