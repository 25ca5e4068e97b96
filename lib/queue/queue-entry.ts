import { z } from 'zod';
import { Attempt, Lead } from '../model/schemas';

/**
 * One open lead as the queue needs it: the lead's summary, its attempts (for the SLA clock, which
 * the panel recomputes as time passes) and its score (computed where the touches are: the
 * background). Small on purpose: thousands cross the message channel.
 */
export const QueueEntry = z.object({
  lead: Lead.pick({
    id: true,
    name: true,
    company: true,
    emails: true,
    stage: true,
    mqlAt: true,
    handoffScore: true,
    sample: true,
    owner: true,
  }),
  attempts: z.array(Attempt.pick({ leadId: true, at: true, outcome: true })),
  score: z.number(),
  band: z.enum(['hot', 'warm', 'cold']),
});
export type QueueEntry = z.infer<typeof QueueEntry>;
