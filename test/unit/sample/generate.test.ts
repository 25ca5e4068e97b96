import { describe, expect, test } from 'vitest';
import { Asset, Attempt, Lead, Touch } from '@/lib/model/schemas';
import { generateSampleWorkspace } from '@/lib/sample/generate';

const now = new Date('2026-11-24T15:00:00Z');

describe('sample workspace', () => {
  test('is deterministic for a seed and a now', () => {
    expect(generateSampleWorkspace({ now })).toEqual(generateSampleWorkspace({ now }));
    expect(generateSampleWorkspace({ now, seed: 2 }).leads[10]).not.toEqual(
      generateSampleWorkspace({ now }).leads[10],
    );
  });

  test('every record passes its schema and is flagged as sample', () => {
    const sample = generateSampleWorkspace({ now });
    for (const lead of sample.leads) expect(Lead.parse(lead).sample).toBe(true);
    for (const asset of sample.assets) Asset.parse(asset);
    for (const touch of sample.touches) Touch.parse(touch);
    for (const attempt of sample.attempts) Attempt.parse(attempt);
  });

  test('has the variety the panel needs: stages, industries, fresh and old handoffs, gaps', () => {
    const { leads } = generateSampleWorkspace({ now });
    const stages = new Set(leads.map((l) => l.stage));
    expect([...stages].sort()).toEqual(['customer', 'disqualified', 'lead', 'mql', 'recycled', 'sql']);
    expect(new Set(leads.map((l) => l.industry).filter(Boolean)).size).toBeGreaterThanOrEqual(5);
    const ages = leads.filter((l) => l.mqlAt).map((l) => now.getTime() - Date.parse(l.mqlAt ?? ''));
    expect(ages.some((age) => age < 60 * 60_000)).toBe(true);
    expect(ages.some((age) => age > 60 * 60_000 && age < 24 * 60 * 60_000)).toBe(true);
    expect(ages.some((age) => age > 3 * 24 * 60 * 60_000)).toBe(true);
    expect(leads.filter((l) => !l.budget).length).toBeGreaterThan(50);
    expect(leads.filter((l) => !l.need).length).toBeGreaterThan(50);
    expect(new Set(leads.flatMap((l) => l.emails)).size).toBe(leads.length);
  });
});
