/**
 * The name every page shows in the app's place (the header, page titles): the venue's, once
 * known. Every page's layout uses it, so it is in the entry script of the visitor's form, whose
 * critical JS has a budget: a plain store, no React Query, and what asks the server is loaded
 * only when it does.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { storedVenueName, storeVenueName } from '../device/venue-name';
import type { PublicVenue } from '../domain/venue';
import { venueNameOf } from '../domain/venue-name';
import { t } from '../i18n/i18n';

const listeners = new Set<() => void>();
/** What the server said this page's life (undefined: not yet), for a device without storage. */
let heard: string | null | undefined;
let asking = false;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The venue's own name as last heard, or null when it has none. */
function venueName(): string | null {
  return heard !== undefined ? heard : storedVenueName();
}

/** The venue as the server has just said it is (its answer, or a save): every page shows it, the device remembers it. */
export function showVenue(venue: PublicVenue): void {
  heard = venueNameOf(venue);
  storeVenueName(heard);
  listeners.forEach((listener) => listener());
}

/** Once a page's life, when it is idle: a phone's first page never waits for it. */
function askOnceIdle(): void {
  if (asking || heard !== undefined) return;
  asking = true;
  // Not cancelled when a page unmounts: the answer is the whole page's, not one component's.
  // The code that waits is loaded too, as the service worker's is (app/layout.tsx): not in the entry.
  void import('../device/idle').then(({ whenIdle }) =>
    whenIdle(() => {
      void import('../parse/venue')
        .then(({ fetchPublicVenue }) => fetchPublicVenue())
        // Unanswered, the page keeps the name it shows; the next page asks again.
        .then(showVenue, () => undefined);
    }),
  );
}

/** The name shown in the app's place (header, page titles): the venue's, else the app's in the page's language. */
export function useSiteName(): string {
  useEffect(() => askOnceIdle(), []);
  // The same on hydration: the pages' inline script has put the remembered name in the HTML already.
  return useSyncExternalStore(subscribe, venueName, venueName) ?? t('app.name');
}
