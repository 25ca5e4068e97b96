import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/lib/messaging/messenger';

/** What has not reached the CRM yet: pending and failed writes, the last error, retry and discard. */
export function SyncStatus() {
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['outbox'],
    queryFn: () => request('outboxStatus', null),
    refetchInterval: 5_000,
  });
  const retry = useMutation({
    mutationFn: (id: string) => request('outboxRetry', { id }),
    onSettled: () => client.invalidateQueries({ queryKey: ['outbox'] }),
  });
  const discard = useMutation({
    mutationFn: (id: string) => request('outboxDiscard', { id }),
    onSettled: () => client.invalidateQueries({ queryKey: ['outbox'] }),
  });
  const data = status.data;
  const unreadable = data?.unreadableRecords ?? 0;
  const crm = data?.crmName ?? 'the CRM';
  if (
    !data ||
    (data.pending === 0 && data.failed === 0 && !data.pausedReason && unreadable === 0 && !data.readsPaused)
  )
    return null;
  return (
    <section aria-label="Sync" data-testid="sync-status" className="sync">
      <p className="small">
        {data.pausedReason ? (
          <strong className="tone-bad">Paused: {data.pausedReason}</strong>
        ) : (
          <>
            {data.pending > 0 && (
              <span>
                {data.pending} waiting to reach {crm}
              </span>
            )}
            {data.pending > 0 && data.failed > 0 && ' · '}
            {data.failed > 0 && <strong className="tone-bad">{data.failed} failed</strong>}
          </>
        )}
        {data.lastError && !data.pausedReason && (
          <span className="muted"> · last error: {data.lastError}</span>
        )}
        {unreadable > 0 && (
          <span data-testid="sync-unreadable" data-value={unreadable}>
            {data.pending > 0 || data.failed > 0 || data.pausedReason ? ' · ' : ''}
            {unreadable === 1
              ? `1 ${crm} record could not be read and was left out`
              : `${unreadable} ${crm} records could not be read and were left out`}
          </span>
        )}
        {data.readsPaused && (
          <span data-testid="sync-reads-paused" className="tone-bad">
            {' '}
            {data.readsPaused}
          </span>
        )}
      </p>
      {data.failedEntries.length > 0 && (
        <ul className="plain small">
          {data.failedEntries.map((entry) => (
            <li key={entry.id} className="row">
              <span className="grow">
                {entry.summary} at {new Date(entry.at).toLocaleString()}: {entry.lastError}
              </span>
              <button type="button" onClick={() => retry.mutate(entry.id)}>
                Retry
              </button>
              <button type="button" onClick={() => discard.mutate(entry.id)}>
                Discard
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
