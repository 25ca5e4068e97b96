import { QueryClientProvider, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request } from '@/lib/messaging/messenger';
import { HubSpotConnectForm } from '../crm/HubSpotConnectForm';
import { DataSection } from '../import/DataSection';
import { createQueryClient } from '../panel/queries';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { CalendarForm } from './CalendarForm';
import { OwnDomainsForm } from './OwnDomainsForm';
import { QualificationFieldsForm } from './QualificationFieldsForm';
import { QueueOwnerForm } from './QueueOwnerForm';
import { RemindersForm } from './RemindersForm';
import { ScoreModelForm } from './ScoreModelForm';
import { SlaPolicyForm } from './SlaPolicyForm';
import './options.css';

export function OptionsApp() {
  const client = useMemo(createQueryClient, []);
  return (
    <QueryClientProvider client={client}>
      <ErrorBoundary>
        <main>
          <h1>Baton options</h1>
          <Workspace />
          <DataSection />
          <HubSpotConnectForm />
          <SettingsForms />
        </main>
      </ErrorBoundary>
    </QueryClientProvider>
  );
}

/** Every settings form; each validates and saves its own part of the settings. */
export function SettingsForms() {
  return (
    <>
      <SlaPolicyForm />
      <CalendarForm />
      <ScoreModelForm />
      <QualificationFieldsForm />
      <RemindersForm />
      <QueueOwnerForm />
      <OwnDomainsForm />
    </>
  );
}

function Workspace() {
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
