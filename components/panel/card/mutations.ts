import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { LeadContext } from '@/lib/lead-source/lead-source';
import { request } from '@/lib/messaging/messenger';
import {
  type AssetSent,
  type Attempt,
  type ContentRequest,
  type Disposition,
  type LeadPatch,
  STAGE_AFTER_DISPOSITION,
} from '@/lib/model/schemas';
import { keys } from '../queries';

/**
 * Local-first writes: the card changes before the background answers (the same frame as the
 * click), and rolls back only when the local write fails. A CRM, later, reports through a sync
 * state, never through a rollback.
 */
function optimistic<TInput>(
  client: QueryClient,
  leadId: string,
  change: (context: LeadContext, input: TInput) => LeadContext,
) {
  const key = keys.context(leadId);
  return {
    onMutate: (input: TInput) => {
      // Synchronously, so the change is painted in the frame of the click; an in-flight read of
      // the old state is cancelled so it cannot overwrite it.
      const before = client.getQueryData<LeadContext | null>(key);
      if (before) client.setQueryData(key, change(before, input));
      void client.cancelQueries({ queryKey: key });
      return { before };
    },
    onError: (_error: Error, _input: TInput, saved: { before?: LeadContext | null } | undefined) => {
      if (saved?.before) client.setQueryData(key, saved.before);
      void client.invalidateQueries({ queryKey: key });
    },
    // No refetch of our own on success: the background broadcasts "leadChanged" after every
    // write, which refreshes the card once.
  };
}

export function useLogAttempt(leadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attempt: Attempt) => request('logAttempt', attempt),
    // The background answers once the attempt is committed to IndexedDB: the outbox benchmark reads this mark.
    onSuccess: () => performance.mark('baton:attempt-durable'),
    ...optimistic<Attempt>(client, leadId, (context, attempt) => ({
      ...context,
      attempts: [attempt, ...context.attempts.filter((a) => a.id !== attempt.id)],
    })),
  });
}

export function useRemoveAttempt(leadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attemptId: string) => request('removeAttempt', { attemptId }),
    ...optimistic<string>(client, leadId, (context, attemptId) => ({
      ...context,
      attempts: context.attempts.filter((a) => a.id !== attemptId),
    })),
  });
}

export function useUpdateFields(leadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: LeadPatch) => request('updateFields', { leadId, patch }),
    ...optimistic<LeadPatch>(client, leadId, (context, patch) => ({
      ...context,
      lead: { ...context.lead, ...patch },
    })),
  });
}

export function useSetDisposition(leadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (disposition: Disposition) => request('setDisposition', disposition),
    ...optimistic<Disposition>(client, leadId, (context, disposition) => ({
      ...context,
      lead: { ...context.lead, stage: STAGE_AFTER_DISPOSITION[disposition.kind] },
      dispositions: [...context.dispositions, { ...disposition, previousStage: context.lead.stage }],
    })),
  });
}

export function useUndoDisposition(leadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (disposition: Disposition) => request('undoDisposition', { dispositionId: disposition.id }),
    ...optimistic<Disposition>(client, leadId, (context, disposition) => ({
      ...context,
      lead: { ...context.lead, stage: disposition.previousStage ?? context.lead.stage },
      dispositions: context.dispositions.filter((d) => d.id !== disposition.id),
    })),
  });
}

export function useRecordAssetSent(leadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (sent: AssetSent) => request('recordAssetSent', sent),
    ...optimistic<AssetSent>(client, leadId, (context, sent) => ({
      ...context,
      assetsSent: [...context.assetsSent, sent],
    })),
  });
}

export function useRecordContentRequest(leadId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (contentRequest: ContentRequest) => request('recordContentRequest', contentRequest),
    ...optimistic<ContentRequest>(client, leadId, (context, contentRequest) => ({
      ...context,
      contentRequests: [...context.contentRequests, contentRequest],
    })),
  });
}
