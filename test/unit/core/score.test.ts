import { describe, expect, it } from 'vitest';
import { personaFromTitle, seniorityOf } from '../../../lib/core/persona';
import {
  CRM_SCORE_LABEL,
  defaultScoreModel,
  type ScoreLead,
  ScoreModel,
  type ScoreTouch,
  scoreLead,
} from '../../../lib/core/score';
import type { TouchKind } from '../../../lib/model/schemas';

const DAY = 86_400_000;
const NOW = Date.UTC(2025, 5, 2, 12);
const touch = (kind: TouchKind, daysAgo: number, leadId = 'L'): ScoreTouch => ({
  leadId,
  kind,
  at: new Date(NOW - daysAgo * DAY).toISOString(),
});
const lead = (over: Partial<ScoreLead> = {}): ScoreLead => ({ id: 'L', ...over });

describe('scoreLead', () => {
  it('adds fit and decayed engagement, and explains every rule that counted', () => {
    const r = scoreLead(
      defaultScoreModel,
      lead({ title: 'VP Sales', industry: 'Healthcare', companySize: 120, territory: 'EMEA' }),
      [touch('demo_request', 0), touch('page_view', 30), touch('webinar', 60)],
      NOW,
    );
    expect(r.fit).toBe(16 + 10 + 8 + 8);
    expect(r.engagement).toBe(33); // 30 + 1 × ½ + 10 × ¼
    expect(r.total).toBe(75);
    expect(r.band).toBe('hot');
    expect(r.isMql).toBe(true);
    expect(r.reasons).toEqual([
      { rule: 'fit.title.vp', label: 'Seniority: VP', points: 16, part: 'fit' },
      { rule: 'fit.industry.target', label: 'Target industry: Healthcare', points: 10, part: 'fit' },
      { rule: 'fit.size.51-200', label: 'Company size 51–200', points: 8, part: 'fit' },
      { rule: 'fit.territory.core', label: 'Core territory: EMEA', points: 8, part: 'fit' },
      { rule: 'engagement.demo_request', label: 'Demo request', points: 30, part: 'engagement' },
      { rule: 'engagement.webinar', label: 'Webinar', points: 2.5, part: 'engagement' },
      { rule: 'engagement.page_view', label: 'Page view', points: 0.5, part: 'engagement' },
    ]);
    expect(r.crmScore).toBeUndefined();
  });

  it('halves engagement every 30 days', () => {
    expect(scoreLead(defaultScoreModel, lead(), [touch('download', 0)], NOW).engagement).toBe(8);
    expect(scoreLead(defaultScoreModel, lead(), [touch('download', 30)], NOW).engagement).toBe(4);
    expect(scoreLead(defaultScoreModel, lead(), [touch('download', 60)], NOW).engagement).toBe(2);
  });

  it('groups touches of one kind and ignores future touches and other leads', () => {
    const r = scoreLead(
      defaultScoreModel,
      lead(),
      [touch('form', 0), touch('form', 0), touch('form', -3), touch('demo_request', 0, 'someone-else')],
      NOW,
    );
    expect(r.engagement).toBe(24);
    expect(r.reasons).toEqual([
      { rule: 'engagement.form', label: 'Form fill ×2', points: 24, part: 'engagement' },
    ]);
  });

  it('caps engagement at 50 and says so', () => {
    const r = scoreLead(defaultScoreModel, lead(), [touch('demo_request', 0), touch('demo_request', 1)], NOW);
    expect(r.engagement).toBe(50);
    const engagement = r.reasons.filter((x) => x.part === 'engagement');
    expect(engagement.map((x) => x.rule)).toEqual(['engagement.demo_request', 'engagement.cap']);
    expect(engagement.reduce((sum, x) => sum + x.points, 0)).toBeCloseTo(50, 0);
  });

  it('floors fit at 0 and caps it at 50', () => {
    const intern = scoreLead(defaultScoreModel, lead({ title: 'Marketing Intern' }), [], NOW);
    expect(intern.fit).toBe(0);
    expect(intern.reasons.map((x) => [x.rule, x.points])).toEqual([
      ['fit.title.junior', -5],
      ['fit.floor', 5],
    ]);
    const generous = ScoreModel.parse({
      ...defaultScoreModel,
      fit: {
        ...defaultScoreModel.fit,
        industry: [{ id: 'all', label: 'Any', values: ['Healthcare'], points: 40 }],
      },
    });
    const r = scoreLead(generous, lead({ title: 'CEO', industry: 'Healthcare' }), [], NOW);
    expect(r.fit).toBe(50);
    expect(r.reasons.at(-1)).toEqual({
      rule: 'fit.cap',
      label: 'Fit capped at 50',
      points: -10,
      part: 'fit',
    });
  });

  it('bands and the MQL threshold', () => {
    const model = ScoreModel.parse({ ...defaultScoreModel, mqlThreshold: 60, bands: { hot: 70, warm: 40 } });
    const withFit = (points: number) =>
      ScoreModel.parse({
        ...model,
        fit: {
          title: [],
          industry: [{ id: 'x', label: 'X', values: ['x'], points }],
          companySize: [],
          territory: [],
        },
      });
    const at = (points: number) =>
      scoreLead(withFit(points), lead({ industry: 'x' }), [touch('demo_request', 0)], NOW);
    expect(at(9)).toMatchObject({ total: 39, band: 'cold', isMql: false });
    expect(at(10)).toMatchObject({ total: 40, band: 'warm', isMql: false });
    expect(at(30)).toMatchObject({ total: 60, band: 'warm', isMql: true });
    expect(at(40)).toMatchObject({ total: 70, band: 'hot', isMql: true });
  });

  it('keeps the CRM score beside its own, labelled as the CRM’s', () => {
    const r = scoreLead(defaultScoreModel, lead({ crmScore: 87 }), [], NOW);
    expect(r.crmScore).toBe(87);
    expect(r.total).toBe(0);
    expect(CRM_SCORE_LABEL).toBe("CRM's score");
  });

  it('matches industries and territories case-insensitively and sizes at band edges', () => {
    const rules = (l: ScoreLead) => scoreLead(defaultScoreModel, l, [], NOW).reasons.map((x) => x.rule);
    expect(rules(lead({ industry: '  healthcare ' }))).toEqual(['fit.industry.target']);
    expect(rules(lead({ territory: 'apac' }))).toEqual(['fit.territory.expansion']);
    expect(rules(lead({ territory: 'Atlantis', industry: 'Farming' }))).toEqual([]);
    expect(rules(lead({ companySize: 50 }))).toEqual(['fit.size.11-50']);
    expect(rules(lead({ companySize: 51 }))).toEqual(['fit.size.51-200']);
    expect(rules(lead({ companySize: 0 }))).toEqual([]);
    expect(rules(lead({ companySize: 250_000 }))).toEqual(['fit.size.5001+']);
  });

  it('rejects an inconsistent model', () => {
    expect(ScoreModel.safeParse({ ...defaultScoreModel, bands: { hot: 30, warm: 60 } }).success).toBe(false);
    expect(
      ScoreModel.safeParse({ ...defaultScoreModel, engagement: { weights: { demo_request: -1 } } }).success,
    ).toBe(false);
  });

  it('is deterministic and does not read the clock', () => {
    const l = lead({ title: 'CTO', industry: 'Software' });
    const touches = [touch('download', 3), touch('event', 10)];
    expect(scoreLead(defaultScoreModel, l, touches, NOW)).toEqual(
      scoreLead(defaultScoreModel, l, touches, NOW),
    );
    expect(scoreLead(defaultScoreModel, l, touches, NOW + 30 * DAY).engagement).toBeLessThan(
      scoreLead(defaultScoreModel, l, touches, NOW).engagement,
    );
  });
});

describe('seniority from titles', () => {
  it.each([
    ['Chief Executive Officer', 'C-level'],
    ['CEO & Founder', 'C-level'],
    ['President', 'C-level'],
    ['Managing Director, DACH', 'C-level'],
    ['Vice President, Marketing', 'VP'],
    ['SVP Engineering', 'VP'],
    ['Director of Operations', 'Director'], // "cto" inside "director" does not count
    ['Head of Revenue Operations', 'Director'],
    ['Sales Manager', 'Manager'],
    ['Senior Software Engineer', 'Individual contributor'],
    ['Marketing Intern', 'Junior'],
    ['Chef', undefined],
    [undefined, undefined],
  ])('%s → %s', (title, persona) => {
    expect(personaFromTitle(title)).toBe(persona);
  });

  it('uses the first tier in list order', () => {
    expect(seniorityOf('Director, former VP')?.id).toBe('vp');
  });
});
