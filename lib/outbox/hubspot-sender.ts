import { HubSpotAuthError, HubSpotError } from '../crm/hubspot/client';
import { contactIdOf } from '../crm/hubspot/mapping';
import type { HubSpotLeadSource } from '../crm/hubspot/source';
import type { OutboxEntry } from './entry';
import type { SendOutcome } from './flush';

/** Sends one outbox entry to HubSpot and says what happened, in the flusher's terms. */
export function hubspotSender(source: HubSpotLeadSource): (entry: OutboxEntry) => Promise<SendOutcome> {
  return async (entry) => {
    const contactId = contactIdOf(entry.leadId);
    if (!contactId) return { fail: `"${entry.leadId}" is not a HubSpot lead` };
    try {
      await source.sendWrite(entry);
      return 'sent';
    } catch (error) {
      if (error instanceof HubSpotAuthError) return { pause: error.message };
      if (error instanceof HubSpotError && !error.retryable) return { fail: error.message };
      return { retry: error instanceof Error ? error.message : String(error) };
    }
  };
}
