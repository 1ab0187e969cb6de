import type { QueryClient } from '@tanstack/react-query';
import { withFlash } from './flash';
import type { NavigationHandle } from './navigation';
import { paths, routePatterns } from './paths';

/**
 * What a 209 anywhere does: to the login page with the reason, and back here afterwards. The
 * one place that navigates on an expired session: a guard on the page only shows nothing
 * meanwhile (see guards.tsx). Forms keep their drafts on the device.
 */
export function sessionExpiryHandler(navigation: NavigationHandle) {
  let handling = false;
  return async (queryClient: QueryClient) => {
    if (handling) return;
    handling = true;
    try {
      const router = navigation.current;
      if (router) {
        const { pathname, search } = router.location;
        const next = pathname === routePatterns.login ? new URLSearchParams(search).get('next') ?? undefined : pathname + search;
        router.navigate(paths.login(next), { state: withFlash('expired', 'warning') });
      }
      // Its code comes when needed: the session's is not part of the shell's (layout.tsx).
      const { endExpiredSession } = await import('../queries/session');
      await endExpiredSession(queryClient);
    } finally {
      handling = false;
    }
  };
}
