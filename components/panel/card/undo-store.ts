import type { Disposition } from '@/lib/model/schemas';

export const UNDO_WINDOW_MS = 5_000;

/**
 * What a pending undo takes back, as data (never a closure over some card's hooks), so it can only
 * ever be carried out by the card of the lead it belongs to.
 */
export type PendingUndo =
  | { kind: 'attempt'; leadId: string; label: string; attemptId: string }
  | { kind: 'disposition'; leadId: string; label: string; disposition: Disposition };

type Entry = { undo: PendingUndo; timer: ReturnType<typeof setTimeout> };

/**
 * The pending undos of the panel, one per lead, each offered for five seconds. Kept outside the
 * card so an action stays with its lead: leave Dana for Priya and back within the window, and
 * Dana's "Undo" is still there; Priya's card never sees it.
 */
export function createUndoStore(windowMs = UNDO_WINDOW_MS) {
  const pending = new Map<string, Entry>();
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const listener of listeners) listener();
  };
  const clear = (leadId: string) => {
    const entry = pending.get(leadId);
    if (!entry) return;
    clearTimeout(entry.timer);
    pending.delete(leadId);
    notify();
  };
  return {
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get(leadId: string): PendingUndo | undefined {
      return pending.get(leadId)?.undo;
    },
    offer(undo: PendingUndo): void {
      const before = pending.get(undo.leadId);
      if (before) clearTimeout(before.timer);
      pending.set(undo.leadId, { undo, timer: setTimeout(() => clear(undo.leadId), windowMs) });
      notify();
    },
    /** Removes and returns the lead's pending undo, so it is carried out once. */
    take(leadId: string): PendingUndo | undefined {
      const undo = pending.get(leadId)?.undo;
      clear(leadId);
      return undo;
    },
    dismiss: clear,
  };
}
export type UndoStore = ReturnType<typeof createUndoStore>;

/** The panel's one store: a panel page shows one lead at a time, and its undos outlive the card. */
export const undoStore = createUndoStore();
