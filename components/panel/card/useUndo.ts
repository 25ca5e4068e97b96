import { useCallback, useEffect, useRef, useState } from 'react';

export const UNDO_WINDOW_MS = 5_000;

export type UndoOffer = { label: string; undo: () => void };

/** One pending undo at a time, offered for five seconds. */
export function useUndo() {
  const [offer, setOffer] = useState<UndoOffer | undefined>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const dismiss = useCallback(() => {
    clearTimeout(timer.current);
    setOffer(undefined);
  }, []);
  const offerUndo = useCallback((next: UndoOffer) => {
    clearTimeout(timer.current);
    setOffer(next);
    timer.current = setTimeout(() => setOffer(undefined), UNDO_WINDOW_MS);
  }, []);
  const undo = useCallback(() => {
    if (!offer) return;
    offer.undo();
    dismiss();
  }, [offer, dismiss]);

  useEffect(() => () => clearTimeout(timer.current), []);
  return { offer, offerUndo, undo, dismiss };
}
