import { browser } from 'wxt/browser';
import { crmDb, readConnection } from '../crm/connection';
import { HubSpotClient } from '../crm/hubspot/client';
import { HubSpotLeadSource } from '../crm/hubspot/source';
import { type FlushResult, flushOutbox, singleFlight } from '../outbox/flush';
import { hubspotSender } from '../outbox/hubspot-sender';
import { DexieOutbox } from '../outbox/store';
import type { BatonDb } from '../store/db';

export const OUTBOX_ALARM = 'baton-outbox';

/**
 * Runs the outbox: one flusher at a time (a Web Lock), woken by each new entry, by an alarm
 * (which outlives a stopped worker) and at start-up. After each run it sets the alarm for the
 * next entry due, and tells open panels the sync state changed.
 */
export function outboxRunner(db: () => BatonDb, onFlushed: (result: FlushResult) => void) {
  const oneAtATime = singleFlight('baton-outbox');
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flushNow = async (): Promise<FlushResult | undefined> =>
    oneAtATime(async () => {
      const connection = await readConnection();
      if (!connection) return undefined;
      const client = new HubSpotClient({
        baseUrl: connection.baseUrl,
        token: connection.token,
        maxAttempts: 3,
      });
      const source = new HubSpotLeadSource(client, connection, db(), crmDb());
      const result = await flushOutbox(new DexieOutbox(crmDb()), hubspotSender(source));
      await browser.alarms.clear(OUTBOX_ALARM);
      if (result.nextWakeAt !== undefined) {
        await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(result.nextWakeAt, Date.now() + 1_000) });
        schedule(result.nextWakeAt - Date.now());
      }
      onFlushed(result);
      return result;
    });

  const schedule = (delayMs: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => void flushNow().catch(console.error), Math.max(0, delayMs));
  };

  return {
    flushNow,
    /** A new entry: flush once its undo window has passed (the alarm covers a stopped worker). */
    wake: (delayMs = 5_100) => {
      schedule(delayMs);
      void browser.alarms.create(OUTBOX_ALARM, { when: Date.now() + delayMs });
    },
  };
}
