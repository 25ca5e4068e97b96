import type { Sender } from '../../outbox/flush';
import { HubSpotAuthError, HubSpotError } from './client';
import { contactIdOf } from './mapping';
import type { HubSpotWriter } from './writer';

/**
 * HubSpot's sender for the outbox: sends one entry through the writer and says what happened, in
 * the flusher's terms: a refused token pauses the outbox, an answer a retry would not change fails
 * the entry, anything else is retried.
 */
export function hubspotSender(writer: Pick<HubSpotWriter, 'sendWrite'>): Sender {
  return async (entry) => {
    const contactId = contactIdOf(entry.leadId);
    if (!contactId) return { fail: `"${entry.leadId}" is not a HubSpot lead` };
    try {
      await writer.sendWrite(entry);
      return 'sent';
    } catch (error) {
      if (error instanceof HubSpotAuthError) return { pause: error.message };
      if (error instanceof HubSpotError && !error.retryable) return { fail: error.message };
      return { retry: error instanceof Error ? error.message : String(error) };
    }
  };
}
