import { z } from 'zod';
import { crmDb } from '../../store/crm-db';
import { isPinned, pinnedInstanceOrigin, pinnedLoginOrigin } from './origins';
import { defaultSalesforceSetup, SalesforceSetup } from './setup';

const SalesforceId = z
  .string()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, { message: 'must be a Salesforce id' });

/**
 * A Salesforce connection, tokens included: kept in the CRM database (lib/store/crm-db.ts), which
 * only the background opens. The tokens go only to the pinned login host (refresh, revoke) and
 * instance (the API).
 */
export const SalesforceConnection = z.object({
  system: z.literal('salesforce'),
  loginUrl: z.string().trim().refine(isPinned(pinnedLoginOrigin), {
    message: "must be https://login.salesforce.com, https://test.salesforce.com or the org's My Domain",
  }),
  /** The External Client App's consumer key (a public client: there is no secret). */
  consumerKey: z
    .string()
    .trim()
    .min(20, { message: "paste the External Client App's whole consumer key" })
    .max(256),
  instanceUrl: z.string().refine(isPinned(pinnedInstanceOrigin), { message: 'must be the org’s My Domain' }),
  accessToken: z.string().min(10),
  refreshToken: z.string().min(10),
  orgId: SalesforceId,
  /** The rep's user id: their queue, and the owner of what they log. */
  userId: SalesforceId,
  setup: SalesforceSetup.default(defaultSalesforceSetup),
  connectedAt: z.string(),
});
export type SalesforceConnection = z.infer<typeof SalesforceConnection>;

export async function readSalesforceConnection(): Promise<SalesforceConnection | undefined> {
  const parsed = SalesforceConnection.safeParse(await crmDb().connections.get('salesforce'));
  return parsed.success ? parsed.data : undefined;
}

export async function saveSalesforceConnection(connection: SalesforceConnection): Promise<void> {
  await crmDb().connections.put(SalesforceConnection.parse(connection));
}

export async function removeSalesforceConnection(): Promise<void> {
  await crmDb().connections.delete('salesforce');
}
