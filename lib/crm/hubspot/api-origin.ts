import { LOOPBACK_ALLOWED, LOOPBACK_HOSTS } from '../loopback';
import { HUBSPOT_DEFAULT_BASE_URL } from './api';

/**
 * The one origin HubSpot's token may go to. The background pins it, whatever base URL the options
 * page sends: `https://api.hubapi.com` in the store build; test builds (`WXT_BATON_TEST_BUILD=true`,
 * what the end-to-end suite loads) and the unit tests also reach a HubSpot test server on loopback.
 */

export class UnpinnedOriginError extends Error {
  constructor(baseUrl: string, loopback: boolean) {
    super(
      `Baton sends the HubSpot token only to ${HUBSPOT_DEFAULT_BASE_URL}${loopback ? ' (or a test server on this machine)' : ''}, not to "${baseUrl.slice(0, 200)}"`,
    );
    this.name = 'UnpinnedOriginError';
  }
}

/** The origin requests go to, or an `UnpinnedOriginError` when `baseUrl` is not the pinned one. */
export function pinnedHubSpotOrigin(baseUrl: string, loopback: boolean = LOOPBACK_ALLOWED): string {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw new UnpinnedOriginError(baseUrl, loopback);
  }
  const bare = !url.username && !url.password && (url.pathname === '/' || url.pathname === '') && !url.search;
  if (bare && url.origin === HUBSPOT_DEFAULT_BASE_URL) return url.origin;
  if (bare && loopback && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url.origin;
  throw new UnpinnedOriginError(baseUrl, loopback);
}

export const isPinnedHubSpotOrigin = (baseUrl: string, loopback: boolean = LOOPBACK_ALLOWED) => {
  try {
    pinnedHubSpotOrigin(baseUrl, loopback);
    return true;
  } catch {
    return false;
  }
};
