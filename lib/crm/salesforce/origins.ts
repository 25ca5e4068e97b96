import { LOOPBACK_ALLOWED, LOOPBACK_HOSTS } from '../loopback';

/**
 * Where a Salesforce token may go. The login host is a setting (production, sandbox or the org's
 * My Domain); the instance comes back with the token and must be the org's My Domain. The
 * background pins both: test builds (`WXT_BATON_TEST_BUILD=true`) and unit tests also reach a
 * Salesforce test server on loopback.
 */
export const LOGIN_HOSTS = ['https://login.salesforce.com', 'https://test.salesforce.com'] as const;

/** The optional host permissions asked for at connect time (wxt.config.ts lists them too, from permission.ts). */
export { SALESFORCE_API_HOSTS } from './permission';

const MY_DOMAIN =
  /^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?(?:--[a-z0-9-]+)?(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze))?\.my\.salesforce\.com$/;

export class UnpinnedSalesforceOriginError extends Error {
  constructor(what: 'login' | 'instance', url: string) {
    super(
      what === 'login'
        ? `The Salesforce login host must be ${LOGIN_HOSTS.join(', ')} or the org's My Domain (https://<name>.my.salesforce.com), not "${url.slice(0, 200)}"`
        : `Salesforce answered with instance "${url.slice(0, 200)}", which is not a My Domain (https://<name>.my.salesforce.com): Baton sends the token nowhere else`,
    );
    this.name = 'UnpinnedSalesforceOriginError';
  }
}

function bareOrigin(value: string): URL | undefined {
  try {
    const url = new URL(value.trim());
    const bare =
      !url.username &&
      !url.password &&
      (url.pathname === '/' || url.pathname === '') &&
      !url.search &&
      !url.hash;
    return bare ? url : undefined;
  } catch {
    return undefined;
  }
}

const isLoopback = (url: URL, loopback: boolean) =>
  loopback && url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
const isMyDomain = (url: URL) => url.protocol === 'https:' && !url.port && MY_DOMAIN.test(url.hostname);

/** The login origin, or an error naming the allowed ones. */
export function pinnedLoginOrigin(value: string, loopback: boolean = LOOPBACK_ALLOWED): string {
  const url = bareOrigin(value);
  if (
    url &&
    ((LOGIN_HOSTS as readonly string[]).includes(url.origin) || isMyDomain(url) || isLoopback(url, loopback))
  )
    return url.origin;
  throw new UnpinnedSalesforceOriginError('login', value);
}

/** The instance origin the token is pinned to. */
export function pinnedInstanceOrigin(value: string, loopback: boolean = LOOPBACK_ALLOWED): string {
  const url = bareOrigin(value);
  if (url && (isMyDomain(url) || isLoopback(url, loopback))) return url.origin;
  throw new UnpinnedSalesforceOriginError('instance', value);
}

export const isPinned = (check: (value: string) => string) => (value: string) => {
  try {
    check(value);
    return true;
  } catch {
    return false;
  }
};

/** The host permission pattern for an origin (`https://acme.my.salesforce.com/*`). */
export const originPattern = (origin: string) => `${new URL(origin).origin}/*`;
