/**
 * The host connecting HubSpot asks the browser for. Pure (the manifest in wxt.config.ts reads it).
 */

/** The HubSpot API host: an optional permission, asked for at connect time, never at install. */
export const HUBSPOT_API_HOSTS = ['https://api.hubapi.com/*'];
