/**
 * What a CRM id in an import file can be trusted for. Excel turns long numbers into scientific
 * notation ("1.11015E+11") and the digits after the sixth are gone: two people's ids become the
 * same text, so such an id must never match anything. Pure, unit-tested.
 */

export type IdSystem = 'hubspot' | 'salesforce';

/** "1.11015E+11", "1,11015E+11" (a European Excel), "2E+10". */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?e[+-]?\d+$/i;
/** HubSpot record ids are whole numbers. */
const HUBSPOT_ID = /^\d{1,20}$/;
/** Salesforce record ids: 15 characters (case-sensitive) or 18 (with a case-insensitive suffix). */
const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

export const SCIENTIFIC_REASON =
  'written in scientific notation by a spreadsheet (its last digits are lost, so it could be anyone’s)';

export function isScientific(text: string): boolean {
  return SCIENTIFIC.test(text.trim());
}

/** Why an id cannot be used to match or store a CRM reference; undefined when it can. */
export function unusableIdReason(system: IdSystem, text: string): string | undefined {
  const value = text.trim();
  if (isScientific(value)) return SCIENTIFIC_REASON;
  if (system === 'hubspot' && !HUBSPOT_ID.test(value.replace(/\.0+$/, '')))
    return 'not a HubSpot record id (a whole number)';
  if (system === 'salesforce' && !SALESFORCE_ID.test(value))
    return 'not a Salesforce id (15 or 18 letters and digits)';
  return undefined;
}

/** A usable id as stored: "12345.0" (a spreadsheet's number) → "12345". */
export function cleanId(system: IdSystem, text: string): string {
  const value = text.trim();
  return system === 'hubspot' ? value.replace(/\.0+$/, '') : value;
}

/** Key prefixes of Salesforce objects a lead file can hold (the first three characters of an id). */
const SALESFORCE_OBJECTS: Record<string, string> = {
  '00Q': 'Lead',
  '003': 'Contact',
  '001': 'Account',
  '005': 'User',
  '006': 'Opportunity',
  '00G': 'Queue',
};

export function looksLikeSalesforceId(text: string): boolean {
  const value = text.trim();
  // Standard objects' prefixes start with 0; an id of digits only is a number, not Salesforce's.
  return SALESFORCE_ID.test(value) && value.startsWith('0') && /[a-zA-Z]/.test(value);
}

/** The Salesforce object an id belongs to, from its key prefix ("00Q…" → "Lead"). */
export function salesforceObject(text: string): string | undefined {
  return looksLikeSalesforceId(text) ? SALESFORCE_OBJECTS[text.trim().slice(0, 3)] : undefined;
}

export type IdColumnShape = 'salesforce' | 'salesforce-user' | 'hubspot' | 'unknown';

/**
 * What a column of ids holds, from its values: Salesforce record ids (Leads "00Q…", Contacts
 * "003…"), Salesforce user ids ("005…", an owner, not the lead), whole numbers or numbers a
 * spreadsheet mangled (HubSpot's record ids: Excel only mangles digits), or neither.
 */
export function idColumnShape(values: readonly string[]): IdColumnShape {
  const filled = values.map((value) => value.trim()).filter(Boolean);
  if (filled.length === 0) return 'unknown';
  const share = (test: (value: string) => boolean) => filled.filter(test).length / filled.length;
  if (share(looksLikeSalesforceId) >= 0.8) {
    const users = filled.filter((value) => ['005', '00G'].includes(value.slice(0, 3))).length;
    return users / filled.length >= 0.8 ? 'salesforce-user' : 'salesforce';
  }
  if (share((value) => HUBSPOT_ID.test(value.replace(/\.0+$/, '')) || isScientific(value)) >= 0.8)
    return 'hubspot';
  return 'unknown';
}
