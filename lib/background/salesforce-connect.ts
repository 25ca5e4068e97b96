import { browser } from 'wxt/browser';
import { crmOutbox } from '../crm/connected';
import { readConnection as readHubSpotConnection } from '../crm/connection';
import { crmPermissions } from '../crm/permission';
import { type DescribeField, identityOf } from '../crm/salesforce/api';
import { SalesforceClient, type SalesforceTokens } from '../crm/salesforce/client';
import {
  readSalesforceConnection,
  removeSalesforceConnection,
  SalesforceConnection,
  saveSalesforceConnection,
} from '../crm/salesforce/connection';
import {
  authorizeUrl,
  exchangeCode,
  newPkcePair,
  newState,
  readRedirect,
  refreshAccessToken,
  revokeToken,
} from '../crm/salesforce/oauth';
import {
  originPattern,
  pinnedInstanceOrigin,
  pinnedLoginOrigin,
  SALESFORCE_API_HOSTS,
} from '../crm/salesforce/origins';
import { defaultSalesforceSetup, namedFields, SalesforceSetup } from '../crm/salesforce/setup';
import type { SalesforceSetupPick } from '../messaging/protocol';
import { describeZodError, RECYCLE_REASON_LABELS } from '../model/schemas';
import type { BatonDb } from '../store/db';
import { ONE_CRM_AT_A_TIME } from './crm-connect';
import { purgeCrmRecords } from './crm-purge';
import { salesforceTokens } from './salesforce-tokens';

type Fetch = typeof fetch;
const globalFetch: Fetch = (input, init) => globalThis.fetch(input, init);

export type SalesforceConnectDeps = {
  launchWebAuthFlow: (details: { url: string; interactive: boolean }) => Promise<string | undefined>;
  redirectUrl: () => string;
  fetch: Fetch;
};

const browserDeps = (): SalesforceConnectDeps => ({
  launchWebAuthFlow: (details) => browser.identity.launchWebAuthFlow(details),
  redirectUrl: () => browser.identity.getRedirectURL(),
  fetch: globalFetch,
});

/** A client on a token pair that is not stored (yet): a refresh is kept in memory only. */
function pairTokens(
  pair: { accessToken: string; refreshToken: string; loginUrl: string; consumerKey: string },
  fetchImpl: Fetch,
): SalesforceTokens {
  let access = pair.accessToken;
  return {
    current: async () => access,
    renew: async () => {
      const token = await refreshAccessToken({ fetch: fetchImpl, ...pair });
      access = token.access_token;
      return access;
    },
  };
}

/** The named setup fields the org lacks, as `Lead.Budget__c`; Contact only when Contacts are worked. */
function missingFieldsOf(setup: SalesforceSetup, lead: DescribeField[], contact: DescribeField[]): string[] {
  const has = (fields: DescribeField[]) => new Set(fields.map((field) => field.name.toLowerCase()));
  const leadNames = has(lead);
  const contactNames = has(contact);
  return [
    ...namedFields(setup, 'Lead')
      .filter((name) => !leadNames.has(name.toLowerCase()))
      .map((name) => `Lead.${name}`),
    ...(setup.contactStatusField
      ? namedFields(setup, 'Contact')
          .filter((name) => !contactNames.has(name.toLowerCase()))
          .map((name) => `Contact.${name}`)
      : []),
  ];
}

/**
 * Connects Salesforce with the OAuth web-server flow and PKCE (a public client: no secret):
 * the rep signs in on the login host in the browser's auth window, the code comes back on the
 * extension's redirect URL, and the token pair is kept in the CRM database only. The instance
 * must be the org's My Domain; the org's Lead and Contact fields are read before the connection is
 * saved, so a session that cannot read them is never kept.
 */
