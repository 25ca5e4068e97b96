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
    const status = { pending: 0, failed: 0, failedEntries: [], unreadableRecords: 3 };
    render(<SyncStatus />, { wrapper: withOutboxStatus(status) });
    const line = screen.getByTestId('sync-unreadable');
    expect(line.textContent).toBe('3 HubSpot records could not be read and were left out');
    expect(line.getAttribute('data-value')).toBe('3');
  });

  test('shows nothing when everything is sent and read', () => {
    render(<SyncStatus />, { wrapper: withOutboxStatus({ pending: 0, failed: 0, failedEntries: [] }) });
    expect(screen.queryByTestId('sync-status')).toBeNull();
  });
});
