// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AssetSuggestions } from '@/components/panel/card/AssetSuggestions';
import { AttemptLogger } from '@/components/panel/card/AttemptLogger';
import { ContentConsumed } from '@/components/panel/card/ContentConsumed';
import { HandBack } from '@/components/panel/card/HandBack';
import { MissingFields } from '@/components/panel/card/MissingFields';
import { ScoreSection } from '@/components/panel/card/ScoreSection';
import { SlaStrip } from '@/components/panel/card/SlaStrip';
import {
  defaultCalendar,
  defaultQualificationFields,
  defaultScoreModel,
  defaultSlaPolicy,
  qualify,
  recommendAssets,
  scoreLead,
  slaState,
} from '@/lib/core';
import { generateSampleWorkspace } from '@/lib/sample/generate';

afterEach(cleanup);

const NOW = Date.parse('2026-11-24T15:00:00Z');
const sample = generateSampleWorkspace({ now: new Date(NOW) });
const dana = sample.leads[0];
if (!dana) throw new Error('sample has no leads');
const danaTouches = sample.touches
  .filter((t) => t.leadId === dana.id)
  .sort((a, b) => b.at.localeCompare(a.at));

describe('ScoreSection', () => {
  test('shows the score, and the reasons behind a toggle', () => {
    const score = scoreLead(defaultScoreModel, dana, danaTouches, NOW);
    render(<ScoreSection score={score} />);
    expect(screen.getByTestId('lead-score').textContent).toBe(String(score.total));
    expect(screen.queryByTestId('score-explanation')).toBeNull();
    fireEvent.click(screen.getByTestId('score-toggle'));
    const explanation = screen.getByTestId('score-explanation');
    expect(explanation.textContent).toContain(`Fit: ${score.fit} of 50`);
    for (const reason of score.reasons) expect(explanation.textContent).toContain(reason.label);
    expect(screen.getByTestId('score-toggle').getAttribute('aria-expanded')).toBe('true');
  });
});

describe('SlaStrip', () => {
  test('says the state in words and marks it with a symbol, not colour alone', () => {
    const calendar = defaultCalendar('Europe/Berlin');
    const handoff = { ...dana, mqlAt: new Date(Date.parse('2026-11-24T08:30:00Z')).toISOString() };
    const sla = slaState(defaultSlaPolicy, calendar, handoff, [], NOW);
    render(<SlaStrip sla={sla} lead={handoff} now={NOW} timeZone="Europe/Berlin" />);
    expect(screen.getByTestId('sla-status').getAttribute('data-state')).toBe(sla.state);
    expect(screen.getByTestId('sla-status').textContent).toMatch(/First attempt (due|breached)/);
    expect(screen.getByText(/Due|Breached/)).toBeTruthy();
  });
});

describe('MissingFields', () => {
  const lead = { ...dana, budget: undefined, timeframe: undefined, need: undefined };
  const qualification = qualify(defaultQualificationFields, lead);

  test('lists gaps with the SQL blockers first, and refuses bad input with a message naming the field', async () => {
    const onSave = vi.fn(async () => undefined);
    render(<MissingFields qualification={qualification} totalFields={9} onSave={onSave} />);
    const keys = [...screen.getByTestId('missing-fields').children].map((li) =>
      li.getAttribute('data-testid'),
    );
    expect(keys.slice(0, 3)).toEqual([
      'missing-field-need',
      'missing-field-budget',
      'missing-field-timeframe',
    ]);
    const budget = screen.getByTestId('missing-field-budget');
    fireEvent.change(budget.querySelector('input') as HTMLInputElement, { target: { value: 'a lot' } });
    fireEvent.submit(budget.querySelector('form') as HTMLFormElement);
    expect(budget.textContent).toContain('Budget: include an amount');
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(budget.querySelector('input') as HTMLInputElement, { target: { value: '$90k' } });
    fireEvent.submit(budget.querySelector('form') as HTMLFormElement);
    await waitFor(() => expect(onSave).toHaveBeenCalledWith({ budget: '$90k' }));
  });

  test('a failed save keeps what was typed and says why', async () => {
    const onSave = vi.fn(async () => {
      throw new Error('disk full');
    });
    render(<MissingFields qualification={qualification} totalFields={9} onSave={onSave} />);
    const need = screen.getByTestId('missing-field-need');
    const input = need.querySelector('input') as HTMLInputElement;
    fireEvent.change(input, { target: { value: 'Faster onboarding' } });
    fireEvent.submit(need.querySelector('form') as HTMLFormElement);
    await waitFor(() => expect(need.textContent).toContain('Need: not saved (disk full)'));
    expect(input.value).toBe('Faster onboarding');
  });
});

