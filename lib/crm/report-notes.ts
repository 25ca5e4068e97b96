import {
  type Asset,
  type AssetSent,
  type LeadStage,
  RECYCLE_REASON_LABELS,
  RECYCLE_REASONS,
  type RecycleReason,
} from '../model/schemas';
import type { LeadSummary } from '../report/summary';

/**
 * Baton's own notes in a CRM, read back for the report, whichever CRM: the outbox writes
 * hand-back reasons, assets sent and content requests as notes (HubSpot) or Tasks (Salesforce)
 * tagged `[baton:<id>]`, in the words of lib/crm/write-tags.ts (`handBackNote`, `assetSentNote`,
 * `contentRequestNote`). Each CRM finds the tag and the text in its own record
 * (lib/crm/hubspot/report-notes.ts, lib/crm/salesforce/report-read.ts); a note whose text is none
 * of these is someone else's and is not read.
 */
export type BatonNote =
  | { kind: 'recycle' | 'disqualify'; id: string; reason: RecycleReason }
  | { kind: 'assetSent'; id: string; channel: AssetSent['channel']; title?: string; url?: string }
  | { kind: 'contentRequest'; id: string; text: string };

const CHANNEL_BY_VERB = new Map<string, AssetSent['channel']>([
  ['Sent from Baton', 'gmail_insert'],
  ['Link copied in Baton (not sent)', 'copy_link'],
  ['Opened in Baton', 'open'],
]);
/** "<verb>: <title> (<url>)", or "<verb>: an asset" when the library no longer had it. */
const ASSET_NOTE =
  /^(Sent from Baton|Link copied in Baton \(not sent\)|Opened in Baton): (?:(.+) \((\S+)\)|an asset)$/s;

const REASON_BY_LABEL = new Map<string, RecycleReason>(
  RECYCLE_REASONS.map((reason) => [RECYCLE_REASON_LABELS[reason].toLowerCase(), reason]),
);

/** A hand-back reason from its label ("No budget", or "No budget: not this year"). */
export function reasonOfLabel(text: string): RecycleReason | undefined {
  const label = text.split(':')[0]?.trim().toLowerCase() ?? '';
  return REASON_BY_LABEL.get(label);
}

/** The note a text (without its tag) is, for the write `id`; undefined: not one Baton writes. */
export function readBatonNoteText(text: string, id: string): BatonNote | undefined {
  const handBack = /^(Recycled to nurture|Disqualified) by sales in Baton\. Reason: (.+)$/s.exec(text);
  if (handBack?.[1] && handBack[2]) {
    const reason = reasonOfLabel(handBack[2]);
    if (!reason) return undefined;
    return { kind: handBack[1] === 'Disqualified' ? 'disqualify' : 'recycle', id, reason };
  }
  const asset = ASSET_NOTE.exec(text);
  const channel = asset?.[1] ? CHANNEL_BY_VERB.get(asset[1]) : undefined;
  if (asset && channel) {
    if (asset[2] && asset[3]) return { kind: 'assetSent', id, channel, title: asset[2], url: asset[3] };
    return { kind: 'assetSent', id, channel };
  }
  // Written before copies were told apart from sends.
  if (text === 'Sent an asset from Baton') return { kind: 'assetSent', id, channel: 'gmail_insert' };
  const request = /^Content the prospect asked for \(logged in Baton\): (.+)$/s.exec(text);
  if (request?.[1]) return { kind: 'contentRequest', id, text: request[1].trim() };
  return undefined;
}

/** The library as the report's notes name its assets: by URL, else by title. */
export type ReportLibrary = { byUrl: Map<string, string>; byTitle: Map<string, string> };
export const reportLibrary = (library: readonly Pick<Asset, 'id' | 'title' | 'url'>[]): ReportLibrary => ({
  byUrl: new Map(library.map((asset) => [asset.url, asset.id])),
  byTitle: new Map(library.map((asset) => [asset.title, asset.id])),
});

/** What Baton's notes of one lead add to its summary. */
export type NoteFindings = Pick<LeadSummary, 'assetsSent' | 'linksCopied' | 'contentRequests'> & {
  handBacks: NonNullable<LeadSummary['handBack']>[];
};
export const noteFindings = (): NoteFindings => ({
  assetsSent: [],
  linksCopied: [],
  contentRequests: [],
  handBacks: [],
});

/**
 * One of Baton's notes, at `at`, into the lead's findings. An asset the library no longer has is
 * named by its URL or title, else by `recordKey` (the note's own record), so it still counts once.
 */
export function addBatonNote(
  into: NoteFindings,
  note: BatonNote,
  at: number,
  library: ReportLibrary,
  recordKey: string,
): void {
  if (note.kind === 'assetSent') {
    if (note.channel === 'open') return; // opened is neither sent nor copied
    const assetId =
      (note.url && library.byUrl.get(note.url)) ||
      (note.title && library.byTitle.get(note.title)) ||
      note.url ||
      note.title ||
      recordKey;
    (note.channel === 'copy_link' ? into.linksCopied : into.assetsSent).push({ assetId, at });
  } else if (note.kind === 'contentRequest') into.contentRequests.push({ at, text: note.text });
  else into.handBacks.push({ kind: note.kind, at, reason: note.reason });
}

/** The hand-back a stage stands for now (an undone recycle leaves its note behind: the stage says). */
export function standingKindOf(stage: LeadStage): 'accept' | 'recycle' | 'disqualify' | undefined {
  return stage === 'sql' || stage === 'customer'
    ? 'accept'
    : stage === 'recycled'
      ? 'recycle'
      : stage === 'disqualified'
        ? 'disqualify'
        : undefined;
}
