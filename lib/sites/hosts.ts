import { gmailHost } from './gmail/host';
import { hubspotHost } from './hubspot-app/host';
import { linkedinHost } from './linkedin/host';
import { salesforceHost } from './salesforce-lightning/host';

/**
 * Every host Baton reads a lead from, one row each (as refined-github's `features.add(…,
 * {include, init})`): `wxt.config.ts` takes the host permissions from here, each
 * `entrypoints/<name>.content.ts` its `matches` from its row, and the tests their adapters and
 * fixtures. A row lives in its host's folder (`<name>/host.ts`) so that a content script bundles
 * only its own adapter; this list imports them all, so it is for the build and the tests, not for
 * a content script. Pure: no browser global is read here.
 */
export const HOSTS = [gmailHost, linkedinHost, hubspotHost, salesforceHost] as const;

export type HostName = (typeof HOSTS)[number]['name'];

/** The manifest's host permissions: exactly the pages the content scripts run on, nothing broader. */
export const HOST_PERMISSIONS: string[] = HOSTS.flatMap((host) => host.matches);
