import { z } from 'zod';
import { crmDb } from '../store/crm-db';
import { HUBSPOT_DEFAULT_BASE_URL } from './hubspot/api';
import { isPinnedHubSpotOrigin } from './hubspot/api-origin';
import { defaultFieldMap, FieldMap } from './hubspot/mapping';
import { defaultHubSpotSetup, HubSpotSetup } from './hubspot/setup';

/**
 * A CRM connection, token included. Kept in the CRM database (lib/store/crm-db.ts), which only the
 * background opens and content scripts cannot read — unlike `storage.local`. The token never
 * leaves the background except to the CRM's API.
 */
export const HubSpotConnection = z.object({
  system: z.literal('hubspot'),
  token: z.string().trim().min(10, { message: 'paste the whole Service Key or private-app token' }),
  baseUrl: z
    .string()
    .trim()
    .refine((url) => isPinnedHubSpotOrigin(url), {
      message: `must be ${HUBSPOT_DEFAULT_BASE_URL}: Baton sends the token nowhere else`,
    }),
  /** The rep's HubSpot owner id: their queue, and the owner of what they log. */
  ownerId: z.string().trim().regex(/^\d*$/, { message: 'must be the numeric HubSpot owner id' }).default(''),
  fieldMap: FieldMap.default(defaultFieldMap),
  /** Contacts or Leads mode, the portal's own score, owner names (options › HubSpot › Setup). */
  setup: HubSpotSetup.default(defaultHubSpotSetup),
  connectedAt: z.string(),
});
export type HubSpotConnection = z.infer<typeof HubSpotConnection>;

export async function readConnection(): Promise<HubSpotConnection | undefined> {
  const stored = await crmDb().connections.get('hubspot');
  const parsed = HubSpotConnection.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export async function saveConnection(connection: HubSpotConnection): Promise<void> {
  await crmDb().connections.put(HubSpotConnection.parse(connection));
}

export async function removeConnection(): Promise<void> {
  await crmDb().connections.delete('hubspot');
}
