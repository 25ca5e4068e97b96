/**
 * What connecting HubSpot asks the browser for, and what disconnecting gives back. Pure (the
 * manifest in wxt.config.ts reads these too).
 */

/** The HubSpot API host: an optional permission, asked for at connect time, never at install. */
export const HUBSPOT_API_HOSTS = ['https://api.hubapi.com/*'];

/**
 * What a Firefox user who connects HubSpot lets Baton send out, in Mozilla's data collection
 * categories: the lead's name and email (personally identifying information) and the calls,
 * emails and notes logged on it (personal communications), to the team's own HubSpot. Without a
 * CRM nothing leaves the browser, so the required list is "none".
 */
export const FIREFOX_CRM_DATA_COLLECTION = ['personallyIdentifyingInfo', 'personalCommunications'];

export type PermissionRequest = { origins: string[]; data_collection?: string[] };

/**
 * The permissions to request (or remove) for an API origin pattern (or several, Salesforce's login
 * host and instance): in Firefox, the data collection permissions go with the host ones (Chrome has
 * none and rejects the key).
 */
export function crmPermissions(
  originPattern: string | readonly string[],
  firefox: boolean,
): PermissionRequest {
  const origins = typeof originPattern === 'string' ? [originPattern] : [...new Set(originPattern)];
  return firefox ? { origins, data_collection: [...FIREFOX_CRM_DATA_COLLECTION] } : { origins };
}
