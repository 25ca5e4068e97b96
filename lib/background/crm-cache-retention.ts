import { pruneCrmCache } from '../crm/retention';
import { readSettings } from '../settings/item';
import { crmDb } from '../store/crm-db';

const HOUR_MS = 60 * 60 * 1000;
let lastPruned = 0;

/**
 * Runs the CRM cache's retention (settings: `crmCacheDays`) at most once an hour, on the minute
 * alarm; a worker that starts again prunes at once. Cheap: one range delete on an index.
 */
export async function pruneCrmCacheHourly(now = Date.now()): Promise<void> {
  if (now - lastPruned < HOUR_MS) return;
  lastPruned = now;
  const settings = await readSettings();
  await pruneCrmCache(crmDb(), settings.crmCacheDays, now);
}
