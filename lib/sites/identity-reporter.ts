import { messenger } from '../messaging/transport';
import type { LeadIdentity } from '../model/identity';

/** Sends the identity to the background only when it changed, so a busy page costs nothing. */
export function identityReporter(
  host: string,
): (identity: LeadIdentity | null, candidates?: LeadIdentity[]) => void {
  let last: string | undefined;
  return (identity, candidates) => {
    const key = `${location.href}|${JSON.stringify(identity)}|${JSON.stringify(candidates ?? null)}`;
    if (key === last) return;
    last = key;
    messenger
      .sendMessage('identityDetected', {
        url: location.href,
        host,
        identity,
        ...(candidates && candidates.length > 1 ? { candidates } : {}),
      })
      .catch((error: unknown) => {
        // The extension was reloaded under us: this orphaned script can do nothing more.
        console.debug('[baton] could not report identity', error);
      });
  };
}
