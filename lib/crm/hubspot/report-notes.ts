import {
  type AssetSent,
  RECYCLE_REASON_LABELS,
  RECYCLE_REASONS,
  type RecycleReason,
} from '../../model/schemas';

/**
 * Baton's own notes in HubSpot, read back for the report: the outbox writes hand-back reasons,
 * assets sent and content requests as notes whose body ends in `[baton:<id>]` (see mapping.ts
 * `noteBody`, `dispositionToWrites`, `assetSentNote`, `contentRequestNote`). A note without the
 * tag, or whose text is none of these, is someone else's and is not read.
 */
export type BatonNote =
  | { kind: 'recycle' | 'disqualify'; id: string; reason: RecycleReason }
  | { kind: 'assetSent'; id: string; channel: AssetSent['channel']; title?: string; url?: string }
  | { kind: 'contentRequest'; id: string; text: string };

const TAG = /\n?\[baton:([0-9A-Za-z:_-]{1,80})\]\s*$/;

/** HubSpot note bodies are HTML: Baton escaped what it wrote as `&#NN;`; other entities too. */
export function unescapeHtml(text: string): string {
  return text
    .replace(/&#(\d{1,6});/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

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

function reasonOf(text: string): RecycleReason | undefined {
  const label = text.split(':')[0]?.trim().toLowerCase() ?? '';
  return REASON_BY_LABEL.get(label);
}

export function readBatonNote(body: string | null | undefined): BatonNote | undefined {
  if (!body) return undefined;
  const tag = TAG.exec(body);
  const id = tag?.[1];
  if (!tag || !id) return undefined;
  const text = unescapeHtml(body.slice(0, tag.index)).trim();
  const handBack = /^(Recycled to nurture|Disqualified) by sales in Baton\. Reason: (.+)$/s.exec(text);
  if (handBack?.[1] && handBack[2]) {
    const reason = reasonOf(handBack[2]);
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
