import { RECYCLE_REASON_LABELS, RECYCLE_REASONS, type RecycleReason } from '../../model/schemas';

/**
 * Baton's own notes in HubSpot, read back for the report: the outbox writes hand-back reasons,
 * assets sent and content requests as notes whose body ends in `[baton:<id>]` (see mapping.ts
 * `noteBody`, `dispositionToWrites`, `assetSentNote`, `contentRequestNote`). A note without the
 * tag, or whose text is none of these, is someone else's and is not read.
 */
export type BatonNote =
  | { kind: 'recycle' | 'disqualify'; id: string; reason: RecycleReason }
  | { kind: 'assetSent'; id: string; title?: string; url?: string }
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
  const asset = /^Sent from Baton: (.+) \((\S+)\)$/s.exec(text);
  if (asset?.[1] && asset[2]) return { kind: 'assetSent', id, title: asset[1], url: asset[2] };
  if (text === 'Sent an asset from Baton') return { kind: 'assetSent', id };
  const request = /^Content the prospect asked for \(logged in Baton\): (.+)$/s.exec(text);
  if (request?.[1]) return { kind: 'contentRequest', id, text: request[1].trim() };
  return undefined;
}
