/** The venue's settings: what staff read and save on the settings page, and the name every page shows. */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { whenIdle } from '../device/idle';
import { storedVenueName, storeVenueName } from '../device/venue-name';
import { venueNameOf, type PublicVenue, type VenueSettings } from '../domain/venue';
import { t } from '../i18n/i18n';
import { fetchPublicVenue, fetchVenueSettings, saveVenueSettings } from '../parse/venue';
import { rejectingWithAppError } from './app-error';

/** A venue renames itself rarely: a page asks again after this long. */
const PUBLIC_VENUE_STALE_MS = 5 * 60_000;

export const venueQueries = {
  all: () => ['venue'] as const,
  /** There is one set of settings: the key has no other input. */
  settings: () =>
    queryOptions({
      queryKey: [...venueQueries.all(), 'settings'] as const,
      queryFn: () => rejectingWithAppError(fetchVenueSettings),
    }),
  /** What anybody sees of the venue. */
  public: () =>
    queryOptions({
      queryKey: [...venueQueries.all(), 'public'] as const,
      queryFn: () => rejectingWithAppError(fetchPublicVenue),
      staleTime: PUBLIC_VENUE_STALE_MS,
    }),
};

/**
 * The venue's own name, or null when it has none: as the device remembers it until the server
 * has answered. The server is asked once the page is idle, so that a phone's first page never
 * waits for it; the device remembers the answer for the next page's first paint.
 */
function useVenueName(): string | null {
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true)), []);
  const { data } = useQuery({ ...venueQueries.public(), enabled: idle });
  const name = data ? venueNameOf(data) : undefined;
  useEffect(() => {
    if (name !== undefined) storeVenueName(name);
  }, [name]);
  return name === undefined ? storedVenueName() : name;
}

/** The name shown in the app's place (header, page titles): the venue's, else the app's in the page's language. */
export function useSiteName(): string {
  return useVenueName() ?? t('app.name');
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
      const seen: PublicVenue = { name: saved.name };
      queryClient.setQueryData(venueQueries.public().queryKey, seen);
    },
  });
}
