// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { QueueView } from '@/components/panel/QueueView';
import { queueEntries, withQueueData } from './queue-fixtures';

afterEach(cleanup);

const URGENCY = [
  'first_attempt_breached',
  'cadence_breached',
  'cadence_behind',
  'first_attempt_due',
  'cadence_on_track',
  'not_started',
  'cadence_complete',
  'closed',
];
const rank = (state: string | null) => {
  const index = URGENCY.indexOf(state ?? '');
  return index <= 1 ? 0 : index === 2 ? 1 : index <= 4 ? 2 : index;
};

describe('QueueView', () => {
  const entries = queueEntries(300, Date.now());

  test('lists open leads by SLA urgency, then score', () => {
    render(<QueueView onOpen={vi.fn()} />, { wrapper: withQueueData(entries) });
    const items = screen.getAllByTestId('queue-item');
    expect(items).toHaveLength(200);
    const states = items.map(
      (item) => item.querySelector('[data-state]')?.getAttribute('data-state') ?? null,
    );
    const ranks = states.map(rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    expect(screen.getByText('100 more: search to narrow the list.')).toBeTruthy();
  });

  test('filters breached, searches by name, email or company, and opens a lead', () => {
    const onOpen = vi.fn();
    render(<QueueView onOpen={onOpen} />, { wrapper: withQueueData(entries) });
    fireEvent.click(screen.getByTestId('queue-filter-breached'));
    const breached = screen.getAllByTestId('queue-item');
    expect(breached.length).toBeGreaterThan(0);
    for (const item of breached)
      expect(item.querySelector('[data-state]')?.getAttribute('data-state')).toMatch(/breached$/);
    fireEvent.click(screen.getByTestId('queue-filter-all'));
    fireEvent.change(screen.getByTestId('queue-search'), { target: { value: 'northwind' } });
    expect(screen.getAllByTestId('queue-item')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: /Dana Whitfield/ }));
    expect(onOpen).toHaveBeenCalledWith('lead-7');
    fireEvent.change(screen.getByTestId('queue-search'), { target: { value: 'nobody-matches' } });
    expect(screen.getByText('No open leads match.')).toBeTruthy();
  });
});
