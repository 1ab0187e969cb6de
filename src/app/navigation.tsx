import { useLayoutEffect } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';

/** The router as code outside React sees it (the session-expiry handler, tests). */
export interface AppNavigation {
  readonly location: { readonly pathname: string; readonly search: string };
  navigate(to: string, options?: { replace?: boolean; state?: unknown }): void;
}

/** Filled in by <NavigationBridge/> once the router renders. */
export interface NavigationHandle {
  current: AppNavigation | null;
}

export function createNavigationHandle(): NavigationHandle {
  return { current: null };
}

/** Keeps `handleRef` on the router's current location and its navigate function. */
export function NavigationBridge({ handleRef }: { handleRef: NavigationHandle }) {
  const location = useLocation();
  const navigate = useNavigate();
  useLayoutEffect(() => {
    handleRef.current = { location, navigate: (to, options) => void navigate(to, options) };
  });
  return null;
}
