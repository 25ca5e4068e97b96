import type { LeadIdentity } from '@/lib/model/identity';

const labelOf = (identity: LeadIdentity) =>
  [identity.name, identity.emails[0] ?? identity.linkedinSlug].filter(Boolean).join(' · ');

/** Several outside people on one thread: choose whose card to show. */
export function ParticipantPicker({
  candidates,
  chosen,
  onChoose,
}: {
  candidates: LeadIdentity[];
  chosen: number;
  onChoose: (index: number) => void;
}) {
  return (
    <label className="row small">
      <span className="muted">Showing</span>
      <select data-testid="picker" value={chosen} onChange={(event) => onChoose(Number(event.target.value))}>
        {candidates.map((candidate, index) => (
          <option key={labelOf(candidate)} value={index}>
            {labelOf(candidate)}
          </option>
        ))}
      </select>
      <span className="muted">({candidates.length} people on this thread)</span>
    </label>
  );
}
