import { type BatonNote, readBatonNoteText } from '../report-notes';

/**
 * Baton's own notes in HubSpot, read back for the report: the outbox writes hand-back reasons,
 * assets sent and content requests as notes whose body ends in `[baton:<id>]` (see mapping.ts
 * `noteBody`, `dispositionToWrites`, `assetSentNote`, `contentRequestNote`). The text's meaning is
 * read as for every CRM (lib/crm/report-notes.ts); here, the tag and HubSpot's HTML.
 */
export type { BatonNote } from '../report-notes';

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

export function readBatonNote(body: string | null | undefined): BatonNote | undefined {
  if (!body) return undefined;
  const tag = TAG.exec(body);
  const id = tag?.[1];
  if (!tag || !id) return undefined;
  return readBatonNoteText(unescapeHtml(body.slice(0, tag.index)).trim(), id);
}
