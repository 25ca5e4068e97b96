import { HttpUrl, type Touch, type TouchKind } from '../../model/schemas';
import type { CrmObject, HistoryEntry } from './api';
import { historyOf, millis } from './history';

/**
 * What a contact consumed, as touches, from what HubSpot's CRM API shows per contact with the
 * contacts scope: each pair of "latest" properties below, read with its history
 * (`propertiesWithHistory`), gives every event HubSpot wrote into it, not only the latest one.
 * What it cannot show (and why) is in the README, "Content consumed".
 */
const PAIRS: ReadonlyArray<{
  kind: TouchKind;
  /** The property naming what was consumed (an event name, an email's name, a URL). */
  name: string;
  /** The property holding when. */
  when: string;
  title: (name: string) => string;
  isUrl?: boolean;
}> = [
  {
    kind: 'form',
    name: 'recent_conversion_event_name',
    when: 'recent_conversion_date',
    title: (name) => name,
  },
  {
    kind: 'form',
    name: 'first_conversion_event_name',
    when: 'first_conversion_date',
    title: (name) => name,
  },
  {
    kind: 'email_click',
    name: 'hs_email_last_email_name',
    when: 'hs_email_last_click_date',
    title: (name) => `Clicked in the email “${name}”`,
  },
  {
    kind: 'page_view',
    name: 'hs_analytics_last_url',
    when: 'hs_analytics_last_visit_timestamp',
    title: (url) => `Visited ${url.replace(/^https?:\/\//, '')}`,
    isUrl: true,
  },
];

/** The contact properties (and histories) the touches are read from. */
export const CONTENT_PROPERTIES = [...new Set(PAIRS.flatMap((pair) => [pair.name, pair.when]))];

const MAX_TITLE = 500;
/** At most this many touches from one contact: the card lists the newest. */
const MAX_TOUCHES = 100;
/** Two properties written by one event carry history timestamps this close. */
const SAME_EVENT_MS = 60_000;

const clipTitle = (title: string) =>
  title.length <= MAX_TITLE ? title : `${title.slice(0, MAX_TITLE - 1).trimEnd()}…`;

/**
 * Each write of the `name` property, with the instant HubSpot wrote into `when` at (about) the
 * same moment; without history, the current pair. An entry with no readable instant is left out.
 */
function events(contact: CrmObject, name: string, when: string): Array<{ value: string; at: number }> {
  const names = historyOf(contact, name);
  const times = historyOf(contact, when);
  if (names.length === 0) {
    const value = contact.properties[name]?.trim();
    const at = millis(contact.properties[when]);
    return value && Number.isFinite(at) ? [{ value, at }] : [];
  }
  const timeNear = (entry: HistoryEntry) => {
    const written = millis(entry.timestamp);
    const match = times.find((t) => Math.abs(millis(t.timestamp) - written) <= SAME_EVENT_MS);
    const at = millis(match?.value);
    return Number.isFinite(at) ? at : written;
  };
  return names.flatMap((entry) => {
    const value = entry.value?.trim();
    return value ? [{ value, at: timeNear(entry) }] : [];
  });
}

/** The contact's form conversions, marketing-email clicks and page visits, newest first. */
export function contentTouches(contact: CrmObject, leadId: string): Touch[] {
  const touches = new Map<string, Touch>();
  for (const pair of PAIRS) {
    for (const { value, at } of events(contact, pair.name, pair.when)) {
      const url = pair.isUrl ? HttpUrl.safeParse(value) : undefined;
      if (pair.isUrl && !url?.success) continue; // only http(s) links reach the card
      const title = clipTitle(pair.title(value));
      const instant = new Date(at).toISOString();
      // The first conversion is also the oldest entry of the recent one's history: one touch.
      const key = `${pair.kind}|${instant}|${title}`;
      if (touches.has(key)) continue;
      touches.set(key, {
        id: `${leadId}:${pair.name}:${at}:${title}`,
        leadId,
        at: instant,
        kind: pair.kind,
        title,
        ...(url?.success ? { url: url.data } : {}),
        sample: false,
      });
    }
  }
  return [...touches.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, MAX_TOUCHES);
}
