import { describe, expect, it } from 'vitest';
import { median, nearestRank, ratio } from '../../../lib/report/stats';

describe('report statistics', () => {
  it('median: middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([10, 1, 4, 2])).toBe(3);
  });

  it('90th percentile by nearest rank (the ⌈0.9·n⌉-th smallest)', () => {
    expect(nearestRank([], 0.9)).toBeNull();
    expect(nearestRank([3], 0.9)).toBe(3);
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(nearestRank(ten, 0.9)).toBe(9);
    const eleven = [...ten, 11];
    expect(nearestRank(eleven, 0.9)).toBe(10); // ⌈9.9⌉ = 10
    const thirty = Array.from({ length: 30 }, (_, i) => i + 1);
    expect(nearestRank(thirty, 0.9)).toBe(27); // 0.9 × 30 is 27.000000000000004 in floating point
  });

  it('a ratio over zero is undefined', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(1, 4)).toBe(0.25);
  });
});
