import type { ImportProgress } from './import/result';
import type { WorkerRequest, WorkerResponse } from './worker-protocol';

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;
type Reply<Op extends WorkerResponse['op']> = Extract<WorkerResponse, { op: Op }>;

/**
 * The options page's handle on its data worker. The worker is a chunk bundled with the extension
 * (Vite turns `new Worker(new URL(…, import.meta.url))` into a file of its own at the extension's
 * origin): the extension's content security policy forbids `blob:` workers, and a `File` cannot
 * travel through extension messaging, but it can be posted to a worker.
 */
export class DataWorker {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<
    number,
    {
      resolve: (reply: WorkerResponse) => void;
      reject: (error: Error) => void;
      onProgress?: (p: ImportProgress) => void;
    }
  >();

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'baton-data' });
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
      const reply = event.data;
      const pending = this.waiting.get(reply.id);
      if (!pending) return;
      if (reply.op === 'progress') {
        pending.onProgress?.(reply.progress);
        return;
      }
      this.waiting.delete(reply.id);
      if (reply.op === 'error') pending.reject(new Error(reply.message));
      else pending.resolve(reply);
    };
    this.worker.onerror = (event) => {
      const error = new Error(event.message || 'The data worker failed to start.');
      for (const pending of this.waiting.values()) pending.reject(error);
      this.waiting.clear();
    };
  }

  /** Sends a request; resolves with the worker's final reply of the expected kind. */
  call<Op extends WorkerResponse['op']>(
    request: Distribute<WorkerRequest>,
    expect: Op,
    onProgress?: (p: ImportProgress) => void,
  ): Promise<Reply<Op>> {
    const id = this.nextId++;
    return new Promise<Reply<Op>>((resolve, reject) => {
      this.waiting.set(id, {
        resolve: (reply) =>
          reply.op === expect
            ? resolve(reply as Reply<Op>)
            : reject(new Error(`Unexpected reply "${reply.op}"`)),
        reject,
        onProgress,
      });
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  /** Fire-and-forget: cancel asks the running import to stop after its current chunk. */
  cancel(): void {
    this.worker.postMessage({ id: 0, op: 'cancel' } satisfies WorkerRequest);
  }

  terminate(): void {
    this.worker.terminate();
  }
}
