import type { PendingUndo } from './undo-store';

/**
 * The pending undo of the lead on screen. Fixed at the bottom of the panel, over the card, so it
 * never pushes the outcome chips down as the rep reaches for them.
 */
export function UndoBar({ offer, onUndo }: { offer: PendingUndo | undefined; onUndo: () => void }) {
  if (!offer) return null;
  return (
    <div className="undo-bar" role="status" data-testid="undo-bar" data-lead-id={offer.leadId}>
      <span>{offer.label}</span>
      <button type="button" data-testid="undo" onClick={onUndo}>
        Undo <kbd>z</kbd>
      </button>
    </div>
  );
}
