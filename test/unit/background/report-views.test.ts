import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readReportAnswer } from '@/lib/background/report-views';
import type { LeadSource } from '@/lib/lead-source/lead-source';
import { customPeriod } from '@/lib/report/period';
import type { ReportDataWire } from '@/lib/report/report-data-schema';
import { ReportAnswerSchema } from '@/lib/report/report-schema';
import { saveSettingsPart } from '@/lib/settings/item';
import { calendar, lead, t } from '../report/fixtures';

beforeEach(() => fakeBrowser.reset());

const week = customPeriod('2025-07-07', '2025-07-13', calendar);
const data: ReportDataWire = {
  leads: [
    lead('2025-07-07T10:00', {
      owner: 'alex@example.com',
      attempts: [{ at: t('2025-07-07T10:30'), channel: 'call', outcome: 'connected' }],
    }),
    lead('2025-07-08T09:00', { owner: 'sam@example.com' }),
    lead('2025-06-01T09:00', {
      owner: 'kim@example.com',
      attempts: [{ at: t('2025-07-09T11:00'), channel: 'email', outcome: 'no_answer' }],
    }),
  ],
  libraryAssetIds: ['a1'],
  knowsCustomers: false,
  blindSpots: ['Customers: not known here.'],
};

function sourceWith(read?: LeadSource['readReportData']): LeadSource {
  return { readReportData: read } as unknown as LeadSource;
}

describe('the report answer, computed in the background', () => {
  test('figures for the team and every owner, judged in the team calendar, with the blind spots', async () => {
    await saveSettingsPart('calendar', calendar);
    const read = vi.fn(async () => data);
    const progress = vi.fn();
    const now = t('2025-07-15T12:00');
    const answer = await readReportAnswer(sourceWith(read), week, progress, () => now);

    expect(read).toHaveBeenCalledWith(week, { onProgress: progress });
    expect(ReportAnswerSchema.parse(answer)).toEqual(answer);
    expect(answer.views.period).toEqual(week);
    expect(answer.views.now).toBe(now);
    expect(answer.views.team.cohort.mqls).toBe(2);
    expect(answer.views.team.firstAttemptSla).toMatchObject({ met: 1, breached: 1, pending: 0 });
    // Kim's lead was handed over in June: no cohort, but the week's attempt counts.
    expect(answer.views.team.attempts.total).toBe(2);
    expect(answer.views.everyRep.map((rep) => rep.owner)).toEqual([
      'alex@example.com',
      'kim@example.com',
      'sam@example.com',
    ]);
    expect(answer.blindSpots).toEqual(['Customers: not known here.']);
  });

  test('a period that is not whole days in the team zone is refused, and the source is not read', async () => {
    await saveSettingsPart('calendar', calendar);
    const read = vi.fn(async () => data);
    const shifted = { from: week.from + 3_600_000, to: week.to };
    await expect(readReportAnswer(sourceWith(read), shifted, () => {})).rejects.toThrow(
      /local midnight in America\/New_York/,
    );
    expect(read).not.toHaveBeenCalled();
  });

  test('a source that cannot report says so', async () => {
    await expect(readReportAnswer(sourceWith(undefined), week, () => {})).rejects.toThrow(
      /cannot read this source/,
    );
  });
});
