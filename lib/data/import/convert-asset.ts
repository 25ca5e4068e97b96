import { ASSET_KINDS, Asset, LEAD_STAGES, type LeadStage } from '../../model/schemas';
import { splitList } from './cells';
import type { ColumnMapping } from './fields';
import {
  type CellIssue,
  type Converted,
  clip,
  dedupe,
  firstMapped,
  importErrorMap,
  readCell,
  type SourceColumns,
  unknownWord,
  zodIssues,
} from './issues';
import { type AssetRow, cellsByTarget } from './rows';
import { parseAssetKind, parseStage } from './words';

/** One row of a content library file → an asset, validated with the model's zod schema. Pure. */

const AssetImport = Asset.omit({ id: true, updatedAt: true, sample: true }).extend({
  id: Asset.shape.id.optional(),
});

export function convertAssetRow(mapping: ColumnMapping, cells: readonly string[]): Converted<AssetRow> {
  const warnings: CellIssue[] = [];
  const issues: CellIssue[] = [];
  const byTarget = cellsByTarget(mapping, cells, warnings);
  const source: SourceColumns = {};
  const candidate: Record<string, unknown> = {};
  const first = (target: string) => byTarget.get(target)?.[0];
  for (const field of ['id', 'title', 'url', 'summary'] as const) {
    const cell = first(field);
    if (!cell) continue;
    candidate[field] = cell.text;
    source[field] = cell.column;
  }
  const kind = readCell(first('kind'), 'kind', parseAssetKind, unknownWord('kind', ASSET_KINDS), {
    source,
    issues,
  });
  if (kind) candidate.kind = kind;
  for (const field of ['industries', 'needs', 'personas'] as const) {
    const cells = byTarget.get(field) ?? [];
    if (cells[0]) source[field] = cells[0].column;
    candidate[field] = cells.flatMap((cell) => splitList(cell.text));
  }
  const stageCells = byTarget.get('stages') ?? [];
  const stages: LeadStage[] = [];
  for (const cell of stageCells) {
    source.stages ??= cell.column;
    for (const item of splitList(cell.text)) {
      const stage = parseStage(item);
      if (stage) {
        if (!stages.includes(stage)) stages.push(stage);
      } else
        issues.push({
          column: cell.column,
          reason: `unknown stage "${clip(item)}" (use ${LEAD_STAGES.join(', ')})`,
        });
    }
  }
  candidate.stages = stages;
  const parsed = AssetImport.safeParse(candidate, { error: importErrorMap });
  if (!parsed.success) issues.push(...zodIssues(parsed.error, source, firstMapped(mapping), issues));
  if (issues.length > 0 || !parsed.success) return { ok: false, issues: dedupe(issues), warnings };
  return { ok: true, value: { asset: parsed.data, source }, warnings };
}
