import { HubSpotAuthError, HubSpotError } from '../crm/hubspot/client';
import { contactIdOf } from '../crm/hubspot/mapping';
import type { HubSpotWriter } from '../crm/hubspot/writer';
import type { Sender } from './flush';

/** Sends one outbox entry to HubSpot and says what happened, in the flusher's terms. */
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
