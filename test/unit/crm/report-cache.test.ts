import { describe, expect, it } from 'vitest';
import { ReportCache } from '../../../lib/crm/report-cache';
import type { ReportDataWire } from '../../../lib/report/report-data-schema';

const data = (n: number): ReportDataWire => ({
  leads: [],
  libraryAssetIds: [`asset-${n}`],
  knowsCustomers: true,
  blindSpots: [],
});
const week = { from: 1_000, to: 2_000 };

describe("the report's cache of a CRM's reads", () => {
  it('reads a period once, shares a read under way, and reads again once forgotten', async () => {
    const cache = new ReportCache();
    let loads = 0;
    const load = async () => data(++loads);
    const [a, b] = await Promise.all([cache.read(week, load), cache.read(week, load)]);
    expect(a).toBe(b);
    expect(await cache.read(week, load)).toEqual(data(1));
    expect(await cache.read({ from: 2_000, to: 3_000 }, load)).toEqual(data(2));
    cache.forget(week);
    expect(await cache.read(week, load)).toEqual(data(3));
  });

  it('does not keep a read that failed', async () => {
    const cache = new ReportCache();
    await expect(cache.read(week, async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
    expect(await cache.read(week, async () => data(7))).toEqual(data(7));
  });

  it('keeps only the newest periods', async () => {
    const cache = new ReportCache(2);
    let loads = 0;
    const load = async () => data(++loads);
    for (const from of [0, 10, 20]) await cache.read({ from, to: from + 5 }, load);
    expect(await cache.read({ from: 0, to: 5 }, load)).toEqual(data(4));
  });
});
