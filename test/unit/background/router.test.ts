import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { registerRouter } from '@/lib/background/router';
import type { LeadSource } from '@/lib/lead-source/lead-source';
import { BatonDb } from '@/lib/store/db';

// The router's handlers, captured as it registers them (the transport is tested on its own).
const handlers = new Map<string, (data: unknown, sender: unknown) => unknown>();
vi.mock('@/lib/messaging/handle', () => ({
  handle: (type: string, _context: unknown, handler: (data: unknown, sender: unknown) => unknown) =>
    handlers.set(type, handler),
}));
vi.mock('@/lib/messaging/messenger', () => ({ broadcast: () => {} }));

let db: BatonDb;
beforeEach(() => {
  handlers.clear();
  db = new BatonDb(`router-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the router after writes made around the lead source', () => {
  test('an import, a restore and the sample workspace make the source forget what it kept', async () => {
    const activityChanged = vi.fn(async () => {});
    const afterWrite = vi.fn();
    const source = { activityChanged } as unknown as LeadSource;
    registerRouter(
      { extensionId: 'baton', extensionOrigin: 'chrome-extension://baton' },
      () => source,
      () => db,
      afterWrite,
    );
    const call = (type: string, data: unknown = null) => handlers.get(type)?.(data, {});

    await call('dataImported', { kind: 'touches' });
    expect(activityChanged).toHaveBeenCalledTimes(1);
    expect(afterWrite).toHaveBeenCalledTimes(1);
    await call('loadSample');
    await call('removeSample');
    await call('clearAllData');
    expect(activityChanged).toHaveBeenCalledTimes(4);
    expect(afterWrite).toHaveBeenCalledTimes(4);
  });
});

describe('the sync line', () => {
  test('outboxStatus says how many CRM records the source could not read', async () => {
    const source = { unreadableRecords: async () => 2 } as unknown as LeadSource;
    registerRouter(
      { extensionId: 'baton', extensionOrigin: 'chrome-extension://baton' },
      () => source,
      () => db,
    );
    const status = await handlers.get('outboxStatus')?.(null, {});
    expect(status).toMatchObject({ pending: 0, failed: 0, unreadableRecords: 2 });
    const local = { unreadableRecords: async () => 0 } as unknown as LeadSource;
    registerRouter(
      { extensionId: 'baton', extensionOrigin: 'chrome-extension://baton' },
      () => local,
      () => db,
    );
    expect(await handlers.get('outboxStatus')?.(null, {})).not.toHaveProperty('unreadableRecords');
  });
});
