import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { localDate } from '@/lib/core';
import { request } from '@/lib/messaging/messenger';
import { groupQueue } from '@/lib/queue/groups';
import { isBreached, isDueSoon, isDueToday, type RankedEntry, rankQueue } from '@/lib/queue/urgency';
import { StatusIcon } from '../shared/StatusIcon';
import { slaTone, slaWords } from './sla-tone';
import { useNow } from './useNow';
import { useSettings } from './useSettings';

const FILTERS = [
  { name: 'breached', label: 'Breached' },
  { name: 'due-today', label: 'Due today' },
  { name: 'all', label: 'All' },
] as const;
type FilterName = (typeof FILTERS)[number]['name'];
/** Rendering thousands of rows would cost more than anyone reads; search narrows the rest. */
const SHOWN = 200;

export function useQueueEntries() {
  return useQuery({ queryKey: ['queue'], queryFn: () => request('queueEntries', null) });
}

/**
 * My open leads in the order of the day: first attempts still due (soonest first), then cadence
 * attempts due, then breaches (most recent first), each group under a heading with its count.
 */
export function QueueView({ onOpen }: { onOpen: (leadId: string) => void }) {
  const entries = useQueueEntries();
  const settings = useSettings();
  const now = useNow(30_000);
  const [filter, setFilter] = useState<FilterName>('all');
  const [search, setSearch] = useState('');
  // Re-ranked each half minute (states move with time), not on every keystroke.
  const minute = Math.floor(now / 30_000);
  const ranked = useMemo(
    () => rankQueue(entries.data ?? [], settings.slaPolicy, settings.calendar, minute * 30_000),
    [entries.data, settings.slaPolicy, settings.calendar, minute],
  );
  const { visible, counts } = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const dayKey = (t: number) => localDate(settings.calendar, t);
    const matching = needle
      ? ranked.filter(({ lead }) =>
          [lead.name, lead.company ?? '', ...lead.emails].some((text) => text.toLowerCase().includes(needle)),
        )
      : ranked;
    const open = matching.filter((entry) => entry.sla.state !== 'closed');
    const byFilter: Record<FilterName, RankedEntry[]> = {
      all: open,
      breached: open.filter((entry) => isBreached(entry.sla)),
      'due-today': open.filter((entry) => isDueToday(entry.sla, now, dayKey)),
    };
    return {
      visible: byFilter[filter],
      counts: {
        all: open.length,
        breached: byFilter.breached.length,
        'due-today': byFilter['due-today'].length,
      },
    };
  }, [ranked, filter, search, settings.calendar, now]);
  const groups = useMemo(() => {
    // The first SHOWN rows in day order, still under their headings (with each group's full count).
    let left = SHOWN;
    return groupQueue(visible).map((group) => {
      const shown = group.entries.slice(0, Math.max(0, left));
      left -= shown.length;
      return { ...group, shown };
    });
  }, [visible]);

  return (
    <section aria-label="Queue">
      <h1>My queue</h1>
      <div className="row">
        <input
          type="search"
          className="queue-search"
          data-testid="queue-search"
          aria-label="Search the queue by name, email or company"
          placeholder="Name, email or company"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
      </div>
      <fieldset className="row bare">
        <legend className="sr-only">Filter</legend>
        {FILTERS.map(({ name, label }) => (
          <button
            key={name}
            type="button"
            className={filter === name ? 'chip selected' : 'chip'}
            aria-pressed={filter === name}
            data-testid={`queue-filter-${name}`}
            data-count={counts[name]}
            onClick={() => setFilter(name)}
          >
            {label} <span className="count">{counts[name]}</span>
          </button>
        ))}
      </fieldset>
      {entries.isPending && <p className="muted">Loading the queue…</p>}
      {entries.isError && <p className="error">Could not load the queue: {entries.error.message}</p>}
      {entries.data && visible.length === 0 && <p className="muted">No open leads match.</p>}
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`queue-group-${group.key}`} data-testid="queue-group">
          <h2 id={`queue-group-${group.key}`} className="queue-heading" data-group={group.key}>
            {group.label} <span className="count">{group.entries.length}</span>
          </h2>
          <ul className="plain">
            {group.shown.map((entry) => (
              <QueueRow
                key={entry.lead.id}
                entry={entry}
                now={now}
                timeZone={settings.calendar.timeZone}
                onOpen={onOpen}
              />
            ))}
          </ul>
        </section>
      ))}
      {visible.length > SHOWN && (
        <p className="muted small">{visible.length - SHOWN} more: search to narrow the list.</p>
      )}
    </section>
  );
}

function QueueRow({
  entry,
  now,
  timeZone,
  onOpen,
}: {
  entry: RankedEntry;
  now: number;
  timeZone: string;
  onOpen: (id: string) => void;
}) {
  const tone = slaTone(entry.sla, entry.lead);
  return (
    <li
      data-testid="queue-item"
      data-lead-id={entry.lead.id}
      data-attention={isBreached(entry.sla) || isDueSoon(entry.sla) ? 'yes' : undefined}
    >
      <button type="button" className="queue-row" onClick={() => onOpen(entry.lead.id)}>
        <span className="row spread">
          <strong>{entry.lead.name}</strong>
          <span className={`band-${entry.band}`} title="Score">
            {entry.score}
          </span>
        </span>
        <span className="row spread small">
          <span className="muted">{entry.lead.company ?? entry.lead.emails[0] ?? ''}</span>
          <span className={`chip tone-${tone.tone}`} data-state={entry.sla.state}>
            <StatusIcon name={tone.icon} /> {slaWords(entry.sla, entry.lead, now, timeZone)}
          </span>
        </span>
      </button>
    </li>
  );
}
