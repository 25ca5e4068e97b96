import { beforeEach, describe, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  importStatusStagesItem,
  readRememberedStatusStages,
  saveRememberedStatusStages,
} from '@/lib/data/import/mapping-store';

beforeEach(() => fakeBrowser.reset());

describe('remembered status meanings', () => {
  test('choices are added to those remembered; a damaged value is ignored, never applied', async () => {
    expect(await readRememberedStatusStages()).toEqual({});
    await saveRememberedStatusStages({ 'Awaiting Budget': 'mql', Nurturing: null });
    await saveRememberedStatusStages({ 'Awaiting Budget': 'sql', Parked: 'recycled' });
    expect(await readRememberedStatusStages()).toEqual({
      'Awaiting Budget': 'sql',
      Nurturing: null,
      Parked: 'recycled',
    });
    await importStatusStagesItem.setValue({ Hot: 'burning' } as never);
    expect(await readRememberedStatusStages()).toEqual({});
  });
});
