import { useEffect, useState } from 'react';
import {
  EMPTY_MANAGED,
  type ManagedPolicy,
  readManagedPolicy,
  watchManagedPolicy,
} from '@/lib/settings/managed';

/** The administrator's managed policy, live. */
export function useManagedPolicy(): ManagedPolicy {
  const [policy, setPolicy] = useState<ManagedPolicy>(EMPTY_MANAGED);
  useEffect(() => {
    let live = true;
    const load = () =>
      void readManagedPolicy().then((next) => {
        if (live) setPolicy(next);
      });
    load();
    const unwatch = watchManagedPolicy(load);
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return policy;
}
