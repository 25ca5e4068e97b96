import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { openReportTab } from '@/lib/pages/report-page';
import { panelStartView, panelTargetFromSearch } from '@/lib/panel-target';
import { ErrorBoundary } from '../shared/ErrorBoundary';
import { LeadCard } from './LeadCard';
import { NoLead } from './NoLead';
import { ParticipantPicker } from './ParticipantPicker';
import { QueueView } from './QueueView';
import {
  createQueryClient,
  useBackgroundBroadcasts,
  useLeadContext,
  useLeadFor,
  usePrefetchCardData,
  useTabState,
} from './queries';
import { SyncStatus } from './SyncStatus';
import { UnknownLead } from './UnknownLead';
import { useFollowedTab } from './useFollowedTab';
import { useParticipantPick } from './useParticipantPick';

export function PanelApp({ search }: { search: string }) {
  const client = useMemo(createQueryClient, []);
  const target = useMemo(() => panelTargetFromSearch(search), [search]);
  return (
    <QueryClientProvider client={client}>
      <ErrorBoundary>
        <Panel tabId={useFollowedTab(target)} startView={panelStartView(search)} />
      </ErrorBoundary>
    </QueryClientProvider>
  );
}

type View = { kind: 'tab' } | { kind: 'queue' } | { kind: 'lead'; leadId: string };

function Panel({ tabId, startView }: { tabId: number | undefined; startView: 'tab' | 'queue' }) {
  useBackgroundBroadcasts();
  usePrefetchCardData();
  const [view, setView] = useState<View>({ kind: startView });
  return (
    <main>
      <nav className="tabs" aria-label="Views">
        <button type="button" aria-pressed={view.kind === 'tab'} onClick={() => setView({ kind: 'tab' })}>
          This tab
        </button>
        <button
          type="button"
          data-testid="open-queue"
          aria-pressed={view.kind !== 'tab'}
          onClick={() => setView({ kind: 'queue' })}
        >
          Queue
        </button>
        <span className="grow" />
        <button
          type="button"
          className="link small"
          data-testid="open-report"
          onClick={() => void openReportTab()}
        >
          Report
        </button>
        <PopOutButton />
      </nav>
      <SyncStatus />
      {view.kind === 'tab' && <TabLead tabId={tabId} />}
      {view.kind === 'queue' && <QueueView onOpen={(leadId) => setView({ kind: 'lead', leadId })} />}
      {view.kind === 'lead' && (
        <>
          <button type="button" className="link small" onClick={() => setView({ kind: 'queue' })}>
            ← Back to the queue
          </button>
          <LeadById leadId={view.leadId} tabId={tabId} />
        </>
      )}
    </main>
  );
}

/** Opens this panel in its own window, following the same browser window's active tab. */
function PopOutButton() {
  const popOut = async () => {
    const current = await browser.windows.getCurrent();
    await browser.windows.create({
      url: browser.runtime.getURL(`/sidepanel.html?window=${current.id}` as '/sidepanel.html'),
      type: 'popup',
      width: 420,
      height: 820,
    });
  };
  return (
    <button
      type="button"
      className="small"
      onClick={() => void popOut()}
      title="Open Baton in its own window"
    >
      Pop out
    </button>
  );
}

function LeadById({ leadId, tabId }: { leadId: string; tabId: number | undefined }) {
  const context = useLeadContext(leadId);
  if (context.isPending) return <p className="muted">Loading the lead…</p>;
  if (context.isError) return <p className="error">Could not load the lead: {context.error.message}</p>;
  if (!context.data) return <p className="muted">This lead no longer exists.</p>;
  return <LeadCard lead={context.data.lead} tabId={tabId} />;
}

function TabLead({ tabId }: { tabId: number | undefined }) {
  const tabState = useTabState(tabId);
  const candidates = tabState.data?.candidates ?? [];
  // The picked participant, remembered per thread: a new thread starts with its first one.
  const { index: pickedIndex, choose } = useParticipantPick(tabState.data?.url, candidates);
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
    <>
      {candidates.length > 1 && (
        <ParticipantPicker candidates={candidates} chosen={pickedIndex} onChoose={choose} />
      )}
      <div aria-live="polite">{body}</div>
    </>
  );
}
