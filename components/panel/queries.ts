import { QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { messenger, request } from '@/lib/messaging/messenger';
import type { LeadIdentity } from '@/lib/model/schemas';
import { readSettings } from '@/lib/settings/item';

export function createQueryClient(): QueryClient {
  // The data is local (the background's IndexedDB): never wait for "online".
  return new QueryClient({
    defaultOptions: {
      queries: { networkMode: 'always', retry: 1, staleTime: 5_000 },
      mutations: { networkMode: 'always' },
    },
  });
}

export const keys = {
  tabState: (tabId: number) => ['tabState', tabId] as const,
  lead: (identity: LeadIdentity) =>
    ['lead', identity.crm ?? null, identity.emails, identity.linkedinSlug ?? null] as const,
  context: (leadId: string) => ['context', leadId] as const,
  assets: ['assets'] as const,
  search: (text: string) => ['search', text] as const,
};

/**
 * The tab's state. Fetched together with its lead and the lead's context in one round trip,
 * which seeds those queries' caches, so the card renders with data after a single message.
 */
export function useTabState(tabId: number | undefined) {
  const client = useQueryClient();
  return useQuery({
    queryKey: keys.tabState(tabId ?? -1),
    queryFn: async () => {
      const view = await request('getTabView', { tabId: tabId ?? -1 });
      const identity = view.tabState?.identity;
      if (identity) client.setQueryData(keys.lead(identity), view.lead);
      if (view.lead) client.setQueryData(keys.context(view.lead.id), view.context);
      return view.tabState;
    },
    enabled: tabId !== undefined,
  });
}

/** Starts the reads every card needs (assets, settings) while the tab's lead is being found. */
export function usePrefetchCardData(): void {
  const client = useQueryClient();
  useEffect(() => {
    void client.prefetchQuery({ queryKey: keys.assets, queryFn: () => request('listAssets', null) });
    void client.prefetchQuery({ queryKey: ['settings'], queryFn: readSettings });
  }, [client]);
}

export function useLeadFor(identity: LeadIdentity | null | undefined) {
  return useQuery({
    queryKey: identity ? keys.lead(identity) : ['lead', 'none'],
    queryFn: () => (identity ? request('findLead', { identity }) : null),
    enabled: Boolean(identity),
  });
}

export function useLeadContext(leadId: string | undefined) {
  return useQuery({
    queryKey: keys.context(leadId ?? ''),
    queryFn: () => request('readLeadContext', { leadId: leadId ?? '' }),
    enabled: Boolean(leadId),
  });
}

export function useAssets() {
  return useQuery({ queryKey: keys.assets, queryFn: () => request('listAssets', null), staleTime: 60_000 });
}

export function useLeadSearch(text: string) {
  return useQuery({
    queryKey: keys.search(text),
    queryFn: () => request('searchLeads', { text, limit: 20 }),
    enabled: text.trim().length > 0,
  });
}

/** Refreshes the affected queries when the background says a lead or a tab changed. */
export function useBackgroundBroadcasts(): void {
  const client = useQueryClient();
  useEffect(() => {
    const offLead = messenger.onMessage('leadChanged', ({ data }) => {
      void client.invalidateQueries({ queryKey: data.leadId ? keys.context(data.leadId) : ['context'] });
      void client.invalidateQueries({ queryKey: ['queue'] });
      void client.invalidateQueries({ queryKey: ['outbox'] });
      // An attempt or an asset sent does not change who a lead is: lookups and search stay as they are.
      if (data.activityOnly) return;
      void client.invalidateQueries({ queryKey: ['lead'] });
      void client.invalidateQueries({ queryKey: ['search'] });
      if (!data.leadId) void client.invalidateQueries({ queryKey: keys.assets });
    });
    const offTab = messenger.onMessage('tabStateChanged', ({ data }) => {
      void client.invalidateQueries({ queryKey: keys.tabState(data.tabId) });
    });
    return () => {
      offLead();
      offTab();
    };
  }, [client]);
}
