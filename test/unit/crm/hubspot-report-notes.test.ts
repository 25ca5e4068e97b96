import { describe, expect, it } from 'vitest';
import {
  assetSentNote,
  contentRequestNote,
  dispositionToWrites,
  noteBody,
} from '../../../lib/crm/hubspot/mapping';
import { readBatonNote } from '../../../lib/crm/hubspot/report-notes';
import type { Disposition } from '../../../lib/model/schemas';

const ID = '5b0b7a9e-3c1f-4c7e-9a51-1f0e6f2d9a10';

describe("Baton's tagged notes read back for the report", () => {
  it('reads a hand-back note the outbox writes, reason and all', () => {
    const disposition = {
      id: ID,
      leadId: 'hubspot:1',
      kind: 'recycle',
      reason: 'no_budget',
      text: 'next year: <maybe>',
      at: '2026-10-02T10:00:00.000Z',
    } as Disposition;
    const { note } = dispositionToWrites(disposition);
    expect(readBatonNote(noteBody(note ?? '', ID))).toEqual({ kind: 'recycle', id: ID, reason: 'no_budget' });
    const dq = dispositionToWrites({
      ...disposition,
      kind: 'disqualify',
      reason: 'bad_timing',
    } as Disposition);
    expect(readBatonNote(noteBody(dq.note ?? '', ID))).toMatchObject({
      kind: 'disqualify',
      reason: 'bad_timing',
    });
  });

  it('reads an asset sent (title and URL, HTML-escaped) and a content request', () => {
    const asset = { title: 'ROI & "TCO" guide', url: 'https://content.example/roi' };
    expect(readBatonNote(noteBody(assetSentNote(asset), ID))).toEqual({
      kind: 'assetSent',
      id: ID,
      channel: 'gmail_insert',
      ...asset,
    });
    expect(readBatonNote(noteBody(assetSentNote(undefined), ID))).toEqual({
      kind: 'assetSent',
      id: ID,
      channel: 'gmail_insert',
    });
    expect(readBatonNote(noteBody(contentRequestNote({ text: 'A <SOC 2> report' }), ID))).toEqual({
      kind: 'contentRequest',
      id: ID,
      text: 'A <SOC 2> report',
    });
  });

  it("leaves other people's notes and unknown reasons alone", () => {
    expect(readBatonNote('Met at the trade show')).toBeUndefined();
    expect(readBatonNote(null)).toBeUndefined();
    expect(
      readBatonNote(`Recycled to nurture by sales in Baton. Reason: Astrology\n[baton:${ID}]`),
    ).toBeUndefined();
    expect(readBatonNote(`Something else entirely\n[baton:${ID}]`)).toBeUndefined();
  });

  it('tells a copied link and an opened asset from a send, in the note and when read back', () => {
    const asset = { title: 'ROI guide', url: 'https://content.example/roi' };
    expect(assetSentNote(asset, 'copy_link')).toBe(
      'Link copied in Baton (not sent): ROI guide (https://content.example/roi)',
    );
    expect(readBatonNote(noteBody(assetSentNote(asset, 'copy_link'), ID))).toMatchObject({
      channel: 'copy_link',
      url: asset.url,
    });
    expect(readBatonNote(noteBody(assetSentNote(undefined, 'open'), ID))).toEqual({
      kind: 'assetSent',
      id: ID,
      channel: 'open',
    });
    // A note written before copies were told apart reads as a send, as it was meant.
    expect(readBatonNote(noteBody('Sent an asset from Baton', ID))).toMatchObject({
      channel: 'gmail_insert',
    });
  });
});
