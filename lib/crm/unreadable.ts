/**
 * How many records HubSpot sent that Baton could not read and left out, per kind of read; the
 * latest read of each kind replaces its count. The sync line shows the total, so a rep knows the
 * queue or a card is missing something rather than silently short.
 */
export type ReadKind = 'queue' | 'search' | 'card' | 'report';

export class UnreadableRecords {
  private readonly counts = new Map<ReadKind, number>();

  note(kind: ReadKind, skipped: number): void {
    if (skipped > 0) this.counts.set(kind, skipped);
    else this.counts.delete(kind);
  }

  total(): number {
    let sum = 0;
    for (const count of this.counts.values()) sum += count;
    return sum;
  }

  clear(): void {
    this.counts.clear();
  }
}
