import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { createNavigationHandle, NavigationBridge } from '../../src/app/navigation';
import { createQueryClient } from '../../src/app/query-client';
import { AppRoutes } from '../../src/app/routes';
import { sessionExpiryHandler } from '../../src/app/session-expiry';

/**
 * Renders the real app (route table, shell, providers) at `path`, with a fresh query cache.
 * `router.state.location` is where the app is now.
 */
export function renderApp(path = '/') {
  const navigation = createNavigationHandle();
  const queryClient = createQueryClient({ onSessionExpired: sessionExpiryHandler(navigation) });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <NavigationBridge handleRef={navigation} />
        <AppRoutes />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const router = {
    get state() {
      if (!navigation.current) throw new Error('The app has not rendered its router yet.');
      return { location: navigation.current.location };
    },
  };
  return { ...result, queryClient, router };
}
