/** Ids derived from a record's content, so importing the same file twice finds the same records. */

/** cyrb53: a fast 53-bit string hash, for ids derived from a record's content. */
export function contentHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/**
 * A UUID (version 8: application-defined) derived from text: attempts and hand-backs are keyed by
 * UUID (they are the idempotency key of a CRM write), and a file's row must get the same one
 * every time it is imported.
 */
export function derivedUuid(text: string): string {
  const hex = [1, 2, 3]
    .map((seed) => {
      const digits = Number.parseInt(contentHash(`${seed}\u0000${text}`), 36).toString(16);
      return digits.padStart(14, '0').slice(-12);
    })
    .join('');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
