import { useMemo } from 'react';
import { qualify, recommendAssets, scoreLead, slaState } from '@/lib/core';
import type { LeadContext } from '@/lib/lead-source/lead-source';
import type { Asset, Lead } from '@/lib/model/schemas';
import type { Settings } from '@/lib/settings/schema';

/**
 * Everything the card derives from the raw lead context with the pure core: score, SLA,
 * qualification, suggestions. Recomputed from the (optimistic) cache, so a click shows in the
 * same frame.
 */
export function useLeadView(
  lead: Lead,
  context: LeadContext | undefined,
  assets: Asset[],
  settings: Settings,
  now: number,
) {
  const current = context?.lead ?? lead;
  const touches = context?.touches ?? [];
  const attempts = context?.attempts ?? [];
  const assetsSent = context?.assetsSent ?? [];

  const score = useMemo(
    () => scoreLead(settings.scoreModel, current, touches, now),
    [settings.scoreModel, current, touches, now],
  );
  const sla = useMemo(
    () => slaState(settings.slaPolicy, settings.calendar, current, attempts, now),
    [settings.slaPolicy, settings.calendar, current, attempts, now],
  );
  const qualification = useMemo(
    () => qualify(settings.qualificationFields, current),
    [settings.qualificationFields, current],
  );
  // Inserted into a reply is sent; a copied link is recorded (and shown) as a copy. Both were
  // shared with the lead somehow, so both push the asset down; opening it oneself shares nothing.
  const shared = useMemo(() => {
    const how = new Map<string, 'sent' | 'copied'>();
    for (const item of assetsSent) {
      if (item.channel === 'gmail_insert') how.set(item.assetId, 'sent');
      else if (item.channel === 'copy_link' && !how.has(item.assetId)) how.set(item.assetId, 'copied');
    }
    return how;
  }, [assetsSent]);
  const suggestions = useMemo(() => {
    const consumedAssetIds = touches.flatMap((touch) => (touch.assetId ? [touch.assetId] : []));
    return recommendAssets(current, assets, { consumedAssetIds, sentAssetIds: new Set(shared.keys()) }, 5);
  }, [current, assets, touches, shared]);

  const sent = useMemo(() => {
    const titles = new Map(assets.map((asset) => [asset.id, asset.title]));
    return [...assetsSent]
      .sort((a, b) => b.at.localeCompare(a.at))
      .map((item) => ({
        id: item.id,
        title: titles.get(item.assetId) ?? item.assetId,
        at: item.at,
        channel: item.channel,
      }));
  }, [assets, assetsSent]);

  return { lead: current, touches, attempts, score, sla, qualification, suggestions, shared, sent };
}
