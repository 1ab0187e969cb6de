/** The venue's settings: what staff read and save on the settings page. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { whenIdle } from '../device/idle';
import type { VenueSettings } from '../domain/venue';
import { fetchVenueSettings, saveVenueSettings } from '../parse/venue';
import { rejectingWithAppError } from './app-error';
import { showVenue } from './site-name';

export const venueQueries = {
  all: () => ['venue'] as const,
  /** There is one set of settings: the key has no other input. */
  settings: () =>
    queryOptions({
      queryKey: [...venueQueries.all(), 'settings'] as const,
      queryFn: () => rejectingWithAppError(fetchVenueSettings),
    }),
};

export function useVenueSettings() {
  return useQuery(venueQueries.settings());
}

/**
 * The settings as the dashboard needs them: at once when `neededNow` (a range in the address,
 * whose days are the venue's), else once the page is idle, so that the Parse SDK they are read
 * with does not load while the first page and its stats are on their way (docs/performance.md,
 * "Where the bytes and the time go"); a range chosen later then finds the zone known.
 */
export function useVenueSettingsOnceIdle(neededNow: boolean) {
  const [idle, setIdle] = useState(false);
  useEffect(() => (neededNow ? undefined : whenIdle(() => setIdle(true))), [neededNow]);
  return useQuery({ ...venueQueries.settings(), enabled: neededNow || idle });
}

/** What asks for the settings now, unless known (a date field took focus: a range is coming). */
export function useAskForVenueSettings(): () => void {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.prefetchQuery(venueQueries.settings()), [queryClient]);
}

/** Saves the settings; the server's answer (what it stored) becomes the query's data, with no second read. */
export function useSaveVenueSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: VenueSettings) => rejectingWithAppError(() => saveVenueSettings(settings)),
    onSuccess: (saved) => {
      queryClient.setQueryData(venueQueries.settings().queryKey, saved);
      showVenue({ name: saved.name });
    },
  });
}
