import { describe, expect, test } from 'vitest';
import { CrmObject } from '@/lib/crm/hubspot/api';
import {
  currentLeadRecord,
  leadRecordDispositionWrites,
  stageBefore,
  stageOfLeadRecord,
  withLeadRecord,
} from '@/lib/crm/hubspot/leads-object';
import { contactToLead, defaultFieldMap } from '@/lib/crm/hubspot/mapping';
import { HubSpotSetup, LeadsSetup, matchReasonOptions } from '@/lib/crm/hubspot/setup';
import { RECYCLE_REASON_LABELS } from '@/lib/model/schemas';

/** A portal whose stage ids are its own (nothing in Baton may assume HubSpot's defaults). */
const setup = LeadsSetup.parse({
  pipelineId: 'p-sdr',
  workStageIds: ['s-fresh', 's-tried'],
  qualifiedStageId: 's-won',
  unqualifiedStageId: 's-lost',
  handoffStageId: 's-fresh',
  stageLabels: { 's-fresh': 'Fresh', 's-tried': 'Tried', 's-won': 'Sales-ready', 's-lost': 'Not now' },
  reasonOptions: { no_budget: 'BUDGET', other: 'MISC' },
});

const record = (
  id: string,
  properties: Record<string, string>,
  createdAt = '2026-12-01T00:00:00Z',
  history: Record<string, unknown[]> = {},
) => CrmObject.parse({ id, properties, createdAt, propertiesWithHistory: history });

describe('the lead record a contact is worked under', () => {
  test('in the configured pipeline, an open one before a closed one, the newest first', () => {
    const records = [
      record('1', { hs_pipeline: 'p-sdr', hs_pipeline_stage: 's-won' }, '2026-12-05T00:00:00Z'),
      record('2', { hs_pipeline: 'p-sdr', hs_pipeline_stage: 's-fresh' }, '2026-11-01T00:00:00Z'),
      record('3', { hs_pipeline: 'p-sdr', hs_pipeline_stage: 's-tried' }, '2026-11-20T00:00:00Z'),
      record('4', { hs_pipeline: 'p-other', hs_pipeline_stage: 's-fresh' }, '2026-12-06T00:00:00Z'),
    ];
    expect(currentLeadRecord(records, setup)?.id).toBe('3');
    expect(currentLeadRecord(records.slice(0, 1), setup)?.id).toBe('1');
    expect(currentLeadRecord(records.slice(3), setup)).toBeUndefined();
  });

  test('its stage as Baton’s: to work → MQL, qualified → SQL, unqualified → disqualified', () => {
    const stage = (id: string) => stageOfLeadRecord(record('1', { hs_pipeline_stage: id }), setup);
    expect([stage('s-fresh'), stage('s-tried'), stage('s-won'), stage('s-lost')]).toEqual([
      'mql',
      'mql',
      'sql',
      'disqualified',
    ]);
  });

  test('the card: the contact’s person, the lead record’s stage label, owner and clock', () => {
    const contact = contactToLead(
      CrmObject.parse({
        id: '51001',
        properties: {
          firstname: 'Dana',
          lastname: 'Whitfield',
          lifecyclestage: 'lead',
          hubspot_owner_id: '90003',
          hs_lifecyclestage_marketingqualifiedlead_date: '2026-10-01T00:00:00Z',
        },
      }),
      defaultFieldMap,
      HubSpotSetup.parse({}),
    );
    if (!contact) throw new Error('the contact should read');
    const lead = withLeadRecord(
      contact,
      record('80001', {
        hs_pipeline: 'p-sdr',
        hs_pipeline_stage: 's-tried',
        hubspot_owner_id: '90001',
        'hs_date_entered_s-fresh': '2026-12-02T09:30:00Z',
      }),
      setup,
      {},
    );
    expect(lead).toMatchObject({
      name: 'Dana Whitfield',
      stage: 'mql',
      crmStage: 'Tried',
      owner: '90001',
      mqlAt: '2026-12-02T09:30:00.000Z',
      handoff: { from: 'lead_stage' },
    });
  });
});

