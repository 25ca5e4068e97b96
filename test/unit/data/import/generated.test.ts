import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { proposeMapping } from '@/lib/data/import/fields';
import { runImport } from '@/lib/data/import/run-import';
import { generateSampleWorkspace } from '@/lib/sample/generate';
import { BatonDb } from '@/lib/store/db';
import {
  ASSET_HEADERS,
  ATTEMPT_HEADERS,
  assetCsvLine,
  attemptCsvLine,
  LEAD_HEADERS,
  leadCsvLine,
  TOUCH_HEADERS,
  touchCsvLine,
  withoutSample,
} from '../../../../scripts/gen-files';

const now = new Date('2026-11-24T15:00:00Z');
let db: BatonDb;
beforeEach(() => {
  db = new BatonDb(`gen-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe("the generator's files import cleanly", () => {
  test('leads (HubSpot headers, all mapped), then touches by email, then assets: nothing rejected, same records', async () => {
    const ws = generateSampleWorkspace({ now, seed: 7, leads: 120, touches: 600, assets: 20, attempts: 150 });
    expect(ws.attempts).toHaveLength(150);
    const emailOf = new Map(ws.leads.map((lead) => [lead.id, lead.emails[0]]));
    const file = (header: readonly string[], lines: string[]) =>
      new Blob([`${header.join(',')}\r\n${lines.join('\r\n')}\r\n`]);

    const leadMapping = proposeMapping('leads', LEAD_HEADERS);
    expect(leadMapping.every((target) => target !== null)).toBe(true);
    const leads = await runImport(db, file(LEAD_HEADERS, ws.leads.map(leadCsvLine)), 'leads.csv', {
      kind: 'leads',
      mapping: leadMapping,
    });
    expect(leads).toMatchObject({ status: 'done', created: 120, rejected: 0, warnings: 0 });

    const touches = await runImport(
      db,
      file(
        TOUCH_HEADERS,
        ws.touches.map((t) => touchCsvLine(t, (id) => emailOf.get(id))),
      ),
      'touches.csv',
      { kind: 'touches', mapping: proposeMapping('touches', TOUCH_HEADERS) },
    );
    expect(touches).toMatchObject({ status: 'done', created: 600, rejected: 0 });

    const attempts = await runImport(
      db,
      file(
        ATTEMPT_HEADERS,
        ws.attempts.map((a) => attemptCsvLine(a, (id) => emailOf.get(id))),
      ),
      'attempts.csv',
      { kind: 'attempts', mapping: proposeMapping('attempts', ATTEMPT_HEADERS) },
    );
    expect(attempts).toMatchObject({ status: 'done', created: 150, rejected: 0, warnings: 0 });
    // The generator's UUIDs are kept, so each attempt is its own again.
    expect((await db.attempts.get(ws.attempts[0]?.id ?? ''))?.outcome).toBe(ws.attempts[0]?.outcome);

    const assets = await runImport(db, file(ASSET_HEADERS, ws.assets.map(assetCsvLine)), 'assets.csv', {
      kind: 'assets',
      mapping: proposeMapping('assets', ASSET_HEADERS),
    });
    expect(assets).toMatchObject({ status: 'done', created: 20, rejected: 0 });

    // Stages, sizes and handoffs survive the HubSpot-style round trip.
    for (const lead of ws.leads) {
      const stored = await db.leads
        .where('emails')
        .equals(lead.emails[0] ?? '')
        .first();
      const expected = {
        stage: lead.stage,
        companySize: lead.companySize,
        mqlAt: lead.mqlAt,
        name: lead.name,
      };
      expect(stored).toMatchObject(JSON.parse(JSON.stringify(expected)));
      if (lead.mqlAt === undefined) expect(stored?.mqlAt).toBeUndefined();
    }
    // Touches keep their ids and point at the imported lead (whose id is Baton's own, not the generator's).
    const first = ws.touches[0];
    if (!first) throw new Error('the generator made no touches');
    const { leadId, ...touch } = withoutSample(first);
    const owner = await db.leads
      .where('emails')
      .equals(emailOf.get(leadId) ?? '')
      .first();
    expect(await db.touches.get('touch-000001')).toMatchObject({ ...touch, leadId: owner?.id });
  });
});
