import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { describeSla, localDate } from '@/lib/core';
import { request } from '@/lib/messaging/messenger';
import { isBreached, isDueSoon, isDueToday, type RankedEntry, rankQueue } from '@/lib/queue/urgency';
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

/** My open leads by SLA urgency, then score. */
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
  const visible = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const dayKey = (t: number) => localDate(settings.calendar, t);
    return ranked.filter((entry) => {
      if (filter === 'breached' && !isBreached(entry.sla)) return false;
      if (filter === 'due-today' && !isDueToday(entry.sla, now, dayKey)) return false;
      if (!needle) return true;
      const { name, company, emails } = entry.lead;
      return [name, company ?? '', ...emails].some((text) => text.toLowerCase().includes(needle));
    });
  }, [ranked, filter, search, settings.calendar, now]);

  return (
    <section aria-label="Queue">
      <h1>My queue</h1>
      <div className="row">
        <input
          type="search"
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
            onClick={() => setFilter(name)}
          >
            {label}
          </button>
        ))}
      </fieldset>
      {entries.isPending && <p className="muted">Loading the queue…</p>}
      {entries.isError && <p className="error">Could not load the queue: {entries.error.message}</p>}
      {entries.data && visible.length === 0 && <p className="muted">No open leads match.</p>}
      <ul className="plain">
        {visible.slice(0, SHOWN).map((entry) => (
          <QueueRow
            key={entry.lead.id}
            entry={entry}
            now={now}
            timeZone={settings.calendar.timeZone}
            onOpen={onOpen}
          />
        ))}
      </ul>
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
  const tone = isBreached(entry.sla)
    ? 'bad'
    : entry.sla.state === 'cadence_behind' || entry.sla.state === 'first_attempt_due'
      ? 'warn'
      : 'ok';
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
          <span className={`chip tone-${tone}`} data-state={entry.sla.state}>
            {describeSla(entry.sla, now, timeZone)}
          </span>
        </span>
      </button>
    </li>
  );
}
