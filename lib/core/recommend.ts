import type { Asset, Lead, LeadStage } from '../model/schemas';
import { canonicalPersona, personaFromTitle } from './persona';

/**
 * Asset suggestions for a lead (docs/architecture.md "Rules"). Relevance points:
 * - same industry (asset.industries contains the lead's industry, case-insensitive): 3
 * - each need tag found as whole words in the lead's need or product of interest
 *   ("integration-risk" matches "…the integration risk of…"): 3
 * - the lead's stage is among asset.stages: 2
 * - the persona from the lead's title is among asset.personas (aliases accepted, see persona.ts): 2
 * Only assets with at least one match are suggested. What the lead already consumed or was already sent
 * goes after every fresh suggestion (with a reason saying so); ties break by asset id, so the order is
 * deterministic.
 */

export interface Recommendation {
  asset: Asset;
  score: number;
  reasons: string[];
}

export interface RecommendHistory {
  consumedAssetIds?: Iterable<string>;
  sentAssetIds?: Iterable<string>;
}

export type RecommendLead = Pick<Lead, 'industry' | 'need' | 'productInterest' | 'stage' | 'title'>;

export const STAGE_LABELS: Record<LeadStage, string> = {
  lead: 'Lead',
  mql: 'MQL',
  sql: 'SQL',
  recycled: 'Recycled',
  disqualified: 'Disqualified',
  customer: 'Customer',
};

export const RECOMMEND_POINTS = { industry: 3, need: 3, stage: 2, persona: 2 } as const;

/** Lower-case words separated by single spaces, padded with spaces for whole-word `includes`. */
function words(text: string): string {
  const normalized = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return normalized ? ` ${normalized} ` : '';
}

/** "integration-risk" → "integration risk" (how a need tag is shown and matched). */
export function needLabel(tag: string): string {
  return tag.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

function toSet(ids: Iterable<string> | undefined): ReadonlySet<string> {
  if (!ids) return new Set();
  return ids instanceof Set ? (ids as ReadonlySet<string>) : new Set(ids);
}

export function recommendAssets(
  lead: RecommendLead,
  assets: readonly Asset[],
  history: RecommendHistory = {},
  limit = 5,
): Recommendation[] {
  if (!(limit > 0)) return [];
  const consumed = toSet(history.consumedAssetIds);
  const sent = toSet(history.sentAssetIds);
  const industry = lead.industry?.trim().toLowerCase() || undefined;
  const needText = words(`${lead.need ?? ''} ${lead.productInterest ?? ''}`);
  const persona = personaFromTitle(lead.title);
  const stageLabel = STAGE_LABELS[lead.stage];

  const ranked: Array<Recommendation & { seen: boolean }> = [];
  for (const asset of assets) {
    let score = 0;
    const reasons: string[] = [];
    if (industry) {
      const match = asset.industries.find((i) => i.trim().toLowerCase() === industry);
      if (match !== undefined) {
        score += RECOMMEND_POINTS.industry;
        reasons.push(`same industry: ${match.trim()}`);
      }
    }
    if (needText) {
      for (const tag of asset.needs) {
        const w = words(tag);
        if (w && needText.includes(w)) {
          score += RECOMMEND_POINTS.need;
          reasons.push(`addresses: ${needLabel(tag)}`);
        }
      }
    }
    if (asset.stages.includes(lead.stage)) {
      score += RECOMMEND_POINTS.stage;
      reasons.push(`fits stage: ${stageLabel}`);
    }
    if (persona && asset.personas.some((p) => canonicalPersona(p) === persona)) {
      score += RECOMMEND_POINTS.persona;
      reasons.push(`for persona: ${persona}`);
    }
    if (score <= 0) continue;
    const wasSent = sent.has(asset.id);
    const wasConsumed = consumed.has(asset.id);
    if (wasSent) reasons.push('already sent');
    if (wasConsumed) reasons.push('already consumed');
    ranked.push({ asset, score, reasons, seen: wasSent || wasConsumed });
  }
  ranked.sort(
    (a, b) =>
      Number(a.seen) - Number(b.seen) ||
      b.score - a.score ||
      (a.asset.id < b.asset.id ? -1 : a.asset.id > b.asset.id ? 1 : 0),
  );
  return ranked.slice(0, limit).map(({ asset, score, reasons }) => ({ asset, score, reasons }));
}
