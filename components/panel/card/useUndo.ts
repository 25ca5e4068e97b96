import { useCallback, useSyncExternalStore } from 'react';
import { type PendingUndo, type UndoStore, undoStore } from './undo-store';

export { UNDO_WINDOW_MS } from './undo-store';

/**
 * The pending undo of one lead. `take` hands it to the caller (the card of that same lead) and
 * forgets it, so an undo is carried out once, and only for the lead it belongs to.
 */
export function useUndo(leadId: string, store: UndoStore = undoStore) {
  const subscribe = useCallback((listener: () => void) => store.subscribe(listener), [store]);
  const offer = useSyncExternalStore(subscribe, () => store.get(leadId));
  const offerUndo = useCallback((next: PendingUndo) => store.offer(next), [store]);
  const take = useCallback((): PendingUndo | undefined => {
    const pending = store.take(leadId);
    return pending?.leadId === leadId ? pending : undefined;
  }, [store, leadId]);
  return { offer, offerUndo, take };
}
