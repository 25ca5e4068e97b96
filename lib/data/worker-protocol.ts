import type { Settings } from '../settings/schema';
import type { BackupCounts } from './backup/backup';
import type { ExportKind } from './export/exports';
import type { ColumnMapping, ImportKind } from './import/fields';
import type { ImportPreview } from './import/preview';
import type { Inspection } from './import/read';
import type { ImportProgress, ImportResult } from './import/result';
import type { StatusStages } from './import/status-values';

/**
 * Messages between the options page and its data worker (lib/data/worker.ts). Both ends are in
 * the same bundle, so the types are shared; the worker still refuses an unknown `op`.
 */
export type WorkerRequest =
  | { id: number; op: 'inspect'; file: Blob; fileName: string }
  | {
      id: number;
      op: 'preview';
      file: Blob;
      fileName: string;
      kind: ImportKind;
      mapping: ColumnMapping;
      statusStages: StatusStages;
    }
  | {
      id: number;
      op: 'import';
      file: Blob;
      fileName: string;
      kind: ImportKind;
      mapping: ColumnMapping;
      statusStages?: StatusStages;
    }
  | { id: number; op: 'cancel' }
  /** `settings`: this browser's own, for the backup (the worker cannot read extension storage). */
  | { id: number; op: 'export'; kind: ExportKind | 'backup'; settings?: Settings }
  | { id: number; op: 'restore'; file: Blob };

export type WorkerResponse =
  | { id: number; op: 'progress'; progress: ImportProgress }
  | { id: number; op: 'inspected'; inspection: Inspection }
  | { id: number; op: 'previewed'; preview: ImportPreview }
  | { id: number; op: 'imported'; result: ImportResult }
  | { id: number; op: 'exported'; blob: Blob; fileName: string; count: number }
  /** `settings`: the backup's, for the page to store (absent in a backup written without them). */
  | { id: number; op: 'restored'; counts: BackupCounts; settings?: Settings }
  | { id: number; op: 'error'; message: string };
