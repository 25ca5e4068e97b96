import type { CrmObject, HistoryEntry } from './api';

/** Epoch ms of a HubSpot instant (ISO string or epoch milliseconds); NaN when it is none. */
export function millis(value: string | null | undefined): number {
  const raw = value?.trim();
  if (!raw) return Number.NaN;
  return /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
}

/** The history of one property, newest first, entries without a readable time left out. */
export function historyOf(record: CrmObject, property: string): HistoryEntry[] {
  const entries = record.propertiesWithHistory?.[property] ?? [];
  return entries
    .filter((entry) => Number.isFinite(millis(entry.timestamp)))
    .sort((a, b) => millis(b.timestamp) - millis(a.timestamp));
}

/**
 * When the current owner got the record, and who had it before: the oldest write of the current
 * value in the run of writes that ends with it (re-saving the same owner does not restart the
 * clock). Without history, HubSpot's `hubspot_owner_assigneddate` (the latest assignment) stands in.
 */
export function ownerAssignment(record: CrmObject): { at: number; previousOwnerId?: string } | undefined {
  const owner = record.properties.hubspot_owner_id?.trim();
  if (!owner) return undefined;
  const history = historyOf(record, 'hubspot_owner_id');
  if (history.length === 0 || history[0]?.value?.trim() !== owner) {
    const at = millis(record.properties.hubspot_owner_assigneddate);
    return Number.isFinite(at) ? { at } : undefined;
  }
  let index = 0;
  while (history[index + 1]?.value?.trim() === owner) index++;
  const at = millis(history[index]?.timestamp);
  const before = history
    .slice(index + 1)
    .find((entry) => entry.value?.trim())
    ?.value?.trim();
  return { at, ...(before && before !== owner ? { previousOwnerId: before } : {}) };
}
