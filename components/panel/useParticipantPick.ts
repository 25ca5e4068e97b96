import { useEffect, useState } from 'react';
import { storage } from '#imports';
import type { LeadIdentity } from '@/lib/model/identity';

/**
 * Who the rep picked on each thread (thread URL → the picked person's email), kept for the
 * browser session in `storage.session` (which content scripts cannot read), so coming back to a
 * thread shows the person picked there. Only the latest threads are kept.
 */
const picksItem = storage.defineItem<Record<string, string>>('session:participant-picks', { fallback: {} });
const KEPT = 200;

const keyOf = (identity: LeadIdentity | undefined) => identity?.emails[0] ?? identity?.linkedinSlug;

export function useParticipantPick(url: string | undefined, candidates: readonly LeadIdentity[]) {
  const [picks, setPicks] = useState<Record<string, string>>({});
  useEffect(() => {
    void picksItem.getValue().then(setPicks);
    return picksItem.watch((value) => setPicks(value ?? {}));
  }, []);
  const picked = url ? picks[url] : undefined;
  const found = candidates.findIndex((candidate) => keyOf(candidate) === picked);
  const index = Math.max(found, 0);
  const choose = (next: number) => {
    const key = keyOf(candidates[next]);
    if (!url || !key) return;
    const kept = Object.entries({ ...picks, [url]: key }).filter(([u]) => u !== url);
    const updated = Object.fromEntries([...kept.slice(-(KEPT - 1)), [url, key]]);
    setPicks(updated);
    void picksItem.setValue(updated);
  };
  return { index, choose };
}
