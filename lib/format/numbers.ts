/**
 * Counts and sizes as the options page and the import report write them. One locale on purpose:
 * the report and its CSV read the same on every machine ("12,345", never "12.345").
 */

/** "12,345". */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** "1 row", "12,345 rows"; `many` for a noun whose plural is not one + s ("touches"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** A file's size: "512 bytes", "37 KB", "4.2 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
