/** Deterministic synthetic data for the core benchmarks (a seeded PRNG: same data on every run). */

import type { ScoreLead, ScoreTouch } from '../../lib/core/score';
import type { SlaAttempt, SlaLead } from '../../lib/core/sla';
import type { Asset, AttemptOutcome, LeadStage, TouchKind } from '../../lib/model/schemas';
import { ATTEMPT_OUTCOMES, TOUCH_KINDS } from '../../lib/model/schemas';
import { seededRandom } from '../../lib/sample/random';

const TITLES = [
  'CEO',
  'VP Sales',
  'Director of IT',
  'Head of Operations',
  'Sales Manager',
  'Engineer',
  'Intern',
  'Buyer',
];
const INDUSTRIES = [
  'Healthcare',
  'Software',
  'Retail',
  'Manufacturing',
  'Farming',
  'Financial Services',
  'Media',
];
const TERRITORIES = ['EMEA', 'North America', 'APAC', 'LATAM', 'DACH'];
const NEEDS = [
  'integration-risk',
  'hipaa-compliance',
  'cost-reduction',
  'data-migration',
  'reporting',
  'security-review',
];
const STAGES: LeadStage[] = ['mql', 'mql', 'mql', 'mql', 'sql', 'recycled', 'lead'];
const DAY = 86_400_000;

export interface BenchLead extends ScoreLead, SlaLead {
  touches: ScoreTouch[];
  attempts: SlaAttempt[];
}

export function makeLeads(count: number, now: number, seed = 42): BenchLead[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const leads: BenchLead[] = [];
  for (let i = 0; i < count; i++) {
    const id = `lead-${i.toString(36).padStart(5, '0')}`;
    const mqlAt = now - Math.floor(rnd() * 20 * DAY);
    const touches: ScoreTouch[] = [];
    const touchCount = Math.floor(rnd() * 7);
    for (let k = 0; k < touchCount; k++) {
      touches.push({
        leadId: id,
        kind: pick(TOUCH_KINDS) as TouchKind,
        at: new Date(mqlAt - Math.floor(rnd() * 90 * DAY)).toISOString(),
      });
    }
    const attempts: SlaAttempt[] = [];
    const attemptCount = Math.floor(rnd() * 6);
    for (let k = 0; k < attemptCount; k++) {
      attempts.push({
        leadId: id,
        at: new Date(mqlAt + Math.floor(rnd() * (now - mqlAt + 1))).toISOString(),
        outcome: (rnd() < 0.85 ? 'no_answer' : pick(ATTEMPT_OUTCOMES)) as AttemptOutcome,
      });
    }
    leads.push({
      id,
      title: pick(TITLES),
      industry: pick(INDUSTRIES),
      territory: pick(TERRITORIES),
      companySize: Math.floor(rnd() * 20_000),
      stage: pick(STAGES),
      mqlAt: new Date(mqlAt).toISOString(),
      handoffScore: Math.floor(rnd() * 100),
      crmScore: rnd() < 0.3 ? Math.floor(rnd() * 100) : undefined,
      touches,
      attempts,
    });
  }
  return leads;
}

export function makeAssets(count: number, seed = 7): Asset[] {
  const rnd = seededRandom(seed);
  const some = <T>(xs: readonly T[], p: number): T[] => xs.filter(() => rnd() < p);
  return Array.from({ length: count }, (_, i) => ({
    id: `asset-${String(i).padStart(4, '0')}`,
    title: `Asset ${i}`,
    url: `https://example.com/assets/${i}`,
    kind: 'case_study' as const,
    industries: some(INDUSTRIES, 0.2),
    needs: some(NEEDS, 0.25),
    stages: some<LeadStage>(['lead', 'mql', 'sql', 'customer'], 0.4),
    personas: some(['C-level', 'VP', 'Director', 'Manager', 'Practitioner'], 0.3),
    summary: '',
    sample: false,
    updatedAt: '2025-01-01T00:00:00.000Z',
  }));
}
