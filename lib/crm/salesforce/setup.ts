import { z } from 'zod';
import { SOQL_FIELD } from './soql';

/**
 * How the team's org is set up, chosen in options › Salesforce: which fields hold what Baton
 * shows and edits, which Lead Status values mean MQL, accepted, recycled and disqualified, and
 * whether Contacts are worked too. Defaults name a common setup; connecting checks each named
 * field against the org's own (describe) and says which are missing.
 */
const FieldName = z
  .string()
  .trim()
  .regex(SOQL_FIELD, { message: 'must be a field API name, e.g. Budget__c' })
  .or(z.literal(''));
const Status = z.string().trim().min(1, { message: 'pick a status' }).max(255);

export const SalesforceFieldMap = z.object({
  budget: FieldName.default('Budget__c'),
  timeframe: FieldName.default('Timeframe__c'),
  need: FieldName.default('Need__c'),
  productInterest: FieldName.default('Product_Interest__c'),
  territory: FieldName.default('Territory__c'),
  linkedinUrl: FieldName.default('LinkedIn_URL__c'),
});
export type SalesforceFieldMap = z.infer<typeof SalesforceFieldMap>;
export type MappedField = keyof SalesforceFieldMap;

export const SalesforceSetup = z.object({
  fields: SalesforceFieldMap.default(SalesforceFieldMap.parse({})),
  /** A datetime field holding the MQL handoff; '' → owner history, else CreatedDate. */
  handoffField: FieldName.default('MQL_Date__c'),
  /** Where a hand-back's reason goes; '' → a Task note only. */
  reasonField: FieldName.default('Recycle_Reason__c'),
  /** A number field with the org's own score, shown beside Baton's; '' → none. */
  scoreField: FieldName.default(''),
  mqlStatuses: z.array(Status).min(1, { message: 'pick at least one MQL status' }).max(20).default(['MQL']),
  acceptedStatus: Status.default('SQL'),
  recycledStatus: Status.default('Nurture'),
  disqualifiedStatus: Status.default('Closed - Not Converted'),
  /** Contacts are worked too when set: the Contact field holding the same statuses. */
  contactStatusField: FieldName.default(''),
});
export type SalesforceSetup = z.infer<typeof SalesforceSetup>;
export const defaultSalesforceSetup: SalesforceSetup = SalesforceSetup.parse({});

/** The fields a setup names on an object (for the describe check). */
export function namedFields(setup: SalesforceSetup, object: 'Lead' | 'Contact'): string[] {
  const names = [
    ...Object.values(setup.fields),
    setup.handoffField,
    setup.reasonField,
    setup.scoreField,
    ...(object === 'Contact' ? [setup.contactStatusField] : []),
  ];
  return [...new Set(names.filter((name) => name !== ''))];
}