export async function connectSalesforce(
  input: { loginUrl: string; consumerKey: string },
  deps: SalesforceConnectDeps = browserDeps(),
): Promise<{ instanceUrl: string; userId: string; missingFields: string[] }> {
  if (await readHubSpotConnection()) throw new Error(ONE_CRM_AT_A_TIME('HubSpot'));
  const loginUrl = pinnedLoginOrigin(input.loginUrl);
  const consumerKey = input.consumerKey.trim();
  const keyCheck = SalesforceConnection.shape.consumerKey.safeParse(consumerKey);
  if (!keyCheck.success) throw new Error(`Consumer key: ${describeZodError(keyCheck.error)}`);

  const { verifier, challenge } = await newPkcePair();
  const state = newState();
  const redirectUri = deps.redirectUrl();
  const redirect = await deps.launchWebAuthFlow({
    url: authorizeUrl({ loginUrl, consumerKey, redirectUri, challenge, state }),
    interactive: true,
  });
  if (!redirect) throw new Error('Salesforce: the sign-in window closed without an answer');
  const { code } = readRedirect(redirect, state);
  const token = await exchangeCode({
    fetch: deps.fetch,
    loginUrl,
    consumerKey,
    redirectUri,
    code,
    verifier,
  });
  const instanceUrl = pinnedInstanceOrigin(token.instance_url);
  if (!token.refresh_token)
    throw new Error(
      'Salesforce sent no refresh token: the External Client App needs the scopes "api" and "refresh_token"',
    );
  const identity = identityOf(token.id);
  if (!identity) throw new Error('Salesforce sent an identity URL without the org and user ids');

  const client = new SalesforceClient({
    instanceUrl,
    tokens: pairTokens(
      { accessToken: token.access_token, refreshToken: token.refresh_token, loginUrl, consumerKey },
      deps.fetch,
    ),
    fetch: deps.fetch,
    maxAttempts: 2,
  });
  const [lead, contact] = await Promise.all([client.describe('Lead'), client.describe('Contact')]);

  const before = await readSalesforceConnection();
  // Another org while one is connected: its queued writes and cached records belong to the first.
  if (before && before.orgId !== identity.orgId) {
    await revokeToken({ fetch: deps.fetch, loginUrl, token: token.refresh_token }).catch(() => {});
    throw new Error(
      `Baton is connected to another Salesforce org (${before.instanceUrl}): disconnect it first, so its unsent work and cached records are not mixed with this one's.`,
    );
  }
  // Reconnecting the same org keeps how the team set it up.
  const setup = before?.setup ?? defaultSalesforceSetup;
  const parsed = SalesforceConnection.safeParse({
    system: 'salesforce',
    loginUrl,
    consumerKey,
    instanceUrl,
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    orgId: identity.orgId,
    userId: identity.userId,
    setup,
    connectedAt: new Date().toISOString(),
  });
  if (!parsed.success) throw new Error(`Salesforce connection: ${describeZodError(parsed.error)}`);
  // HubSpot may have been connected while the rep signed in: one CRM at a time still holds.
  if (await readHubSpotConnection()) throw new Error(ONE_CRM_AT_A_TIME('HubSpot'));
  await saveSalesforceConnection(parsed.data);
  // A new session lifts the pause a refused one put on the outbox.
  await crmOutbox().setPaused(undefined);
  return { instanceUrl, userId: identity.userId, missingFields: missingFieldsOf(setup, lead, contact) };
}

/**
 * Revokes the refresh token (best effort: `revoked: false` says it failed, and the disconnect still
 * completes), removes the connection, every cached Salesforce record (`salesforce:…`) in both
 * databases, the reminder keys naming them and the host permissions.
 */
export async function disconnectSalesforce(
  db: BatonDb,
  deps: { fetch: Fetch } = { fetch: globalFetch },
): Promise<{ purged: number; revoked: boolean }> {
  const connection = await readSalesforceConnection();
  let revoked = false;
  if (connection) {
    try {
      await revokeToken({ fetch: deps.fetch, loginUrl: connection.loginUrl, token: connection.refreshToken });
      revoked = true;
    } catch (error) {
      console.warn('[baton] could not revoke the Salesforce token', error);
    }
  }
  await removeSalesforceConnection();
  const purged = await purgeCrmRecords(db, 'salesforce:');
  await removeSalesforcePermissions(connection?.loginUrl);
  return { purged, revoked };
}

