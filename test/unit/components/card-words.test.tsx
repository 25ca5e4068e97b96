// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { HandBack } from '@/components/panel/card/HandBack';
import { MissingFields } from '@/components/panel/card/MissingFields';
import { ScoreSection } from '@/components/panel/card/ScoreSection';
import { defaultQualificationFields, defaultScoreModel, qualify, scoreLead } from '@/lib/core';
import { generateSampleWorkspace } from '@/lib/sample/generate';

afterEach(cleanup);

const NOW = Date.parse('2026-11-24T15:00:00Z');
const sample = generateSampleWorkspace({ now: new Date(NOW) });

describe('the card in a rep’s words', () => {
  test('an accepted lead reads “accepted as SQL”, never a raw stage code or “handed back”', () => {
    render(<HandBack stage="sql" blockers={[]} onAccept={vi.fn()} onRecycle={vi.fn()} />);
    const text = screen.getByTestId('handed-back').textContent;
    expect(text).toBe('This lead was accepted as SQL.');
    cleanup();
    render(<HandBack stage="recycled" blockers={[]} onAccept={vi.fn()} onRecycle={vi.fn()} />);
    expect(screen.getByTestId('handed-back').textContent).toBe('This lead was recycled to nurture.');
  });

  test('“Blocks SQL” is gone once the lead is SQL or recycled', () => {
    const lead = { ...sample.leads[0], budget: undefined, need: undefined } as (typeof sample.leads)[number];
    const qualification = qualify(defaultQualificationFields, lead);
    expect(qualification.blockers.length).toBeGreaterThan(0);
    render(<MissingFields qualification={qualification} totalFields={9} onSave={vi.fn()} />);
    expect(document.body.textContent).toMatch(/blocks SQL/i);
    cleanup();
    render(<MissingFields qualification={qualification} totalFields={9} onSave={vi.fn()} pastSql />);
    expect(document.body.textContent).not.toMatch(/blocks SQL/i);
    expect(screen.getByTestId('missing-field-budget')).toBeTruthy();
  });

  test('score reasons are whole points', () => {
    const lead = sample.leads[0];
    if (!lead) throw new Error('no lead');
    const touches = sample.touches.filter((touch) => touch.leadId === lead.id);
    const score = scoreLead(defaultScoreModel, lead, touches, NOW);
    expect(score.reasons.some((reason) => !Number.isInteger(reason.points))).toBe(true);
    render(<ScoreSection score={score} />);
    fireEvent.click(screen.getByTestId('score-toggle'));
    const shown = [...screen.getByTestId('score-explanation').querySelectorAll('li span:last-child')].map(
      (span) => span.textContent ?? '',
    );
    expect(shown.length).toBe(score.reasons.length);
    for (const points of shown) expect(points).toMatch(/^([+−]\d+|[+−]<1|0)$/);
  });

  test('no two sample assets share a title', () => {
    const titles = sample.assets.map((asset) => asset.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
