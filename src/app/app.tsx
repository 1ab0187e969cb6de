import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { appConfig } from '../config/env';
import { activeLanguage } from '../i18n/i18n';
import { routerBasename } from './basename';
import { ConfigErrorPage } from '../pages/config-error-page';
import { createNavigationHandle, NavigationBridge } from './navigation';
import { createQueryClient } from './query-client';
import { AppRoutes } from './routes';
import { sessionExpiryHandler } from './session-expiry';


export function App() {
  const [navigation] = useState(createNavigationHandle);
  const [queryClient] = useState(() => createQueryClient({ onSessionExpired: sessionExpiryHandler(navigation) }));
  if (!appConfig.ok) return <ConfigErrorPage problems={appConfig.problems} />;
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter basename={routerBasename(activeLanguage())}>
        <NavigationBridge handleRef={navigation} />
        <AppRoutes />
      </BrowserRouter>
    </QueryClientProvider>
  );
}