/** The host permissions the connect form asked for: the API hosts and the login host. */
export function salesforcePermissionOrigins(loginUrl?: string): string[] {
  const login = loginUrl && new URL(loginUrl).protocol === 'https:' ? [originPattern(loginUrl)] : [];
  return [...new Set([...SALESFORCE_API_HOSTS, ...login])];
}

async function removeSalesforcePermissions(loginUrl: string | undefined): Promise<void> {
  try {
    await browser.permissions.remove(
      crmPermissions(salesforcePermissionOrigins(loginUrl), import.meta.env.FIREFOX) as Parameters<
        typeof browser.permissions.remove
      >[0],
    );
  } catch (error) {
    console.warn('[baton] could not remove the Salesforce host permissions', error);
  }
}

export async function salesforceStatus() {
  const connection = await readSalesforceConnection();
  if (!connection) return { connected: false };
  const { loginUrl, consumerKey, instanceUrl, orgId, userId, connectedAt } = connection;
  return {
    connected: true,
    system: 'salesforce' as const,
    loginUrl,
    consumerKey,
    instanceUrl,
    orgId,
    userId,
    connectedAt,
  };
}

async function requireSalesforce(): Promise<SalesforceConnection> {
  const connection = await readSalesforceConnection();
  if (!connection) throw new Error('Connect Salesforce first: the setup is read from the org.');
  return connection;
}

const NUMBER_TYPES = new Set(['double', 'int', 'long', 'percent', 'currency']);
const TEXT_TYPES = new Set(['string', 'textarea', 'picklist']);
type FieldChoice = { name: string; label: string };
const choice = (field: DescribeField): FieldChoice => ({ name: field.name, label: field.label });
const byLabel = (a: FieldChoice, b: FieldChoice) => a.label.localeCompare(b.label);

/** What the org offers for each pick, from describe. */
function choicesOf(lead: DescribeField[], contact: DescribeField[]) {
  const status = lead.find((field) => field.name === 'Status');
  return {
    leadStatuses: (status?.picklistValues ?? []).filter((v) => v.active).map((v) => v.value),
    handoffFields: lead
      .filter((f) => f.type === 'datetime')
      .map(choice)
      .sort(byLabel),
    reasonFields: lead
      .filter((f) => TEXT_TYPES.has(f.type) && f.updateable)
      .map(choice)
      .sort(byLabel),
    scoreFields: lead
      .filter((f) => NUMBER_TYPES.has(f.type))
      .map(choice)
      .sort(byLabel),
    qualificationFields: lead
      .filter((f) => (TEXT_TYPES.has(f.type) || f.type === 'url') && f.updateable)
      .map(choice)
      .sort(byLabel),
    contactStatusFields: contact
      .filter((f) => f.type === 'picklist' && f.updateable)
      .map(choice)
      .sort(byLabel),
  };
}

function storedClient(connection: SalesforceConnection): SalesforceClient {
  return new SalesforceClient({
    instanceUrl: connection.instanceUrl,
    tokens: salesforceTokens(),
    maxAttempts: 2,
  });
}

async function describeBoth(connection: SalesforceConnection) {
  const client = storedClient(connection);
  return Promise.all([client.describe('Lead'), client.describe('Contact')]);
}

/** The org's Lead Status values and fields by what they may hold, with the setup in use. */
export async function readSalesforceSetupChoices() {
  const connection = await requireSalesforce();
  const [lead, contact] = await describeBoth(connection);
  return {
    ...choicesOf(lead, contact),
    current: connection.setup,
    missingFields: missingFieldsOf(connection.setup, lead, contact),
  };
}

