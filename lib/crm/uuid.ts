/**
 * A stable UUID-shaped id from a string (FNV-1a, four rounds): engagements logged outside
 * Baton need an attempt id that is the same on every read. Not for security.
 */
export function uuidFromString(input: string): string {
  let hex = '';
  for (let round = 0; round < 4; round++) {
    let hash = 0x811c9dc5 ^ round;
    for (let i = 0; i < input.length; i++) {
      hash ^= input.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    hex += (hash >>> 0).toString(16).padStart(8, '0');
  }
  const v = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${((Number.parseInt(hex[16] ?? '0', 16) & 3) | 8).toString(16)}${hex.slice(17)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}
