import { z } from 'zod';
import { type Lead, TOUCH_KINDS, type Touch, type TouchKind } from '../model/schemas';
import { DEFAULT_SENIORITY_TIERS, keywordMatcher, type SeniorityTier } from './persona';

/**
 * Lead score (docs/architecture.md "Rules"): fit + engagement, each 0–50, total 0–100, with every rule that counted.
 * - Fit: one title tier (first match in list order), one industry rule, one company-size band and one
 *   territory rule (first match each). Points may be negative (e.g. "intern"); fit is clamped to 0–50.
 * - Engagement: each touch adds its kind's weight × 0.5^(age / half-life); touches after `now` and touches of
 *   other leads are ignored. Clamped to 0–50.
 * - When a clamp applies, a reason (`fit.cap`, `fit.floor`, `engagement.cap`) says so, so the reasons of
 *   each part add up to its value (engagement reasons are rounded to one decimal).
 * The CRM's own score is passed through untouched as `crmScore`, for the panel to label as the CRM's.
 */

const Points = z.number().min(-50).max(50);

export const TitleRule = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  keywords: z.array(z.string().min(1)).min(1),
  points: Points,
});
export const ListRule = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  /** Matched case-insensitively against the whole (trimmed) field value. */
  values: z.array(z.string().min(1)).min(1),
  points: Points,
});
export const SizeBand = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    min: z.number().int().nonnegative(),
    /** Inclusive; absent = no upper bound. */
    max: z.number().int().nonnegative().optional(),
    points: Points,
  })
  .refine((band) => band.max === undefined || band.max >= band.min, {
    message: 'a size band needs max ≥ min',
  });

export const ScoreModel = z
  .object({
    fit: z.object({
      title: z.array(TitleRule).default([]),
      industry: z.array(ListRule).default([]),
      companySize: z.array(SizeBand).default([]),
      territory: z.array(ListRule).default([]),
    }),
    engagement: z.object({
      weights: z.partialRecord(z.enum(TOUCH_KINDS), z.number().min(0).max(50)),
      halfLifeDays: z.number().positive().default(30),
    }),
    mqlThreshold: z.number().min(0).max(100).default(60),
    /** Total at or above `hot` is hot, at or above `warm` is warm, else cold. */
    bands: z
      .object({ hot: z.number().min(0).max(100), warm: z.number().min(0).max(100) })
      .default({ hot: 70, warm: 40 }),
  })
  .refine((model) => model.bands.warm <= model.bands.hot, {
    path: ['bands'],
    message: 'the warm band must start at or below the hot band',
  });
export type ScoreModel = z.infer<typeof ScoreModel>;
export type ScoreModelInput = z.input<typeof ScoreModel>;

function toTitleRule(tier: SeniorityTier) {
  return { id: tier.id, label: `Seniority: ${tier.label}`, keywords: tier.keywords, points: tier.points };
}

export const defaultScoreModel: ScoreModel = ScoreModel.parse({
  fit: {
    title: DEFAULT_SENIORITY_TIERS.map(toTitleRule),
    industry: [
      {
        id: 'target',
        label: 'Target industry',
        values: ['Healthcare', 'Financial Services', 'Software', 'SaaS', 'Manufacturing', 'Insurance'],
        points: 10,
      },
      {
        id: 'adjacent',
        label: 'Adjacent industry',
        values: ['Retail', 'Logistics', 'Education', 'Government', 'Telecommunications', 'Energy', 'Media'],
        points: 5,
      },
    ],
    companySize: [
      { id: '1-10', label: 'Company size 1–10', min: 1, max: 10, points: 1 },
      { id: '11-50', label: 'Company size 11–50', min: 11, max: 50, points: 4 },
      { id: '51-200', label: 'Company size 51–200', min: 51, max: 200, points: 8 },
      { id: '201-1000', label: 'Company size 201–1,000', min: 201, max: 1000, points: 12 },
      { id: '1001-5000', label: 'Company size 1,001–5,000', min: 1001, max: 5000, points: 12 },
      { id: '5001+', label: 'Company size 5,001+', min: 5001, points: 10 },
    ],
    territory: [
      {
        id: 'core',
        label: 'Core territory',
        values: [
          'North America',
          'NA',
          'US',
          'USA',
          'United States',
          'Canada',
          'EMEA',
          'Europe',
          'UK',
          'UK&I',
          'DACH',
        ],
        points: 8,
      },
      { id: 'expansion', label: 'Expansion territory', values: ['APAC', 'ANZ', 'LATAM'], points: 4 },
    ],
  },
  engagement: {
    weights: {
      demo_request: 30,
      form: 12,
      webinar: 10,
      event: 10,
      download: 8,
      email_click: 3,
      page_view: 1,
    },
    halfLifeDays: 30,
  },
  mqlThreshold: 60,
  bands: { hot: 70, warm: 40 },
});

