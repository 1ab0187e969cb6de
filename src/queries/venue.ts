/** The venue's settings: what staff read and save on the settings page. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
