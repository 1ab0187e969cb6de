import { render } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { createNavigationHandle, NavigationBridge } from '../../src/app/navigation';
import { createQueryClient } from '../../src/app/query-client';
import { QuerySlotContext } from '../../src/app/query-slot';
import { AppRoutes } from '../../src/app/routes';
import { sessionExpiryHandler } from '../../src/app/session-expiry';

/** Every location the app went to, one entry a navigation (a replace included). */
function LocationLog({ into }: { into: string[] }) {
  const location = useLocation();
  useLayoutEffect(() => {
    into.push(location.pathname + location.search);
  }, [location.key, location.pathname, location.search, into]);
  return null;
}

/**
 * Renders the real app (route table, shell, providers) at `path`, with a fresh query cache.
 * `router.state.location` is where the app is now; `router.visited`, every place it went.
 */
export function renderApp(path = '/') {
  const navigation = createNavigationHandle();
  const queryClient = createQueryClient({ onSessionExpired: sessionExpiryHandler(navigation) });
  const visited: string[] = [];
  const result = render(
    <QuerySlotContext value={{ navigation, client: queryClient }}>
      <MemoryRouter initialEntries={[path]}>
        <NavigationBridge handleRef={navigation} />
        <LocationLog into={visited} />
        <AppRoutes />
      </MemoryRouter>
    </QuerySlotContext>,
  );
  const router = {
    get state() {
      if (!navigation.current) throw new Error('The app has not rendered its router yet.');
      return { location: navigation.current.location };
    },
    visited,
  };
  return { ...result, queryClient, router };
}