export type ScorePart = 'fit' | 'engagement';
export interface ScoreReason {
  rule: string;
  label: string;
  points: number;
  part: ScorePart;
}
export type ScoreBand = 'hot' | 'warm' | 'cold';
export interface ScoreResult {
  total: number;
  fit: number;
  engagement: number;
  band: ScoreBand;
  isMql: boolean;
  reasons: ScoreReason[];
  /** The CRM's own score when the lead carries one: show it beside Baton's, labelled as the CRM's. */
  crmScore?: number;
}

export const CRM_SCORE_LABEL = "CRM's score";

export type ScoreLead = Pick<Lead, 'id' | 'title' | 'industry' | 'companySize' | 'territory' | 'crmScore'>;
export type ScoreTouch = Pick<Touch, 'leadId' | 'at' | 'kind'>;
/**
 * A lead's touch times (epoch ms) by kind: all a score needs of its touches, small enough to keep
 * in the lead's stored summary (so the queue scores thousands of leads without reading touches).
 */
export type TouchTimes = Partial<Record<TouchKind, readonly number[]>>;

export const TOUCH_KIND_LABELS: Record<TouchKind, string> = {
  demo_request: 'Demo request',
  form: 'Form fill',
  webinar: 'Webinar',
  event: 'Event',
  download: 'Download',
  email_click: 'Email click',
  page_view: 'Page view',
};

type TitleRule = z.infer<typeof TitleRule>;
interface PreparedModel {
  title: Array<{ rule: TitleRule; re: RegExp }>;
  /** Titles repeat across leads ("VP Sales"): remember which rule each matched. */
  titleCache: Map<string, TitleRule | null>;
  industry: Array<{ rule: z.infer<typeof ListRule>; values: Set<string> }>;
  territory: Array<{ rule: z.infer<typeof ListRule>; values: Set<string> }>;
  decayPerMs: number;
}

const prepared = new WeakMap<ScoreModel, PreparedModel>();
const DAY_MS = 86_400_000;
const PART_MAX = 50;

