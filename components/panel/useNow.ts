import { useEffect, useState } from 'react';

/** The current instant (epoch ms), refreshed every `intervalMs` so time-based text ticks. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