describe('ContentConsumed', () => {
  test('newest first as given, with relative time, and only http(s) links', () => {
    const touches = [
      {
        id: 't1',
        leadId: 'l',
        at: '2026-11-21T15:00:00.000Z',
        kind: 'download' as const,
        title: 'ROI guide',
        url: 'https://x.example/roi',
        sample: false,
      },
      {
        id: 't2',
        leadId: 'l',
        at: '2026-11-20T15:00:00.000Z',
        kind: 'page_view' as const,
        title: 'Evil',
        url: 'javascript:alert(1)',
        sample: false,
      },
    ];
    render(<ContentConsumed touches={touches} now={NOW} />);
    const items = screen.getAllByTestId('touch-item');
    expect(items[0]?.textContent).toContain('ROI guide');
    expect(items[0]?.textContent).toContain('3 days ago');
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('https://x.example/roi');
    expect(items[1]?.querySelector('a')).toBeNull();
    expect(items[1]?.textContent).toContain('Evil');
  });

  test('lead data is rendered as text, never as HTML', () => {
    const touches = [
      {
        id: 't',
        leadId: 'l',
        at: '2026-11-21T15:00:00.000Z',
        kind: 'form' as const,
        title: '<img src=x onerror=alert(1)>',
        sample: false,
      },
    ];
    const { container } = render(<ContentConsumed touches={touches} now={NOW} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByTestId('touch-item').textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('AttemptLogger', () => {
  test('one click logs with the channel’s default; the chips amend the outcome', () => {
    const onLog = vi.fn();
    const onAmend = vi.fn();
    const latest = {
      id: crypto.randomUUID(),
      leadId: 'l',
      at: new Date(NOW).toISOString(),
      channel: 'call' as const,
      outcome: 'no_answer' as const,
      sync: 'local' as const,
      sample: false,
    };
    render(<AttemptLogger attempts={[latest]} now={NOW} latest={latest} onLog={onLog} onAmend={onAmend} />);
    fireEvent.click(screen.getByTestId('log-attempt-voicemail'));
    expect(onLog).toHaveBeenCalledWith(
      expect.objectContaining({ channel: 'voicemail', outcome: 'left_voicemail' }),
    );
    fireEvent.click(screen.getByTestId('outcome-meeting_booked'));
    expect(onAmend).toHaveBeenCalledWith({ ...latest, outcome: 'meeting_booked' });
    fireEvent.change(screen.getByTestId('attempt-note'), {
      target: { value: ' Asked to call back Friday ' },
    });
    fireEvent.submit(screen.getByTestId('attempt-note').closest('form') as HTMLFormElement);
    expect(onAmend).toHaveBeenLastCalledWith({ ...latest, note: 'Asked to call back Friday' });
    expect(screen.getAllByTestId('attempt-item')[0]?.textContent).toContain('Call · No answer');
  });

  test('a long history shows the newest 25, and all of them on request', () => {
    const attempts = Array.from({ length: 40 }, (_, n) => ({
      id: crypto.randomUUID(),
      leadId: 'l',
      at: new Date(NOW - n * 60_000).toISOString(),
      channel: 'email' as const,
      outcome: 'no_answer' as const,
      note: `attempt ${n}`,
      sync: 'local' as const,
      sample: false,
    }));
    render(
      <AttemptLogger attempts={attempts} now={NOW} latest={undefined} onLog={vi.fn()} onAmend={vi.fn()} />,
    );
    expect(screen.getAllByTestId('attempt-item')).toHaveLength(25);
    expect(screen.getAllByTestId('attempt-item')[0]?.textContent).toContain('attempt 0');
    fireEvent.click(screen.getByRole('button', { name: 'Show all 40 attempts' }));
    expect(screen.getAllByTestId('attempt-item')).toHaveLength(40);
  });
});

describe('HandBack', () => {
  test('accept is blocked, with the reason, while an SQL-blocking field is missing', () => {
    render(
      <HandBack stage="mql" blockers={['Budget', 'Timeframe']} onAccept={vi.fn()} onRecycle={vi.fn()} />,
    );
    expect((screen.getByTestId('accept-sql') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('To accept, fill in: Budget, Timeframe.')).toBeTruthy();
  });

  test('recycle needs text when the reason is “other”', () => {
    const onRecycle = vi.fn();
    render(<HandBack stage="mql" blockers={[]} onAccept={vi.fn()} onRecycle={onRecycle} />);
    fireEvent.click(screen.getByTestId('recycle-lead'));
    fireEvent.change(screen.getByTestId('recycle-reason'), { target: { value: 'other' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hand back' }));
    expect(screen.getByRole('alert').textContent).toContain('Say why');
    expect(onRecycle).not.toHaveBeenCalled();
    fireEvent.change(screen.getByTestId('recycle-reason'), { target: { value: 'no_budget' } });
    fireEvent.click(screen.getByRole('button', { name: 'Hand back' }));
    expect(onRecycle).toHaveBeenCalledWith('recycle', 'no_budget', undefined);
  });
});

describe('AssetSuggestions', () => {
  const suggestions = recommendAssets(dana, sample.assets, {}, 5);

  test('insert without a compose falls back to copying the link and records it as copied', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const onSent = vi.fn();
    render(
      <AssetSuggestions
        suggestions={suggestions}
        sent={[]}
        shared={new Map()}
        insert={async () => ({ inserted: false, reason: 'No Gmail reply or compose is open' })}
        onSent={onSent}
        onContentRequest={vi.fn()}
      />,
    );
    const first = suggestions[0];
    if (!first) throw new Error('no suggestion for the sample lead');
    fireEvent.click(screen.getAllByTestId('asset-insert')[0] as HTMLElement);
    await waitFor(() => expect(onSent).toHaveBeenCalledWith(first.asset.id, 'copy_link'));
    expect(writeText).toHaveBeenCalledWith(first.asset.url);
    expect(screen.getByRole('status').textContent).toContain(
      'No Gmail reply or compose is open: the link was copied instead (recorded as copied, not sent)',
    );
  });

  test('a copied link is shown as a copy, apart from what was sent', () => {
    const [first, second] = suggestions;
    if (!first || !second) throw new Error('two suggestions expected');
    render(
      <AssetSuggestions
        suggestions={suggestions}
        sent={[
          { id: 's1', title: first.asset.title, at: '2026-11-24T14:00:00.000Z', channel: 'copy_link' },
          { id: 's2', title: second.asset.title, at: '2026-11-24T14:01:00.000Z', channel: 'gmail_insert' },
        ]}
        shared={
          new Map([
            [first.asset.id, 'copied'],
            [second.asset.id, 'sent'],
          ])
        }
        insert={vi.fn()}
        onSent={vi.fn()}
        onContentRequest={vi.fn()}
      />,
    );
    const rows = screen.getAllByTestId('asset-suggestion');
    expect(rows[0]?.textContent).toContain('Link copied');
    expect(rows[0]?.textContent).not.toContain('Sent');
    expect(rows[1]?.textContent).toContain('Sent');
    expect(screen.getAllByTestId('asset-sent').map((li) => li.textContent)).toEqual([second.asset.title]);
    expect(screen.getAllByTestId('asset-copied').map((li) => li.textContent)).toEqual([first.asset.title]);
  });

  test('a content request needs text', async () => {
    const onContentRequest = vi.fn(async () => undefined);
    render(
      <AssetSuggestions
        suggestions={[]}
        sent={[]}
        shared={new Map()}
        insert={vi.fn()}
        onSent={vi.fn()}
        onContentRequest={onContentRequest}
      />,
    );
    const box = screen.getByTestId('content-request');
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    await waitFor(() => expect(screen.getByText('Say what the prospect asked for.')).toBeTruthy());
    fireEvent.change(box, { target: { value: 'A SOC 2 summary for healthcare' } });
    fireEvent.submit(box.closest('form') as HTMLFormElement);
    await waitFor(() => expect(onContentRequest).toHaveBeenCalledWith('A SOC 2 summary for healthcare'));
  });
});
