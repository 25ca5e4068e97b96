// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SlaStrip } from '@/components/panel/card/SlaStrip';
import { defaultCalendar, defaultSlaPolicy, slaState } from '@/lib/core';
import type { Lead } from '@/lib/model/schemas';

afterEach(cleanup);

// Tuesday 24 Nov 2026, 15:00 UTC = 16:00 in Berlin.
const NOW = Date.parse('2026-11-24T15:00:00Z');
const calendar = defaultCalendar('Europe/Berlin');
const lead = (extra: Partial<Lead>): Pick<Lead, 'id' | 'stage' | 'mqlAt' | 'handoffScore'> => ({
  id: 'l1',
  stage: 'mql',
  ...extra,
});
const render1 = (
  one: ReturnType<typeof lead>,
  attempts: Array<{ at: string }> = [],
  onSetHandoff?: (mqlAt: string) => Promise<unknown>,
) => {
  const sla = slaState(
    defaultSlaPolicy,
    calendar,
    one,
    attempts.map((a) => ({ leadId: 'l1', at: a.at, outcome: 'no_answer' as const })),
    NOW,
  );
  render(<SlaStrip sla={sla} lead={one} now={NOW} timeZone="Europe/Berlin" onSetHandoff={onSetHandoff} />);
  return sla;
};

describe('SlaStrip: no handoff date', () => {
  test('is a neutral, explicit state with a way to set the date, never green', async () => {
    const onSetHandoff = vi.fn(async () => undefined);
    render1(lead({ mqlAt: undefined }), [], onSetHandoff);
    expect(screen.getByTestId('sla-status').textContent).toBe('No handoff date — set one');
    const chip = screen.getByTestId('sla-chip');
    expect(chip.className).toContain('tone-muted');
    expect(chip.className).not.toContain('tone-ok');
    fireEvent.click(screen.getByTestId('set-handoff'));
    fireEvent.change(screen.getByTestId('handoff-input'), { target: { value: '2026-11-24T09:30' } });
    fireEvent.submit(screen.getByTestId('handoff-form'));
    // 09:30 in Berlin is 08:30 UTC.
    await waitFor(() => expect(onSetHandoff).toHaveBeenCalledWith('2026-11-24T08:30:00.000Z'));
  });

  test('a handoff date in the future is refused with a message naming the field', () => {
    const onSetHandoff = vi.fn(async () => undefined);
    render1(lead({ mqlAt: undefined }), [], onSetHandoff);
    fireEvent.click(screen.getByTestId('set-handoff'));
    fireEvent.change(screen.getByTestId('handoff-input'), { target: { value: '2026-12-24T09:30' } });
    fireEvent.submit(screen.getByTestId('handoff-form'));
    expect(screen.getByRole('alert').textContent).toBe('Handoff date: cannot be in the future.');
    expect(onSetHandoff).not.toHaveBeenCalled();
  });

  test('a lead not yet handed over says so, without offering a date', () => {
    render1(lead({ stage: 'lead', mqlAt: undefined }), [], vi.fn());
    expect(screen.getByTestId('sla-status').textContent).toBe('SLA not started: not handed over yet');
    expect(screen.queryByTestId('set-handoff')).toBeNull();
  });
});

describe('SlaStrip: words', () => {
  test('a breached deadline reads “was due”, never “next due” in the past', () => {
    render1(lead({ mqlAt: '2026-11-16T09:00:00.000Z' }));
    expect(screen.getByTestId('sla-next-due').textContent).toMatch(/^was due /);
    expect(screen.getByRole('region', { name: 'SLA' }).textContent).not.toMatch(/next due/);
  });

  test('the attempts count appears once in a cadence', () => {
    render1(lead({ mqlAt: '2026-11-23T09:00:00.000Z' }), [{ at: '2026-11-23T10:00:00.000Z' }]);
    const text = screen.getByRole('region', { name: 'SLA' }).textContent ?? '';
    expect(text.match(/1 of 5 attempts/g)).toHaveLength(1);
  });

  test('the state has a word and an inline SVG icon, no glyph that may render as a box', () => {
    render1(lead({ mqlAt: '2026-11-16T09:00:00.000Z' }));
    const chip = screen.getByTestId('sla-chip');
    expect(chip.querySelector('svg[data-icon="cross"]')).toBeTruthy();
    expect(chip.textContent?.trim()).toBe('Breached');
  });
});
