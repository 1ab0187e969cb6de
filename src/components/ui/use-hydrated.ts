import { useSyncExternalStore } from 'react';

const noSubscription = () => () => undefined;

/**
 * False while React hydrates prerendered HTML (the render must match the server's), true from
 * the next render on and for every render that is not a hydration: what differs from the
 * prerendered markup waits for it, or hydration fails.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
