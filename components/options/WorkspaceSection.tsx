import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '@/lib/messaging/messenger';

/** The workspace's counts; load or remove the sample, or clear everything. */
export function WorkspaceSection() {
  const client = useQueryClient();
  const counts = useQuery({ queryKey: ['counts'], queryFn: () => request('countWorkspace', null) });
  const onDone = (data: unknown) => client.setQueryData(['counts'], data);
  const load = useMutation({ mutationFn: () => request('loadSample', null), onSuccess: onDone });
  const removeSample = useMutation({ mutationFn: () => request('removeSample', null), onSuccess: onDone });
  const clear = useMutation({ mutationFn: () => request('clearAllData', null), onSuccess: onDone });
  const failure = load.error ?? removeSample.error ?? clear.error ?? counts.error;

  const confirmClear = async () => {
    const leads = counts.data?.leads ?? 0;
    const outbox = await request('outboxStatus', null).catch(() => undefined);
    const unsent = (outbox?.pending ?? 0) + (outbox?.failed ?? 0);
    if (
      unsent > 0 &&
      !window.confirm(
        `${unsent} logged action${unsent === 1 ? ' has' : 's have'} not reached HubSpot yet. Clear anyway?`,
      )
    )
      return;
    if (
      window.confirm(
        `Delete all ${leads} leads and everything logged about them from this browser, and disconnect the CRM (its token, cached records and unsent writes go too)? This cannot be undone.`,
      )
    )
      clear.mutate();
  };

  return (
    <section aria-label="Workspace">
      <h2>Workspace</h2>
      <p data-testid="workspace-counts">
        {counts.data
          ? `${counts.data.leads} leads (${counts.data.sampleLeads} sample), ${counts.data.touches} touches, ${counts.data.assets} assets, ${counts.data.attempts} attempts`
          : 'Counting…'}
      </p>
      <div className="row">
        <button
          type="button"
          className="primary"
          data-testid="load-sample"
          disabled={load.isPending}
          onClick={() => load.mutate()}
        >
          {load.isPending ? 'Loading…' : 'Load sample workspace'}
        </button>
        <button
          type="button"
          data-testid="remove-sample"
          disabled={removeSample.isPending}
          onClick={() => removeSample.mutate()}
        >
          Remove sample records
        </button>
        <button
          type="button"
          data-testid="clear-all"
          disabled={clear.isPending}
          onClick={() => void confirmClear()}
        >
          Clear all data…
        </button>
      </div>
      {failure && (
        <p className="error" role="alert">
          {failure.message}
        </p>
      )}
    </section>
  );
}
