import type { UndoOffer } from './useUndo';

export function UndoBar({ offer, onUndo }: { offer: UndoOffer | undefined; onUndo: () => void }) {
  if (!offer) return null;
  return (
    <div className="undo-bar" role="status">
      <span>{offer.label}</span>
      <button type="button" data-testid="undo" onClick={onUndo}>
        Undo <kbd>z</kbd>
      </button>
    </div>
  );
}
