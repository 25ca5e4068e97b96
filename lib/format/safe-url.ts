/**
 * The URL when it is http(s) and carries no user name or password, else undefined: lead data never
 * becomes a javascript: or data: link, nor one like `https://www.hubspot.com@evil.example/` that
 * reads as one host and goes to another.
 */
export function safeHttpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (url.username || url.password) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}
