import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { BackupError, parseBackup } from '@/lib/data/backup/backup';
import { proposeMapping } from '@/lib/data/import/fields';
import { runImport } from '@/lib/data/import/run-import';
import { admitMessage } from '@/lib/messaging/handle';
import { LeadIdentity } from '@/lib/model/schemas';
import { linkedinPageFromUrl } from '@/lib/sites/linkedin/detect';
import { BatonDb, linkedinSlugOf } from '@/lib/store/db';
import { LocalLeadSource } from '@/lib/store/local-source';

/** A LinkedIn cell with a broken %-escape: `decodeURIComponent` throws on it. */
const BROKEN = '%E0%A4%A';
const NOW = new Date('2026-11-24T15:00:00Z');
let db: BatonDb;

beforeEach(() => {
  db = new BatonDb(`malformed-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a broken %-escape in a LinkedIn address', () => {
  test('an import keeps the row without the field, says so, and goes on', async () => {
    const header = 'First Name,Last Name,Email,LinkedIn URL';
    const csv = [
      header,
      `Dana,Whitfield,dana@northwind.example,${BROKEN}`,
      `Priya,Raman,priya@larkspur.example,https://www.linkedin.com/in/${BROKEN}/`,
      'Marco,Bellini,marco@x.example,https://www.linkedin.com/in/j%C3%B6rg-m/',
    ].join('\n');
    const result = await runImport(db, new Blob([csv]), 'leads.csv', {
      kind: 'leads',
      mapping: proposeMapping('leads', header.split(',')),
      now: () => NOW,
    });
    expect(result).toMatchObject({ status: 'done', created: 3, rejected: 0 });
    const warnings = result.report.filter((entry) => /broken %-escape/.test(entry.reason));
    expect(warnings.map((entry) => [entry.row, entry.column, entry.severity])).toEqual([
      [2, 'LinkedIn URL', 'warning'],
      [3, 'LinkedIn URL', 'warning'],
    ]);
    const source = new LocalLeadSource(db);
    const dana = await source.findByIdentity({ emails: ['dana@northwind.example'] });
    expect(dana).toMatchObject({ name: 'Dana Whitfield' });
    expect(dana?.linkedinUrl).toBeUndefined();
    expect(linkedinSlugOf('https://www.linkedin.com/in/j%C3%B6rg-m/')).toBe('jörg-m');
  });

  test('a backup holding one is refused with a message naming the record, not a raw URIError', () => {
    const lead = {
      id: 'lead-7',
      name: 'Dana Whitfield',
      emails: ['dana@northwind.example'],
      linkedinUrl: `https://www.linkedin.com/in/${BROKEN}/`,
      stage: 'mql',
      updatedAt: NOW.toISOString(),
    };
    const backup = {
      format: 'baton-backup',
      version: 1,
      exportedAt: NOW.toISOString(),
      tables: {
        leads: [lead],
        touches: [],
        assets: [],
        attempts: [],
        dispositions: [],
        assetsSent: [],
        contentRequests: [],
      },
    };
    expect(() => parseBackup(backup)).toThrow(BackupError);
    expect(() => parseBackup(backup)).toThrow(
      /leads\[0\] \(id "lead-7"\): linkedinUrl: is not a readable LinkedIn profile/,
    );
  });

  test('"add lead" from such an address is refused with a message, and the page never reports such a slug', async () => {
    const context = {
      extensionId: 'abcdefghijklmnop',
      extensionOrigin: 'chrome-extension://abcdefghijklmnop',
    };
    const panel = { id: context.extensionId, url: `${context.extensionOrigin}/sidepanel.html?tab=3` };
    const admitted = admitMessage(
      'addLead',
      { name: 'Dana', linkedinUrl: `https://www.linkedin.com/in/${BROKEN}/` },
      panel,
      context,
    );
    expect(admitted).toEqual({
      ok: false,
      reason:
        'Bad "addLead" request: linkedinUrl: is not a readable LinkedIn profile address (a broken %-escape in its name)',
    });
    await expect(
      new LocalLeadSource(db).addLead(
        { name: 'Dana', linkedinUrl: `https://www.linkedin.com/in/${BROKEN}/` },
        NOW,
      ),
    ).rejects.toThrow();
    expect(await db.leads.count()).toBe(0);
    expect(LeadIdentity.safeParse({ linkedinSlug: BROKEN }).success).toBe(false);
    expect(linkedinPageFromUrl(`https://www.linkedin.com/in/${BROKEN}/`)).toBeUndefined();
    expect(linkedinSlugOf(`https://www.linkedin.com/in/${BROKEN}/`)).toBeUndefined();
  });
});
