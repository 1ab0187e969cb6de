/** The venue's settings: what staff read and save on the settings page. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DEFAULT_VENUE_SETTINGS, type VenueSettings } from '../domain/venue';
import { t } from '../i18n/i18n';
import { fetchPublicVenue, fetchVenueSettings, saveVenueSettings } from '../parse/venue';
import { rejectingWithAppError } from './app-error';

export const venueQueries = {
  all: () => ['venue'] as const,
  /** There is one set of settings: the key has no other input. */
  settings: () =>
    queryOptions({
      queryKey: [...venueQueries.all(), 'settings'] as const,
      queryFn: () => rejectingWithAppError(fetchVenueSettings),
    }),
  /** What anybody reads of the venue. Its name changes rarely: read once an hour at most. */
  public: () =>
    queryOptions({
      queryKey: [...venueQueries.all(), 'public'] as const,
      queryFn: () => rejectingWithAppError(fetchPublicVenue),
      staleTime: 60 * 60 * 1000,
    }),
};

/**
 * The name page titles end with ("Opinions · <venue>"): the venue's once it is known, the app's
 * until then, when it cannot be read, and while the venue keeps the default name.
 */
export function useTitleName(): string {
  const name = useQuery(venueQueries.public()).data?.name;
  return name && name !== DEFAULT_VENUE_SETTINGS.name ? name : t('app.name');
}

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
      queryClient.setQueryData(venueQueries.public().queryKey, { name: saved.name });
    },
  });
}