describe('hand-backs on the lead record', () => {
  test('accept → qualified; recycle → unqualified with the mapped reason; unmapped reason → stage only', () => {
    const base = { id: crypto.randomUUID(), leadId: 'hubspot:1', at: '2026-12-04T10:00:00Z' };
    expect(leadRecordDispositionWrites({ ...base, kind: 'accept' }, setup)).toEqual({
      hs_pipeline_stage: 's-won',
    });
    expect(leadRecordDispositionWrites({ ...base, kind: 'recycle', reason: 'no_budget' }, setup)).toEqual({
      hs_pipeline_stage: 's-lost',
      hs_lead_disqualification_reason: 'BUDGET',
    });
    expect(leadRecordDispositionWrites({ ...base, kind: 'disqualify', reason: 'no_need' }, setup)).toEqual({
      hs_pipeline_stage: 's-lost',
    });
  });

  test('undo goes back to the stage before the move, from the stage history', () => {
    const moved = record('1', { hs_pipeline_stage: 's-lost' }, undefined, {
      hs_pipeline_stage: [
        { value: 's-lost', timestamp: '2026-12-04T10:00:00Z' },
        { value: 's-tried', timestamp: '2026-12-03T10:00:00Z' },
        { value: 's-fresh', timestamp: '2026-12-02T10:00:00Z' },
      ],
    });
    expect(stageBefore(moved, 's-lost', setup)).toBe('s-tried');
    // Never applied, or moved since (even if it was in s-lost once): the stage it is in stands.
    const untouched = record('1', { hs_pipeline_stage: 's-tried' }, undefined, {
      hs_pipeline_stage: [
        { value: 's-tried', timestamp: '2026-12-03T10:00:00Z' },
        { value: 's-lost', timestamp: '2026-11-03T10:00:00Z' },
        { value: 's-fresh', timestamp: '2026-11-01T10:00:00Z' },
      ],
    });
    expect(stageBefore(untouched, 's-lost', setup)).toBeUndefined();
    // In s-lost with no history at all: the first stage to work.
    expect(stageBefore(record('1', { hs_pipeline_stage: 's-lost' }), 's-lost', setup)).toBe('s-fresh');
  });
});

describe('the setup', () => {
  test('Leads mode needs its stages; a closing stage is not one to work; the two closing stages differ', () => {
    expect(HubSpotSetup.safeParse({ mode: 'leads' }).success).toBe(false);
    const pick = {
      pipelineId: 'p',
      workStageIds: ['a'],
      qualifiedStageId: 'q',
      unqualifiedStageId: 'u',
      handoffStageId: 'a',
    };
    expect(LeadsSetup.safeParse(pick).success).toBe(true);
    expect(LeadsSetup.safeParse({ ...pick, workStageIds: ['a', 'q'] }).error?.issues[0]?.message).toContain(
      'not a stage to work',
    );
    expect(LeadsSetup.safeParse({ ...pick, unqualifiedStageId: 'q' }).success).toBe(false);
    expect(LeadsSetup.safeParse({ ...pick, workStageIds: [] }).success).toBe(false);
    expect(LeadsSetup.safeParse({ ...pick, pipelineId: 'p id; drop' }).success).toBe(false);
  });

  test('reasons match the portal’s options by value or label; "Other" takes the rest', () => {
    expect(
      matchReasonOptions(
        [
          { value: 'NO_BUDGET', label: 'No budget' },
          { value: 'TIMING', label: 'Bad timing' },
          { value: 'OTHER', label: 'Other' },
        ],
        RECYCLE_REASON_LABELS,
      ),
    ).toEqual({
      no_budget: 'NO_BUDGET',
      bad_timing: 'TIMING',
      no_need: 'OTHER',
      wrong_contact: 'OTHER',
      unresponsive: 'OTHER',
      other: 'OTHER',
    });
    expect(matchReasonOptions([{ value: 'X', label: 'Something' }], RECYCLE_REASON_LABELS)).toEqual({});
  });
});
