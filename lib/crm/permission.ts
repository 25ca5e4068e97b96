/**
 * What connecting a CRM asks the browser for, and what disconnecting gives back. Pure (the manifest
 * in wxt.config.ts reads these too).
 */

/**
 * What a Firefox user who connects a CRM lets Baton send out, in Mozilla's data collection
 * categories: the lead's name and email (personally identifying information) and the calls,
 * emails and notes logged on it (personal communications), to the team's own CRM. Without a
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
