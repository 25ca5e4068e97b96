import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { panelTargetFromSearch } from '@/lib/panel-target';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { LeadCard } from './LeadCard';
import { NoLead } from './NoLead';
import { ParticipantPicker } from './ParticipantPicker';
import {
  createQueryClient,
  useBackgroundBroadcasts,
  useLeadFor,
  usePrefetchCardData,
  useTabState,
} from './queries';
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
  usePrefetchCardData();
  const tabState = useTabState(tabId);
  const candidates = tabState.data?.candidates ?? [];
  // The picked participant, remembered per page: a new thread starts again with its first one.
  const [picked, setPicked] = useState<{ url?: string; index: number }>({ index: 0 });
  const pickedIndex = picked.url === tabState.data?.url ? picked.index : 0;
  const identity =
    (candidates.length > 1 ? candidates[pickedIndex] : undefined) ?? tabState.data?.identity ?? null;
  const lead = useLeadFor(identity);

  let body: React.ReactNode;
  if (tabState.isError) body = <p className="error">Could not read this tab: {tabState.error.message}</p>;
  else if (tabId === undefined || tabState.isPending) body = <p className="muted">Looking at this tab…</p>;
  else if (!identity) body = <NoLead tabId={tabId} />;
  else if (lead.isPending) body = <p className="muted">Finding the lead…</p>;
  else if (lead.isError) body = <p className="error">Could not look up the lead: {lead.error.message}</p>;
  else if (!lead.data) body = <UnknownLead identity={identity} />;
  else body = <LeadCard lead={lead.data} tabId={tabId} />;

  return (
    <main>
      {candidates.length > 1 && (
        <ParticipantPicker
          candidates={candidates}
          chosen={pickedIndex}
          onChoose={(index) => setPicked({ url: tabState.data?.url, index })}
        />
      )}
      <div aria-live="polite">{body}</div>
    </main>
  );
}
