import type { Sender } from '../../outbox/flush';
import { SalesforceAuthError, SalesforceError } from './client';
import { recordIdOf } from './mapping';
import type { SalesforceWriter } from './writer';

/**
 * Salesforce's sender for the outbox, in the flusher's terms: a session that cannot be renewed
 * pauses the outbox ("reconnect Salesforce"); a refusal a retry would not change (a field, its
 * security, a validation rule) fails the entry, kept with Retry and Discard; the org's daily
 * allowance used up waits; anything else is retried with backoff.
 */
export function salesforceSender(writer: Pick<SalesforceWriter, 'sendWrite'>): Sender {
  return async (entry) => {
    if (!recordIdOf(entry.leadId)) return { fail: `"${entry.leadId}" is not a Salesforce lead` };
    try {
      await writer.sendWrite(entry);
      return 'sent';
    } catch (error) {
      if (error instanceof SalesforceAuthError) return { pause: error.message };
      if (error instanceof SalesforceError && !error.retryable) return { fail: error.message };
      if (error instanceof SalesforceError && error.waitMs)
        return { retry: error.message, waitMs: error.waitMs };
      return { retry: error instanceof Error ? error.message : String(error) };
    }
  };
}
