// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import { SyncStatus } from '@/components/panel/SyncStatus';
import type { ResponseOf } from '@/lib/messaging/protocol';

afterEach(cleanup);

function withOutboxStatus(status: ResponseOf<'outboxStatus'>) {
  const client = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } },
  });
  client.setQueryData(['outbox'], status);
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}

describe('SyncStatus', () => {
  test('says how many CRM records could not be read and were left out', () => {
    const status = {
      pending: 0,
      failed: 0,
      failedEntries: [],
      unreadableRecords: 3,
      crmName: 'HubSpot' as const,
    };
    render(<SyncStatus />, { wrapper: withOutboxStatus(status) });
    const line = screen.getByTestId('sync-unreadable');
    expect(line.textContent).toBe('3 HubSpot records could not be read and were left out');
    expect(line.getAttribute('data-value')).toBe('3');
  });

  test('names Salesforce, and says why its reads are paused', () => {
    const status = {
      pending: 2,
      failed: 0,
      failedEntries: [],
      crmName: 'Salesforce' as const,
      readsPaused:
        'Salesforce reads are paused: the org has used 13,600 of its 15,000 API calls in the last 24 hours.',
    };
    render(<SyncStatus />, { wrapper: withOutboxStatus(status) });
    expect(screen.getByTestId('sync-status').textContent).toContain('2 waiting to reach Salesforce');
    expect(screen.getByTestId('sync-reads-paused').textContent).toContain('13,600 of its 15,000');
  });

  test('shows nothing when everything is sent and read', () => {
    render(<SyncStatus />, { wrapper: withOutboxStatus({ pending: 0, failed: 0, failedEntries: [] }) });
    expect(screen.queryByTestId('sync-status')).toBeNull();
  });
});
