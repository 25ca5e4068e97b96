import type { Asset } from '../../model/schemas';
import type { BatonDb } from '../../store/db';
import { contentHash } from './hash';
import type { AssetRow } from './rows';
import { unique } from './run-index';
import type { Counts, Pending } from './write';

/**
 * Writes a chunk of the content library in one transaction: an asset is found again by its id,
 * given or derived from its URL; what the file leaves empty keeps what the library had.
 */
export async function writeAssets(db: BatonDb, rows: Array<Pending<AssetRow>>, now: Date): Promise<Counts> {
  const updatedAt = now.toISOString();
  return db.transaction('rw', db.assets, async () => {
    const withIds = rows.map((r) => ({
      ...r,
      id: r.value.asset.id ?? `asset-${contentHash(r.value.asset.url)}`,
    }));
    const stored = await db.assets.bulkGet(unique(withIds.map((r) => r.id)));
    const current = new Map<string, Asset>();
    for (const asset of stored) if (asset) current.set(asset.id, asset);
    const counts: Counts = { created: 0, updated: 0 };
    const changed = new Map<string, Asset>();
    for (const { id, value } of withIds) {
      const existing = current.get(id);
      const { asset } = value;
      const merged: Asset = {
        ...(existing ?? { industries: [], needs: [], stages: [], personas: [], summary: '' }),
        ...asset,
        // An empty list or summary in the file keeps what the library had.
        industries: asset.industries.length > 0 ? asset.industries : (existing?.industries ?? []),
        needs: asset.needs.length > 0 ? asset.needs : (existing?.needs ?? []),
        stages: asset.stages.length > 0 ? asset.stages : (existing?.stages ?? []),
        personas: asset.personas.length > 0 ? asset.personas : (existing?.personas ?? []),
        summary: asset.summary || existing?.summary || '',
        id,
        sample: false,
        updatedAt,
      };
      if (existing) counts.updated++;
      else counts.created++;
      current.set(id, merged);
      changed.set(id, merged);
    }
    await db.assets.bulkPut([...changed.values()]);
    return counts;
  });
}
