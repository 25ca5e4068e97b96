import { DateTime } from 'luxon';
import { BusinessCalendar } from '../../../lib/core/calendar';
import type { LeadSummary } from '../../../lib/report/summary';

/** A New York team, Monday–Friday 9–5, with Independence Day 2025 off. */
export const ZONE = 'America/New_York';
const office = [{ start: '09:00', end: '17:00' }];
export const calendar = BusinessCalendar.parse({
  timeZone: ZONE,
  hours: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: ['2025-07-04'],
});

/** Local New York wall time → epoch ms. */
export const t = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toMillis();

let n = 0;
/** A cohort lead handed over at `handoff` (local time), owned by alex unless told otherwise. */
export function lead(handoff: string | undefined, over: Partial<LeadSummary> = {}): LeadSummary {
  n++;
  return {
    leadId: `lead-${n}`,
    name: `Lead ${n}`,
    owner: 'alex@example.com',
    stage: 'mql',
    handoffAt: handoff === undefined ? undefined : t(handoff),
    attempts: [],
    assetsSent: [],
    linksCopied: [],
    contentRequests: [],
    touchesBeforeHandoff: 0,
    ...over,
  };
}
