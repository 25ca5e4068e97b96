import type { LeadHandoff } from '../model/schemas';

/**
 * The SLA's handoff: the later of when the lead was handed to sales (the MQL date, or the Leads
 * object's first stage) and when its current owner got it. A reassigned lead restarts the clock
 * for the new owner; the card says so, with the previous owner's name when known.
 */
export function handoffOf(input: {
  /** The MQL instant, the first-stage entry (HubSpot's Leads object) or the record's creation, epoch ms; NaN when unknown. */
  handedAt: number;
  handedFrom: 'mql' | 'lead_stage' | 'created';
  assignment: { at: number; previousOwnerId?: string } | undefined;
  ownerNames: Readonly<Record<string, string>>;
}): { at: string; handoff: LeadHandoff } | undefined {
  const { handedAt, handedFrom, assignment, ownerNames } = input;
  const assignedAt = assignment?.at ?? Number.NaN;
  if (!Number.isFinite(handedAt)) return undefined; // never handed to sales: no clock to start
  const previous = assignment?.previousOwnerId;
  // Handed over and reassigned at one moment (a routing rule): the clock is the same; the card still says from whom.
  const earlier = assignedAt < handedAt || (assignedAt === handedAt && !previous);
  if (!Number.isFinite(assignedAt) || earlier)
    return { at: new Date(handedAt).toISOString(), handoff: { from: handedFrom } };
  const previousOwner = previous ? (ownerNames[previous] ?? `owner ${previous}`) : undefined;
  return {
    at: new Date(assignedAt).toISOString(),
    handoff: { from: 'owner_assigned', ...(previousOwner ? { previousOwner } : {}) },
  };
}
