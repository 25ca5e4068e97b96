import { useEffect, useReducer } from 'react';

/**
 * The current instant (epoch ms) read at render, so an action just taken is never "in the
 * future" of a stale clock; a timer re-renders every `intervalMs` so time-based text ticks.
 */
export function useNow(intervalMs: number): number {
  const [, tick] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    const timer = setInterval(tick, intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return Date.now();
}
