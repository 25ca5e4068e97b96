import { browser } from 'wxt/browser';
import { type CrmShared, connectedCrm, crmOutbox, newCrmShared, readCrmConnection } from '../crm/connected';
import { type FlushResult, flushOutbox, singleFlight } from '../outbox/flush';
import { salesforceTokens } from './salesforce-tokens';

export const OUTBOX_ALARM = 'baton-outbox';

/**
 * Runs the outbox: one flusher at a time (a Web Lock), woken by each new entry, by an alarm
 * (which outlives a stopped worker) and at start-up. After each run it sets the alarm for the
 * next entry due, and tells open panels the sync state changed.
 */
export function outboxRunner(
  onFlushed: (result: FlushResult) => void,
  /** Shared with the panel's reads: a CRM's limits are one budget for the whole app. */
  shared: CrmShared = newCrmShared(salesforceTokens()),
) {
  const oneAtATime = singleFlight('baton-outbox');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAt = Number.POSITIVE_INFINITY;

  let running = false;
  let again = false;

  const flushOnce = async (): Promise<FlushResult | undefined> => {
    const connection = await readCrmConnection();
    if (!connection) return undefined;
    const result = await flushOutbox(crmOutbox(), connectedCrm(connection, shared).sender());
    if (result.nextWakeAt !== undefined) {
      // The alarm is moved earlier, never later: it may stand for an entry queued during this run.
      const alarm = await browser.alarms.get(OUTBOX_ALARM);
      if (!alarm || alarm.scheduledTime > result.nextWakeAt || alarm.scheduledTime < Date.now())
        await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(result.nextWakeAt, Date.now() + 1_000) });
      schedule(result.nextWakeAt - Date.now());
    }
    onFlushed(result);
    return result;
  };

  /** One run at a time; a wake during a run makes it go round once more, so no new entry waits. */
  const flushNow = async (): Promise<FlushResult | undefined> => {
    if (running) {
      again = true;
      return undefined;
    }
    running = true;
    try {
      return await oneAtATime(async () => {
        let result: FlushResult | undefined;
        do {
          again = false;
          result = await flushOnce();
        } while (again && result);
        return result;
      });
    } finally {
      running = false;
    }
  };

  /** Runs the flusher in `delayMs`, unless it is already due sooner: a burst of writes never postpones the first. */
  const schedule = (delayMs: number) => {
    const at = Date.now() + Math.max(0, delayMs);
    if (at >= timerAt) return false;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(() => {
      timerAt = Number.POSITIVE_INFINITY;
      void flushNow().catch(console.error);
    }, at - Date.now());
    return true;
  };

  return {
    flushNow,
    /** A new entry: flush once its undo window has passed (the alarm covers a stopped worker). */
    wake: (delayMs = 5_100) => {
      if (schedule(delayMs)) void browser.alarms.create(OUTBOX_ALARM, { when: Date.now() + delayMs });
    },
  };
}
