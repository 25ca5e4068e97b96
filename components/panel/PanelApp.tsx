import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { panelTargetFromSearch } from '@/lib/panel-target';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { LeadCard } from './LeadCard';
import { NoLead } from './NoLead';
import { createQueryClient, useBackgroundBroadcasts, useLeadFor, useTabState } from './queries';
import { UnknownLead } from './UnknownLead';
import { useFollowedTab } from './useFollowedTab';

export function PanelApp({ search }: { search: string }) {
  const client = useMemo(createQueryClient, []);
  const target = useMemo(() => panelTargetFromSearch(search), [search]);
  return (
    <QueryClientProvider client={client}>
      <ErrorBoundary>
        <Panel tabId={useFollowedTab(target)} />
      </ErrorBoundary>
    </QueryClientProvider>
  );
}

function Panel({ tabId }: { tabId: number | undefined }) {
  useBackgroundBroadcasts();
  const tabState = useTabState(tabId);
  const identity = tabState.data?.identity ?? null;
  const lead = useLeadFor(identity);

  let body: React.ReactNode;
  if (tabState.isError) body = <p className="error">Could not read this tab: {tabState.error.message}</p>;
  else if (tabId === undefined || tabState.isPending) body = <p className="muted">Looking at this tab…</p>;
  else if (!identity) body = <NoLead tabId={tabId} />;
  else if (lead.isPending) body = <p className="muted">Finding the lead…</p>;
  else if (lead.isError) body = <p className="error">Could not look up the lead: {lead.error.message}</p>;
  else if (!lead.data) body = <UnknownLead identity={identity} />;
  else body = <LeadCard lead={lead.data} tabId={tabId} />;

  return <main aria-live="polite">{body}</main>;
}
