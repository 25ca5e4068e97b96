import { SalesforceAuthError, type SalesforceTokens } from '../crm/salesforce/client';
import { readSalesforceConnection, saveSalesforceConnection } from '../crm/salesforce/connection';
import { refreshAccessToken } from '../crm/salesforce/oauth';
import { crmDb } from '../store/crm-db';

/** One renewal at a time in this background: concurrent 401s share it. */
let inFlight: Promise<string> | undefined;

const NOT_CONNECTED = 'Salesforce is not connected: connect Salesforce in options';

/**
 * The stored connection's tokens, for a SalesforceClient. `renew` refreshes once however many
 * requests were refused together, and keeps the new access token only if the connection is still
 * the one it was refreshed for: a disconnect or a reconnect meanwhile wins.
 */
export function salesforceTokens(
  fetchImpl: typeof fetch = (input, init) => globalThis.fetch(input, init),
): SalesforceTokens {
  const current = async () => {
    const connection = await readSalesforceConnection();
    if (!connection) throw new SalesforceAuthError(NOT_CONNECTED);
    return connection.accessToken;
  };

  const refresh = async (stale: string): Promise<string> => {
    const connection = await readSalesforceConnection();
    if (!connection) throw new SalesforceAuthError(NOT_CONNECTED);
    // Another caller renewed already: its token is the fresh one.
    if (connection.accessToken !== stale) return connection.accessToken;
    const token = await refreshAccessToken({
      fetch: fetchImpl,
      loginUrl: connection.loginUrl,
      consumerKey: connection.consumerKey,
      refreshToken: connection.refreshToken,
    });
    // Checked and saved in one transaction: a disconnect cannot land between the two and be undone.
    const saved = await crmDb().transaction('rw', crmDb().connections, async () => {
      const fresh = await readSalesforceConnection();
      if (!fresh || fresh.refreshToken !== connection.refreshToken || fresh.orgId !== connection.orgId)
        return false;
      await saveSalesforceConnection({
        ...fresh,
        accessToken: token.access_token,
        // Salesforce may rotate the refresh token; keep the newest.
        ...(token.refresh_token ? { refreshToken: token.refresh_token } : {}),
      });
      return true;
    });
    if (!saved)
      throw new SalesforceAuthError(
        'Salesforce was disconnected or reconnected meanwhile: the renewed session was dropped',
      );
    return token.access_token;
  };

  return {
    current,
    renew(stale: string) {
      inFlight ??= refresh(stale).finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
