import Dexie, { type Table } from 'dexie';

/**
 * Puts many rows with plain IndexedDB requests, inside the current Dexie transaction (which must
 * include `table` in read-write mode); resolves when the last put succeeded. For bulk imports only.
 *
 * Why not `table.bulkPut`: Dexie runs each row through its middleware (hooks, the change tracking
 * behind liveQuery, which computes every index key of every row) and gathers a result per row; at
 * 100k leads that per-row work cost as much again as IndexedDB itself. Baton uses neither hooks
 * nor liveQuery, and the caller needs no keys back. A failed put fails the transaction, so Dexie
 * rolls the whole chunk back, as it would for bulkPut.
 */
export function putRows<T>(table: Table<T>, rows: readonly T[]): Promise<void> {
  const tx = Dexie.currentTransaction;
  if (!tx?.storeNames.includes(table.name) || tx.mode !== 'readwrite')
    throw new Error(`putRows needs a read-write transaction on "${table.name}"`);
  if (rows.length === 0) return Promise.resolve();
  const store = tx.idbtrans.objectStore(table.name);
  return new Promise((resolve, reject) => {
    let last: IDBRequest | undefined;
    for (const row of rows) last = store.put(row);
    if (!last) return resolve();
    last.onsuccess = () => resolve();
    last.onerror = () => reject(last?.error ?? new Error(`putRows: a put into "${table.name}" failed`));
  });
}
