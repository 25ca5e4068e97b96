import { type BatonDb, openBatonDb } from '../store/db';
import { backupParts, parseBackupText, restoreBackup } from './backup/backup';
import { EXPORT_KINDS, type ExportKind, exportCsvParts, exportFileName } from './export/exports';
import { previewImport } from './import/preview';
import { inspectFile } from './import/read';
import { runImport } from './import/run-import';
import { StatusStages } from './import/status-values';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

/**
 * The data worker: import (with its inspection and preview), CSV export, backup and restore, off
 * the options page's main thread. It keeps the file name `worker.ts` from when it lived in
 * lib/import: the build names the worker's chunk after it, and the options page loads that chunk.
 *
 * Why it writes to IndexedDB itself instead of sending chunks to the background: the worker runs
 * at the extension's origin, so it opens the very same database (same BatonDb class, same schema
 * and version) with real transactions, one per chunk. Sending 100k rows through runtime messaging
 * would serialise every row twice, keep the service worker busy (and liable to be stopped mid
 * import), and gain nothing: the background is told once, at the end (`dataImported`), and
 * broadcasts "lead changed" so open panels refresh.
 */

type Scope = {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};
const scope = globalThis as unknown as Scope;
let db: BatonDb | undefined;
const database = () => {
  db ??= openBatonDb();
  return db;
};
let running: AbortController | undefined;
/** The preview being computed: a newer one, or an import, stops it (the file is read whole). */
let previewing: AbortController | undefined;

const post = (message: WorkerResponse) => scope.postMessage(message);

async function serve(request: WorkerRequest): Promise<void> {
  switch (request.op) {
    case 'inspect':
      post({
        id: request.id,
        op: 'inspected',
        inspection: await inspectFile(request.file, request.fileName),
      });
      return;
    case 'preview': {
      previewing?.abort();
      const controller = new AbortController();
      previewing = controller;
      const stages = StatusStages.safeParse(request.statusStages);
      if (!stages.success) throw new Error('The meanings chosen for the status values are not valid.');
      const preview = await previewImport(
        request.file,
        request.fileName,
        request.kind,
        request.mapping,
        stages.data,
        controller.signal,
      );
      if (previewing === controller) previewing = undefined;
      post({ id: request.id, op: 'previewed', preview });
      return;
    }
    case 'import': {
      previewing?.abort();
      running = new AbortController();
      const result = await runImport(database(), request.file, request.fileName, {
        kind: request.kind,
        mapping: request.mapping,
        statusStages: request.statusStages,
        signal: running.signal,
        onProgress: (progress) => post({ id: request.id, op: 'progress', progress }),
      });
      running = undefined;
      post({ id: request.id, op: 'imported', result });
      return;
    }
    case 'cancel':
      // Stops before the next chunk: the chunk being written commits, what was written is kept.
      running?.abort();
      return;
    case 'export': {
      const now = new Date();
      if (request.kind === 'backup') {
        const { parts, counts } = await backupParts(database(), now, request.settings);
        const count = Object.values(counts).reduce((a, b) => a + b, 0);
        const blob = new Blob(parts, { type: 'application/json' });
        post({ id: request.id, op: 'exported', blob, fileName: exportFileName('backup', now), count });
        return;
      }
      if (!(EXPORT_KINDS as readonly string[]).includes(request.kind))
        throw new Error(`Unknown export "${request.kind}"`);
      const { parts, count } = await exportCsvParts(database(), request.kind as ExportKind);
      // A byte-order mark, so Excel opens the UTF-8 file with its accents intact.
      const blob = new Blob(['\uFEFF', ...parts], { type: 'text/csv;charset=utf-8' });
      post({ id: request.id, op: 'exported', blob, fileName: exportFileName(request.kind, now), count });
      return;
    }
    case 'restore': {
      const backup = parseBackupText(await request.file.text());
      const counts = await restoreBackup(database(), backup);
      post({
        id: request.id,
        op: 'restored',
        counts,
        ...(backup.settings ? { settings: backup.settings } : {}),
      });
      return;
    }
    default:
      throw new Error(`Unknown request ${JSON.stringify((request as { op?: unknown }).op)}`);
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  serve(request).catch((error: unknown) =>
    post({ id: request.id, op: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
