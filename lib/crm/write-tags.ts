import { z } from 'zod';
import {
  type AssetSent,
  type Attempt,
  AttemptChannel,
  AttemptOutcome,
  type ContentRequest,
  type Disposition,
  RECYCLE_REASON_LABELS,
} from '../model/schemas';

/**
 * What Baton writes into a CRM's records, whichever CRM: the tags that make each write findable
 * again (the idempotency key, looked up before a retry), and the words of its notes.
 */

/** The tag Baton writes into each engagement: the attempt id (the idempotency key) and its outcome. */
export const attemptTag = (attempt: Pick<Attempt, 'id' | 'outcome' | 'channel'>) =>
  `[baton:${attempt.id}:${attempt.channel}:${attempt.outcome}]`;
export const TAG = /\[baton:([0-9a-f-]{36}):(\w+):(\w+)\]/i;

/**
 * The attempt a tag names, when it is one Baton could have written: a UUID, a channel and an
 * outcome Baton knows. Another tool's `[baton:<uuid>:fax:pwned]` is read as any other engagement.
 */
export function readTag(
  tagged: string | undefined,
): { id: string; channel: AttemptChannel; outcome: AttemptOutcome } | undefined {
  const match = tagged ? TAG.exec(tagged) : null;
  if (!match?.[1]) return undefined;
  const id = z.uuid().safeParse(match[1].toLowerCase());
  const channel = AttemptChannel.safeParse(match[2]);
  const outcome = AttemptOutcome.safeParse(match[3]);
  return id.success && channel.success && outcome.success
    ? { id: id.data, channel: channel.data, outcome: outcome.data }
    : undefined;
}

/** The tag in the body of each note Baton writes: the write's id, the idempotency key. */
export const noteTag = (id: string) => `[baton:${id}]`;

/** What the rep did with the asset, in words a colleague reading the timeline takes at face value. */
const ASSET_VERB: Record<AssetSent['channel'], string> = {
  gmail_insert: 'Sent from Baton',
  // Copying a link is not sending it: the note must not read as "sent" (#21 item 8).
  copy_link: 'Link copied in Baton (not sent)',
  open: 'Opened in Baton',
};

export function assetSentNote(
  asset: { title: string; url: string } | undefined,
  channel: AssetSent['channel'] = 'gmail_insert',
): string {
  const verb = ASSET_VERB[channel];
  return asset ? `${verb}: ${asset.title} (${asset.url})` : `${verb}: an asset`;
}

export function contentRequestNote(request: Pick<ContentRequest, 'text'>): string {
  return `Content the prospect asked for (logged in Baton): ${request.text}`;
}

/** The note of a recycle or disqualify: who did it, and why. */
export function handBackNote(disposition: Extract<Disposition, { kind: 'recycle' | 'disqualify' }>): string {
  const reason = `${RECYCLE_REASON_LABELS[disposition.reason]}${disposition.text ? `: ${disposition.text}` : ''}`;
  const verb = disposition.kind === 'recycle' ? 'Recycled to nurture' : 'Disqualified';
  return `${verb} by sales in Baton. Reason: ${reason}`;
}
