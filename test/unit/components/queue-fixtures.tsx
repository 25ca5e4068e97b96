import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { defaultCalendar } from '@/lib/core';
import type { QueueEntry } from '@/lib/queue/queue-entry';
import { defaultSettings } from '@/lib/settings/schema';

/** Queue entries handed over at spread-out times before `now`, some with attempts. */
export function queueEntries(count: number, now: number): QueueEntry[] {
  return Array.from({ length: count }, (_, n) => ({
    lead: {
      id: `lead-${n}`,
      name: n === 7 ? 'Dana Whitfield' : `Lead ${n}`,
      company: n === 7 ? 'Northwind Health' : `Company ${n % 50}`,
      emails: [`lead-${n}@x.example`],
      stage: 'mql' as const,
      mqlAt: new Date(now - ((n * 7919) % (14 * 24 * 60)) * 60_000).toISOString(),
      sample: false,
    },
    attempts:
      n % 3 === 0
        ? [{ leadId: `lead-${n}`, at: new Date(now - 60_000).toISOString(), outcome: 'no_answer' as const }]
        : [],
    score: (n * 37) % 100,
    band: 'warm' as const,
  }));
}

/** A query cache already holding the queue and the settings, as the panel has them after loading. */
export function withQueueData(entries: QueueEntry[]) {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  client.setQueryData(['queue'], entries);
  client.setQueryData(['settings'], { ...defaultSettings, calendar: defaultCalendar('Europe/Berlin') });
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}
