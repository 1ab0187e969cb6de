import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { appConfig } from '../config/env';
import { ConfigErrorPage } from '../pages/config-error-page';
import { createQueryClient } from './query-client';
import { createAppRouter } from './routes';
import { sessionExpiryHandler } from './session-expiry';

export function App() {
  const [router] = useState(createAppRouter);
  const [queryClient] = useState(() => createQueryClient({ onSessionExpired: sessionExpiryHandler(router) }));
  if (!appConfig.ok) return <ConfigErrorPage problems={appConfig.problems} />;
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
