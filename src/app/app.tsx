import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { appConfig } from '../config/env';
import { ConfigErrorPage } from '../pages/config-error-page';
import { createNavigationHandle, NavigationBridge } from './navigation';
import { createQueryClient } from './query-client';
import { AppRoutes } from './routes';
import { sessionExpiryHandler } from './session-expiry';

/** The router's basename: the base the app is served from, without its trailing slash. */
export const ROUTER_BASENAME = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';

export function App() {
  const [navigation] = useState(createNavigationHandle);
  const [queryClient] = useState(() => createQueryClient({ onSessionExpired: sessionExpiryHandler(navigation) }));
  if (!appConfig.ok) return <ConfigErrorPage problems={appConfig.problems} />;
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename={ROUTER_BASENAME}>
        <NavigationBridge handleRef={navigation} />
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
