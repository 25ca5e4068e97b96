// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { bench, describe } from 'vitest';
import { QueueView } from '@/components/panel/QueueView';
import { queueEntries, withQueueData } from '../unit/components/queue-fixtures';

// The queue view's render for 10k open leads: SLA state of each, queue order, first 200 rows (happy-dom).
const entries = queueEntries(10_000, Date.now());

describe('queue view', () => {
  bench(
    'render the queue of 10k open leads',
    () => {
      render(<QueueView onOpen={() => {}} />, { wrapper: withQueueData(entries) });
      cleanup();
    },
    { iterations: 10, warmupIterations: 2 },
  );
});