/**
 * Checks the pick against the org (each status is a Lead Status value, each field is one describe
 * offers for that use) and saves it, only if Salesforce is still connected to the same org.
 */
export async function saveSalesforceSetup(pick: SalesforceSetupPick): Promise<{ ok: true }> {
  const connection = await requireSalesforce();
  const [lead, contact] = await describeBoth(connection);
  const offered = choicesOf(lead, contact);
  const statuses = new Set(offered.leadStatuses);
  const problems: string[] = [];
  const statusPicks: Array<[string, string]> = [
    ...pick.mqlStatuses.map((status) => ['MQL status', status] as [string, string]),
    ['Accepted status', pick.acceptedStatus],
    ['Recycled status', pick.recycledStatus],
    ['Disqualified status', pick.disqualifiedStatus],
  ];
  for (const [what, status] of statusPicks)
    if (!statuses.has(status)) problems.push(`${what} "${status}" is not a Lead Status value of this org`);
  // A hand-back status that is also an MQL status would leave the lead in the queue for good.
  for (const [what, status] of statusPicks.slice(pick.mqlStatuses.length))
    if (pick.mqlStatuses.includes(status)) problems.push(`${what} "${status}" is also an MQL status`);
  const handBacks = [pick.acceptedStatus, pick.recycledStatus, pick.disqualifiedStatus];
  if (new Set(handBacks).size < handBacks.length)
    problems.push('Accepted, recycled and disqualified need three different statuses');
  // A restricted picklist for the reason must offer Baton's reasons, or every recycle is refused.
  const reasonField = lead.find((field) => field.name === pick.reasonField);
  if (reasonField?.type === 'picklist' && reasonField.picklistValues.length > 0) {
    const values = new Set(reasonField.picklistValues.filter((v) => v.active).map((v) => v.value));
    const lacking = Object.values(RECYCLE_REASON_LABELS).filter((label) => !values.has(label));
    if (lacking.length > 0)
      problems.push(
        `Reason field "${reasonField.name}" lacks the values ${lacking.map((l) => `"${l}"`).join(', ')}`,
      );
  }
  const fieldPick = (what: string, name: string | undefined, from: FieldChoice[], kind: string) => {
    if (name && !from.some((f) => f.name === name))
      problems.push(`${what} "${name}" is not ${kind} of this org`);
  };
  fieldPick('Handoff field', pick.handoffField, offered.handoffFields, 'a date/time field on Lead');
  fieldPick(
    'Reason field',
    pick.reasonField,
    offered.reasonFields,
    'a writable text or picklist field on Lead',
  );
  fieldPick('Score field', pick.scoreField, offered.scoreFields, 'a number field on Lead');
  fieldPick(
    'Contact status field',
    pick.contactStatusField,
    offered.contactStatusFields,
    'a writable picklist field on Contact',
  );
  for (const [key, name] of Object.entries(pick.fields ?? {}))
    fieldPick(
      `Field for ${key}`,
      name,
      offered.qualificationFields,
      'a writable text, picklist or URL field on Lead',
    );
  if (problems.length > 0) throw new Error(`Salesforce setup: ${problems.join('; ')}`);

  const parsed = SalesforceSetup.safeParse({
    ...connection.setup,
    ...Object.fromEntries(Object.entries(pick).filter(([, value]) => value !== undefined)),
    fields: { ...connection.setup.fields, ...pick.fields },
  });
  if (!parsed.success) throw new Error(`Salesforce setup: ${describeZodError(parsed.error)}`);
  const fresh = await readSalesforceConnection();
  if (!fresh || fresh.orgId !== connection.orgId)
    throw new Error(
      'Salesforce was disconnected or connected to another org meanwhile: the setup was not saved.',
    );
  await saveSalesforceConnection({ ...fresh, setup: parsed.data });
  return { ok: true };
}
