import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { readSettings, settingsItem } from '@/lib/settings/item';
import { defaultSettings, type Settings } from '@/lib/settings/schema';

/** The team's settings (SLA policy, calendar, score model, fields), live: a save in options shows at once. */
export function useSettings(): Settings {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: ['settings'],
    queryFn: readSettings,
    staleTime: Number.POSITIVE_INFINITY,
  });
  useEffect(
    () => settingsItem.watch(() => void client.invalidateQueries({ queryKey: ['settings'] })),
    [client],
  );
  return query.data ?? defaultSettings;
}
