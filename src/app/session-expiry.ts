import type { QueryClient } from '@tanstack/react-query';
import { endExpiredSession } from '../queries/auth';
import { FLASH_TEXT, withFlash } from './flash';
import { paths, routePatterns } from './paths';

interface AppRouter {
  state: { location: { pathname: string; search: string } };
  navigate(to: string, options: { state: unknown; flushSync: boolean }): Promise<void>;
}

/**
 * What a 209 anywhere does: to the login page with the reason, and back here afterwards.
 * The login page is reached first and the user forgotten second, so that a guard does not
 * send them there without the reason in between. Forms keep their drafts on the device.
 */
export function sessionExpiryHandler(router: AppRouter) {
  let handling = false;
  return async (queryClient: QueryClient) => {
    if (handling) return;
    handling = true;
    try {
      const { pathname, search } = router.state.location;
      const next = pathname === routePatterns.login ? new URLSearchParams(search).get('next') ?? undefined : pathname + search;
      // flushSync: the login page is on screen before the user is forgotten (router updates are
      // transitions otherwise, which a guard's redirect would overtake).
      await router.navigate(paths.login(next), {
        flushSync: true,
        state: withFlash(FLASH_TEXT.expired, 'warning'),
      });
      await endExpiredSession(queryClient);
    } finally {
      handling = false;
    }
  };
}
