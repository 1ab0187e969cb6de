/**
 * The venue's name as this device last heard it from the server: the pages' inline script shows
 * it before the first paint (src/app/route-preload-script.ts), so that a returning visitor, or a
 * kiosk's tablet, never sees the app's name first. Nothing here is secret: the name is public.
 */
export const VENUE_NAME_STORAGE_KEY = 'visitor-opinions:venue-name';

/** On what shows the app's name in the page (the header's brand): the venue's name replaces it. */
export const SITE_NAME_ATTRIBUTE = 'data-site-name';

export function storedVenueName(): string | null {
  try {
    const name = localStorage.getItem(VENUE_NAME_STORAGE_KEY);
    return name && name.trim() !== '' ? name : null;
  } catch {
    return null;
  }
}

/** null: the venue has no name of its own (the app's shows). */
export function storeVenueName(name: string | null): void {
  try {
    if (name === null) localStorage.removeItem(VENUE_NAME_STORAGE_KEY);
    else localStorage.setItem(VENUE_NAME_STORAGE_KEY, name);
  } catch {
    // Without storage, the name shows once the server has answered, on every visit.
  }
}
