import { messenger } from '../messaging/transport';
import type { LeadIdentity } from '../model/identity';

/** Sends the identity to the background only when it changed, so a busy page costs nothing. */
export function identityReporter(host: string): (identity: LeadIdentity | null) => void {
  let last: string | undefined;
  return (identity) => {
    const key = `${location.href}|${JSON.stringify(identity)}`;
    if (key === last) return;
    last = key;
    messenger
      .sendMessage('identityDetected', { url: location.href, host, identity })
      .catch((error: unknown) => {
        // The extension was reloaded under us: this orphaned script can do nothing more.
        console.debug('[baton] could not report identity', error);
      });
  };
}
