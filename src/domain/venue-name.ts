/**
 * The venue's name in the app's place. Apart from the rest of the venue's rules (venue.ts), for
 * every page's layout uses it: the visitor's form loads it in its entry, whose size has a budget.
 */

/** A venue's name until staff give it one: the app's own. */
export const DEFAULT_VENUE_NAME = 'Visitor Opinions';

/**
 * The name visitors are shown in the app's place (the header, page titles, emails): null while
 * the venue has not named itself, so that the app's own name shows, in the page's language.
 */
export function venueNameOf({ name }: { readonly name: string }): string | null {
  return name === DEFAULT_VENUE_NAME ? null : name;
}
