import { useQueryClient } from '@tanstack/react-query';
import type { ImportKind } from '@/lib/data/import/fields';
import type { Inspection } from '@/lib/data/import/read';
import type { DataWorker } from '@/lib/data/worker-client';
import { request } from '@/lib/messaging/messenger';

/** What the data section's panels share: the worker they ask, the labels, saving a file. */

/** Every panel asks the one worker the section made, when it first needs it. */
export type WorkerProps = { getWorker: () => DataWorker };

/** What a file can hold, as the kind picker names it. */
export const KIND_LABELS: Record<ImportKind, string> = {
  leads: 'Leads',
  touches: 'Touches (content consumed)',
  attempts: 'Attempts (calls, emails, LinkedIn, voicemails)',
  handbacks: 'Hand-backs (accepted, recycled, disqualified)',
  assets: 'Assets (content library)',
};

/** A file the worker could read: its headers, samples and notes. */
export type Inspected = Extract<Inspection, { ok: true }>;

/** Tells the background (panels refresh, badge and reminders catch up) and the counts above. */
export function useAfterWrite() {
  const client = useQueryClient();
  return (kind: ImportKind | 'backup') => {
    request('dataImported', { kind }).catch(() => {});
    void client.invalidateQueries({ queryKey: ['counts'] });
  };
}

/** Hands a file the page made to the browser as a download named `fileName`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** An error as the page shows it. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
