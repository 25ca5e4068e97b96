/**
 * LinkedIn profile slugs as pages, files and backups carry them. A slug may be percent-encoded
 * (`j%C3%B6rg-m`); one whose escapes are broken (`%E0%A4%A`) names no profile, and is refused
 * where it enters rather than throwing a `URIError` deep inside a write. No zod here: content
 * scripts import it through the identity schema.
 */
export const SLUG_PATTERN = /^[A-Za-z0-9\-_%]+$/;

/** The slug decoded and lower-cased, or undefined when its %-escapes are broken. */
export function decodeSlug(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return undefined;
  }
}

/** A slug as a page reports it (letters, digits, `-`, `_`, %-escapes), decoded; else undefined. */
export const readSlug = (raw: string): string | undefined =>
  SLUG_PATTERN.test(raw) ? decodeSlug(raw) : undefined;

/** The raw slug of a `linkedin.com/in/<slug>` address, if the address is one. */
export const rawSlugOfUrl = (url: string): string | undefined =>
  /linkedin\.com\/in\/([^/?#]+)/i.exec(url)?.[1];

/** False only for a LinkedIn profile address whose slug cannot be read. */
export function hasReadableSlug(url: string): boolean {
  const raw = rawSlugOfUrl(url);
  return raw === undefined || decodeSlug(raw) !== undefined;
}