function prepare(model: ScoreModel): PreparedModel {
  let p = prepared.get(model);
  if (!p) {
    const lower = (values: string[]) => new Set(values.map((v) => v.trim().toLowerCase()));
    p = {
      title: model.fit.title.map((rule) => ({ rule, re: keywordMatcher(rule.keywords) })),
      titleCache: new Map(),
      industry: model.fit.industry.map((rule) => ({ rule, values: lower(rule.values) })),
      territory: model.fit.territory.map((rule) => ({ rule, values: lower(rule.values) })),
      decayPerMs: Math.LN2 / (model.engagement.halfLifeDays * DAY_MS),
    };
    prepared.set(model, p);
  }
  return p;
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const TITLE_CACHE_SIZE = 10_000;

function titleRule(p: PreparedModel, title: string): TitleRule | null {
  let rule = p.titleCache.get(title);
  if (rule === undefined) {
    rule = p.title.find(({ re }) => re.test(title))?.rule ?? null;
    if (p.titleCache.size >= TITLE_CACHE_SIZE) p.titleCache.clear();
    p.titleCache.set(title, rule);
  }
  return rule;
}

const KIND_INDEX: Record<TouchKind, number> = Object.fromEntries(
  TOUCH_KINDS.map((kind, i) => [kind, i]),
) as Record<TouchKind, number>;
// Scratch accumulators per touch kind, reset on every call (scoreLead is synchronous, so never shared).
const kindPoints = new Float64Array(TOUCH_KINDS.length);
const kindCounts = new Int32Array(TOUCH_KINDS.length);

export function scoreLead(
  model: ScoreModel,
  lead: ScoreLead,
  touches: ReadonlyArray<ScoreTouch> | TouchTimes,
  now: number,
): ScoreResult {
  if (!Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, got ${now}`);
  const p = prepare(model);
  const reasons: ScoreReason[] = [];

  // Fit
  let fitRaw = 0;
  const addFit = (rule: string, label: string, points: number) => {
    if (points === 0) return;
    fitRaw += points;
    reasons.push({ rule, label, points, part: 'fit' });
  };
  if (lead.title) {
    const rule = titleRule(p, lead.title);
    if (rule) addFit(`fit.title.${rule.id}`, rule.label, rule.points);
  }
  const industry = lead.industry?.trim().toLowerCase();
  if (industry) {
    for (const { rule, values } of p.industry) {
      if (values.has(industry)) {
        addFit(`fit.industry.${rule.id}`, `${rule.label}: ${lead.industry?.trim()}`, rule.points);
        break;
      }
    }
  }
  const size = lead.companySize;
  if (size !== undefined) {
    for (const band of model.fit.companySize) {
      if (size >= band.min && (band.max === undefined || size <= band.max)) {
        addFit(`fit.size.${band.id}`, band.label, band.points);
        break;
      }
    }
  }
  const territory = lead.territory?.trim().toLowerCase();
  if (territory) {
    for (const { rule, values } of p.territory) {
      if (values.has(territory)) {
        addFit(`fit.territory.${rule.id}`, `${rule.label}: ${lead.territory?.trim()}`, rule.points);
        break;
      }
    }
  }
  let fit = fitRaw;
  if (fitRaw > PART_MAX) {
    fit = PART_MAX;
    reasons.push({
      rule: 'fit.cap',
      label: `Fit capped at ${PART_MAX}`,
      points: PART_MAX - fitRaw,
      part: 'fit',
    });
  } else if (fitRaw < 0) {
    fit = 0;
    reasons.push({ rule: 'fit.floor', label: 'Fit cannot go below 0', points: -fitRaw, part: 'fit' });
  }

  // Engagement
  const weights = model.engagement.weights;
  kindPoints.fill(0);
  kindCounts.fill(0);
  let engagementRaw = 0;
  const addTouch = (kind: TouchKind, at: number) => {
    const weight = weights[kind];
    if (!weight) return;
    if (!(at <= now)) return; // future or unparseable
    const points = weight * Math.exp(-(now - at) * p.decayPerMs);
    engagementRaw += points;
    const k = KIND_INDEX[kind];
    kindPoints[k] = (kindPoints[k] ?? 0) + points;
    kindCounts[k] = (kindCounts[k] ?? 0) + 1;
  };
  if (Array.isArray(touches)) {
    for (const touch of touches as ReadonlyArray<ScoreTouch>)
      if (touch.leadId === lead.id) addTouch(touch.kind, Date.parse(touch.at));
  } else {
    for (const kind of TOUCH_KINDS) for (const at of (touches as TouchTimes)[kind] ?? []) addTouch(kind, at);
  }
  const engagementReasons: ScoreReason[] = [];
  TOUCH_KINDS.forEach((kind, k) => {
    const count = kindCounts[k] ?? 0;
    if (count === 0) return;
    engagementReasons.push({
      rule: `engagement.${kind}`,
      label: count === 1 ? TOUCH_KIND_LABELS[kind] : `${TOUCH_KIND_LABELS[kind]} ×${count}`,
      points: round1(kindPoints[k] ?? 0),
      part: 'engagement',
    });
  });
  engagementReasons.sort((a, b) => b.points - a.points || (a.rule < b.rule ? -1 : 1));
  reasons.push(...engagementReasons);
  let engagementValue = engagementRaw;
  if (engagementRaw > PART_MAX) {
    engagementValue = PART_MAX;
    reasons.push({
      rule: 'engagement.cap',
      label: `Engagement capped at ${PART_MAX}`,
      points: round1(PART_MAX - engagementRaw),
      part: 'engagement',
    });
  }

  const fitScore = Math.round(fit);
  const engagement = Math.round(engagementValue);
  const total = fitScore + engagement;
  const band: ScoreBand = total >= model.bands.hot ? 'hot' : total >= model.bands.warm ? 'warm' : 'cold';
  const result: ScoreResult = {
    total,
    fit: fitScore,
    engagement,
    band,
    isMql: total >= model.mqlThreshold,
    reasons,
  };
  if (lead.crmScore !== undefined) result.crmScore = lead.crmScore;
  return result;
}
