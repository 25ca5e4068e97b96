import { describe, expect, it } from 'vitest';
import { recommendAssets } from '../../../lib/core/recommend';
import type { Asset, LeadStage } from '../../../lib/model/schemas';

const asset = (id: string, over: Partial<Asset> = {}): Asset => ({
  id,
  title: `Asset ${id}`,
  url: `https://example.com/${id}`,
  kind: 'case_study',
  industries: [],
  needs: [],
  stages: [],
  personas: [],
  summary: '',
  sample: false,
  updatedAt: '2025-01-01T00:00:00.000Z',
  ...over,
});

const lead = {
  industry: 'Healthcare',
  need: 'Worried about the integration risk with our legacy EHR; needs HIPAA compliance',
  productInterest: 'Data platform',
  stage: 'mql' as LeadStage,
  title: 'VP of Clinical Operations',
};

describe('recommendAssets', () => {
  it('ranks by industry, need, stage and persona, with short reasons', () => {
    const assets = [
      asset('a-generic', { stages: ['mql'] }),
      asset('b-perfect', {
        industries: ['Healthcare'],
        needs: ['integration-risk', 'hipaa-compliance'],
        stages: ['mql'],
        personas: ['VP'],
      }),
      asset('c-industry', { industries: ['healthcare', 'Insurance'] }),
      asset('d-other', {
        industries: ['Retail'],
        needs: ['cost-reduction'],
        stages: ['sql'],
        personas: ['Manager'],
      }),
    ];
    const r = recommendAssets(lead, assets);
    expect(r.map((x) => [x.asset.id, x.score])).toEqual([
      ['b-perfect', 13],
      ['c-industry', 3],
      ['a-generic', 2],
    ]);
    expect(r[0]?.reasons).toEqual([
      'same industry: Healthcare',
      'addresses: integration risk',
      'addresses: hipaa compliance',
      'fits stage: MQL',
      'for persona: VP',
    ]);
    expect(r[1]?.reasons).toEqual(['same industry: healthcare']);
  });

  it('matches need tags as whole words in the need or product of interest', () => {
    const r = recommendAssets(lead, [
      asset('x', { needs: ['data_platform'] }),
      asset('y', { needs: ['risk-management'] }),
      asset('z', { needs: ['integration'] }),
    ]);
    expect(r.map((x) => x.asset.id)).toEqual(['x', 'z']);
    expect(r[0]?.reasons).toEqual(['addresses: data platform']);
  });

  it('accepts persona aliases', () => {
    const r = recommendAssets(lead, [asset('p', { personas: ['Vice President'] })]);
    expect(r[0]?.reasons).toEqual(['for persona: VP']);
  });

  it('pushes what was consumed or sent below every fresh suggestion', () => {
    const assets = [
      asset('top', { industries: ['Healthcare'], stages: ['mql'], personas: ['VP'] }),
      asset('mid', { industries: ['Healthcare'], stages: ['mql'] }),
      asset('low', { stages: ['mql'] }),
    ];
    const r = recommendAssets(lead, assets, { consumedAssetIds: ['top'], sentAssetIds: new Set(['mid']) });
    expect(r.map((x) => x.asset.id)).toEqual(['low', 'top', 'mid']);
    expect(r[1]?.reasons.at(-1)).toBe('already consumed');
    expect(r[2]?.reasons.at(-1)).toBe('already sent');
  });

  it('breaks ties by id, whatever the input order, and honours the limit', () => {
    const assets = Array.from({ length: 40 }, (_, i) =>
      asset(`asset-${String(i).padStart(3, '0')}`, {
        stages: ['mql'],
        industries: i % 3 === 0 ? ['Healthcare'] : [],
      }),
    );
    const r = recommendAssets(lead, assets);
    const shuffled = recommendAssets(lead, [...assets].reverse());
    expect(r).toEqual(shuffled);
    expect(r.map((x) => x.asset.id)).toEqual([
      'asset-000',
      'asset-003',
      'asset-006',
      'asset-009',
      'asset-012',
    ]);
    expect(recommendAssets(lead, assets, {}, 2)).toHaveLength(2);
    expect(recommendAssets(lead, assets, {}, 0)).toEqual([]);
  });

  it('suggests nothing that matches nothing', () => {
    expect(recommendAssets({ stage: 'lead' }, [asset('a', { stages: ['sql'] })])).toEqual([]);
  });
});
