import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Touch } from '@/lib/model/schemas';
import { putRows } from '@/lib/store/bulk';
import { BatonDb } from '@/lib/store/db';

let db: BatonDb;
beforeEach(() => {
  db = new BatonDb(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const touch = (n: number): Touch => ({
  id: `t-${n}`,
  leadId: `lead-${n % 3}`,
  at: new Date(Date.UTC(2026, 10, 1 + n)).toISOString(),
  kind: 'page_view',
  title: `Page ${n}`,
  sample: false,
});

describe('putRows', () => {
  test('writes every row, replacing rows with the same key, and the indexes see them', async () => {
    await db.transaction('rw', db.touches, () => putRows(db.touches, [touch(1), touch(2), touch(4)]));
    await db.transaction('rw', db.touches, () =>
      putRows(db.touches, [{ ...touch(1), title: 'Again' }, touch(7)]),
    );
    expect((await db.touches.toArray()).map((t) => t.id).sort()).toEqual(['t-1', 't-2', 't-4', 't-7']);
    expect((await db.touches.get('t-1'))?.title).toBe('Again');
    const lead1 = await db.touches
      .where('[leadId+at]')
      .between(['lead-1', ''], ['lead-1', '\uffff'])
      .toArray();
    expect(lead1.map((t) => t.id)).toEqual(['t-1', 't-4', 't-7']);
  });

  test('a bad row fails the chunk: nothing of it is written', async () => {
    await db.touches.put(touch(0));
    const bad = { ...touch(2), id: undefined } as unknown as Touch;
    await expect(
      db.transaction('rw', db.touches, () => putRows(db.touches, [touch(1), bad, touch(3)])),
    ).rejects.toThrow();
    expect((await db.touches.toArray()).map((t) => t.id)).toEqual(['t-0']);
  });

  test('refuses to run outside a read-write transaction on its table', async () => {
    expect(() => putRows(db.touches, [touch(1)])).toThrow('read-write transaction');
    await expect(db.transaction('r', db.touches, () => putRows(db.touches, [touch(1)]))).rejects.toThrow(
      'read-write transaction',
    );
    await expect(db.transaction('rw', db.leads, () => putRows(db.touches, [touch(1)]))).rejects.toThrow(
      'read-write transaction',
    );
    expect(await db.touches.count()).toBe(0);
  });
});
