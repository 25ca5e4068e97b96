// @vitest-environment happy-dom
import { cleanup, fireEvent, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ScoreModelForm } from '@/components/options/ScoreModelForm';
import { defaultScoreModel, type ScoreModel } from '@/lib/core/score';
import { renderSection, saveFails, saveOk, seed, seededSettings, stored, type } from './helpers';

const TITLE = 'Score model';

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const value = (section: HTMLElement, label: string | RegExp) =>
  (within(section).getByLabelText(label) as HTMLInputElement).value;

describe('Score model form', () => {
  test('shows weights, half-life, threshold, bands and every fit rule with its points', async () => {
    await seed();
    const section = await renderSection(<ScoreModelForm />, TITLE);
    expect(value(section, 'Demo request weight')).toBe('30');
    expect(value(section, 'Page view weight')).toBe('1');
    expect(value(section, 'Half-life (days)')).toBe('30');
    expect(value(section, 'MQL threshold (0–100)')).toBe('60');
    expect(value(section, 'Hot from score')).toBe('70');
    const { fit } = defaultScoreModel;
    for (const rule of [...fit.title, ...fit.industry, ...fit.companySize, ...fit.territory]) {
      expect(value(section, `${rule.label} points`)).toBe(String(rule.points));
    }
  });

  test('saves weights, decay, threshold and a rule’s points; a blank weight earns nothing', async () => {
    const before = await seed();
    const section = await renderSection(<ScoreModelForm />, TITLE);
    type(section, 'Demo request weight', '40');
    type(section, 'Page view weight', '');
    type(section, 'Half-life (days)', '14');
    type(section, 'MQL threshold (0–100)', '55');
    type(section, 'Warm from score', '35');
    type(section, 'Target industry points', '15');
    type(section, 'Seniority: Junior points', '-10');
    await saveOk(section);
    const saved = (await stored()) as { scoreModel: ScoreModel };
    const expected: ScoreModel = structuredClone(defaultScoreModel);
    expected.engagement.weights.demo_request = 40;
    delete expected.engagement.weights.page_view;
    expected.engagement.halfLifeDays = 14;
    expected.mqlThreshold = 55;
    expected.bands.warm = 35;
    for (const rule of expected.fit.industry) if (rule.id === 'target') rule.points = 15;
    for (const rule of expected.fit.title) if (rule.label === 'Seniority: Junior') rule.points = -10;
    expect(saved).toEqual({ ...before, scoreModel: expected });
    expect(saved.scoreModel.engagement.weights).not.toHaveProperty('page_view');
  });

  test('out-of-range values are refused with the field named, and nothing is saved', async () => {
    const before = await seed();
    const section = await renderSection(<ScoreModelForm />, TITLE);
    type(section, 'Demo request weight', '60');
    type(section, 'Download weight', '-1');
    type(section, 'Half-life (days)', '0');
    type(section, 'MQL threshold (0–100)', '120');
    type(section, 'Seniority: VP points', '99');
    type(section, 'Company size 5,001+ points', '');
    const text = await saveFails(section);
    expect(text).toContain('Demo request weight: must be at most 50');
    expect(text).toContain('Download weight: must be at least 0');
    expect(text).toContain('Half-life (days): must be greater than 0');
    expect(text).toContain('MQL threshold: must be at most 100');
    expect(text).toContain('Seniority: VP points: must be at most 50');
    expect(text).toContain('Company size 5,001+ points: is required');
    expect(within(section).getByLabelText('Seniority: VP points').getAttribute('aria-invalid')).toBe('true');
    expect(within(section).getByLabelText('Form fill weight').getAttribute('aria-invalid')).toBeNull();
    expect(await stored()).toEqual(before);
  });

  test('a warm band above the hot band is refused', async () => {
    const before = await seed();
    const section = await renderSection(<ScoreModelForm />, TITLE);
    type(section, 'Warm from score', '80');
    expect(await saveFails(section)).toContain(
      'Score bands: the warm band must start at or below the hot band',
    );
    expect(await stored()).toEqual(before);
  });

  test('Reset to defaults restores and saves the default model', async () => {
    const custom = seededSettings();
    custom.scoreModel = { ...defaultScoreModel, mqlThreshold: 75 };
    const before = await seed(custom);
    const section = await renderSection(<ScoreModelForm />, TITLE);
    expect(value(section, 'MQL threshold (0–100)')).toBe('75');
    fireEvent.click(within(section).getByRole('button', { name: /^Reset to defaults/ }));
    await waitFor(() =>
      expect(within(section).getByRole('status').textContent).toBe('Reset to defaults. Saved.'),
    );
    expect(await stored()).toEqual({ ...before, scoreModel: defaultScoreModel });
    expect(value(section, 'MQL threshold (0–100)')).toBe('60');
  });
});
