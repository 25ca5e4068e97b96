import { z } from 'zod';
import { Attempt } from '../model/schemas';

/** Before an undoable action is sent, the undo window passes: an undone action never reaches the CRM. */
export const UNDO_WINDOW_MS = 5_000;

/**
 * One write waiting for the CRM. `id` is the idempotency key (for an attempt: the attempt id,
 * which rides in the engagement). `seq` orders entries; per lead they are sent in that order.
 */
export const OutboxEntry = z.object({
  seq: z.number().int().optional(),
  id: z.string().min(1),
  leadId: z.string().min(1),
  kind: z.enum(['attempt', 'removeAttempt']),
  attempt: Attempt,
  /** Not sent before this instant (the undo window). */
  notBefore: z.number(),
  /** Not retried before this instant (backoff). */
  nextTryAt: z.number(),
  /** Sends started. Counted before each send, so a send cut off by a stopped worker is known to have maybe happened. */
  tries: z.number().int().nonnegative(),
  state: z.enum(['pending', 'failed']),
  lastError: z.string().optional(),
  createdAt: z.number(),
});
export type OutboxEntry = z.infer<typeof OutboxEntry>;

export type OutboxStatus = {
  pending: number;
  failed: number;
  lastError?: string;
  /** Set when HubSpot refused the token: nothing is sent until the user reconnects. */
  pausedReason?: string;
  failedEntries: Array<
    Pick<OutboxEntry, 'id' | 'leadId' | 'kind' | 'lastError'> & { channel: string; at: string }
  >;
};
