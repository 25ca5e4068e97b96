import { SalesforceAuthError, type SalesforceTokens } from '../crm/salesforce/client';
import { readSalesforceConnection } from '../crm/salesforce/connection';

/** Placeholder until the refresh flow lands (sf-connect): the stored access token, never renewed. */
export function salesforceTokens(): SalesforceTokens {
  return {
    current: async () => {
      const connection = await readSalesforceConnection();
      if (!connection) throw new SalesforceAuthError('Connect Salesforce in options');
      return connection.accessToken;
    },
    renew: async () => {
      throw new SalesforceAuthError('Salesforce refused the session: reconnect Salesforce in options');
    },
  };
}
