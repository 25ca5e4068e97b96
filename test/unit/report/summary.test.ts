import { describe, expect, it } from 'vitest';
import { summarizeLead } from '../../../lib/report/summary';

const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;

describe('summarizeLead', () => {
  it('keeps the latest hand-back as standing, the earliest after the handoff as first response, and counts touches before it', () => {
    const s = summarizeLead({
      lead: { id: 'L1', name: 'Ada', owner: '', stage: 'recycled', mqlAt: '2025-06-30T14:00:00.000Z' },
      attempts: [
        { at: '2025-06-30T16:00:00.000Z', channel: 'email', outcome: 'replied' },
        { at: '2025-06-30T15:00:00.000Z', channel: 'call', outcome: 'no_answer' },
      ],
      dispositions: [
        { kind: 'recycle', id: id(2), leadId: 'L1', at: '2025-07-03T10:00:00.000Z', reason: 'bad_timing' },
        { kind: 'accept', id: id(1), leadId: 'L1', at: '2025-06-29T10:00:00.000Z' },
      ],
      assetsSent: [],
      contentRequests: [],
      touches: [
        { at: '2025-06-01T10:00:00.000Z' },
        { at: '2025-06-30T13:59:00.000Z' },
        { at: '2025-07-01T10:00:00.000Z' },
      ],
    });
    expect(s.owner).toBeUndefined();
    expect(s.attempts.map((a) => a.channel)).toEqual(['call', 'email']);
    expect(s.handBack).toEqual({
      kind: 'recycle',
      at: Date.parse('2025-07-03T10:00:00.000Z'),
      reason: 'bad_timing',
    });
    expect(s.firstHandBackAt).toBe(Date.parse('2025-07-03T10:00:00.000Z'));
    expect(s.touchesBeforeHandoff).toBe(2);
  });

  it('counts an asset inserted into a reply as sent, a copied link apart, and an opened asset as neither', () => {
    const at = '2025-07-01T10:00:00.000Z';
    const s = summarizeLead({
      lead: { id: 'L1', name: 'Ada', owner: 'rep-1', stage: 'mql', mqlAt: '2025-06-30T14:00:00.000Z' },
      attempts: [],
      dispositions: [],
      assetsSent: [
        { assetId: 'copied', at, channel: 'copy_link' },
        { assetId: 'opened', at, channel: 'open' },
        { assetId: 'inserted', at, channel: 'gmail_insert' },
      ],
      contentRequests: [],
      touches: [],
    });
    expect(s.assetsSent.map((a) => a.assetId)).toEqual(['inserted']);
    expect(s.linksCopied.map((a) => a.assetId)).toEqual(['copied']);
  });
});
