/**
 * How long something took or has left in wall-clock time (an import's run, its time left):
 * "850 ms", "42 s", "3 min". Not the SLA clock's business time, which `lib/core/sla.ts` words
 * apart ("1 h 20 m", "2 d") and keeps inside `lib/core` (it imports nothing but the model).
 */
export function formatElapsed(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 90) return `${seconds} s`;
  return `${Math.round(seconds / 60)} min`;
}
