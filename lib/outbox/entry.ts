import { z } from 'zod';
import {
  AssetSent,
  Attempt,
  ContentRequest,
  Disposition,
  LeadPatch,
  RECYCLE_REASON_LABELS,
} from '../model/schemas';

/** Before an undoable action is sent, the undo window passes: an undone action never reaches the CRM. */
export const UNDO_WINDOW_MS = 5_000;

/**
 * What an entry asks the CRM to do. Each write carries its own id, which is the entry's
 * idempotency key (it rides in the engagement or note the write creates).
 */
export const OutboxWrite = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('attempt'), attempt: Attempt }),
  /** Undo of an attempt that may already be in the CRM. */
  z.object({ kind: z.literal('removeAttempt'), attempt: Attempt }),
  z.object({ kind: z.literal('updateFields'), patch: LeadPatch }),
  z.object({ kind: z.literal('disposition'), disposition: Disposition }),
  /** Undo of a hand-back that may already be in the CRM. */
  z.object({ kind: z.literal('undoDisposition'), disposition: Disposition }),
  z.object({
    kind: z.literal('assetSent'),
    sent: AssetSent,
    /** Copied from the library when the asset was sent, so the note still names it if the asset goes. */
    asset: z.object({ title: z.string(), url: z.string() }).optional(),
  }),
  z.object({ kind: z.literal('contentRequest'), request: ContentRequest }),
]);
export type OutboxWrite = z.infer<typeof OutboxWrite>;
export type OutboxKind = OutboxWrite['kind'];

const EntryState = z.object({
  seq: z.number().int().optional(),
  /** The idempotency key: the attempt, hand-back, asset-sent or request id (prefixed for undos). */
  id: z.string().min(1),
  leadId: z.string().min(1),
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

/** One write waiting for the CRM. `seq` orders entries; per lead they are sent in that order. */
export const OutboxEntry = z.intersection(EntryState, OutboxWrite);
export type OutboxEntry = z.infer<typeof OutboxEntry>;

/** The idempotency key of a write. */
export function writeId(write: OutboxWrite): string {
  switch (write.kind) {
    case 'attempt':
      return write.attempt.id;
    case 'removeAttempt':
      return `remove:${write.attempt.id}`;
    case 'updateFields':
      throw new Error('a field update has no id of its own: give it one when it is queued');
    case 'disposition':
      return write.disposition.id;
    case 'undoDisposition':
      return `undo:${write.disposition.id}`;
    case 'assetSent':
      return write.sent.id;
    case 'contentRequest':
      return write.request.id;
  }
}

const CHANNEL_LABEL: Record<Attempt['channel'], string> = {
  call: 'Call',
  email: 'Email',
  linkedin: 'LinkedIn message',
  voicemail: 'Voicemail',
  meeting: 'Meeting',
};

/** One line naming what a write does, for the failed list in the panel. */
export function describeWrite(write: OutboxWrite): string {
  switch (write.kind) {
    case 'attempt':
      return `${CHANNEL_LABEL[write.attempt.channel]} (${write.attempt.outcome.replace(/_/g, ' ')})`;
    case 'removeAttempt':
      return `Removing a logged ${CHANNEL_LABEL[write.attempt.channel].toLowerCase()}`;
    case 'updateFields':
      return `Fields: ${Object.keys(write.patch).join(', ')}`;
    case 'disposition':
      return write.disposition.kind === 'accept'
        ? 'Accepted as SQL'
        : `${write.disposition.kind === 'recycle' ? 'Recycled' : 'Disqualified'} (${RECYCLE_REASON_LABELS[write.disposition.reason]})`;
    case 'undoDisposition':
      return 'Undoing a hand-back';
    case 'assetSent':
      return `Asset sent: ${write.asset?.title ?? write.sent.assetId}`;
    case 'contentRequest':
      return `Content request: ${write.request.text.slice(0, 60)}`;
  }
}

/** When a write happened, as the rep sees it. */
export function writeAt(write: OutboxWrite, createdAt: number): string {
  switch (write.kind) {
    case 'attempt':
    case 'removeAttempt':
      return write.attempt.at;
    case 'disposition':
    case 'undoDisposition':
      return write.disposition.at;
    case 'assetSent':
      return write.sent.at;
    case 'contentRequest':
      return write.request.at;
    case 'updateFields':
      return new Date(createdAt).toISOString();
  }
}

export type OutboxStatus = {
  pending: number;
  failed: number;
  lastError?: string;
  /** Set when HubSpot refused the token: nothing is sent until the user reconnects. */
  pausedReason?: string;
  failedEntries: Array<
    Pick<OutboxEntry, 'id' | 'leadId' | 'kind' | 'lastError'> & { summary: string; at: string }
  >;
};
