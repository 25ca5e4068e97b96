/**
 * What a record id looks like in each CRM. An id that does not match is never used in a request
 * path or matched against records (an id of `..` would otherwise turn a contact read into a list
 * read). Plain regular expressions, no zod: content scripts import this through the identity schema.
 */
export const CRM_ID_PATTERNS = {
  /** HubSpot record ids are positive integers. */
  hubspot: /^[0-9]{1,20}$/,
  /** Salesforce ids: 15 characters (case-sensitive) or 18 (with the case-insensitive suffix). */
  salesforce: /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/,
} as const;

export type CrmSystem = keyof typeof CRM_ID_PATTERNS;

export const isCrmId = (system: CrmSystem, id: string): boolean => CRM_ID_PATTERNS[system].test(id);

export const CRM_ID_MESSAGE: Record<CrmSystem, string> = {
  hubspot: 'must be a HubSpot record id (digits)',
  salesforce: 'must be a Salesforce record id (15 or 18 letters and digits)',
};
