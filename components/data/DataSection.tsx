import { useEffect, useRef } from 'react';
import { DataWorker } from '@/lib/data/worker-client';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { RestorePanel } from './RestorePanel';
import './data.css';

/** The options page's "Import and export" section: import with mapping and progress, exports, backup. */
export function DataSection() {
  const worker = useRef<DataWorker | null>(null);
  const getWorker = () => {
    worker.current ??= new DataWorker();
    return worker.current;
  };
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );
  return (
    <section aria-label="Import and export" className="data-section">
      <h2>Import and export</h2>
      <ImportPanel getWorker={getWorker} />
      <ExportPanel getWorker={getWorker} />
      <RestorePanel getWorker={getWorker} />
    </section>
  );
}
