import { useState } from 'react';
import { BrowserRouter } from 'react-router-dom';
import { appConfig } from '../config/env';
import { activeLanguage } from '../i18n/i18n';
import { routerBasename } from './basename';
import { ConfigErrorPage } from '../pages/config-error-page';
import { createNavigationHandle, NavigationBridge } from './navigation';
import { QuerySlotContext, type QuerySlot } from './query-slot';
import { AppRoutes } from './routes';


export function App() {
  const [slot] = useState((): QuerySlot => ({ navigation: createNavigationHandle() }));
  if (!appConfig.ok) return <ConfigErrorPage problems={appConfig.problems} />;
  return (
    <QuerySlotContext value={slot}>
      <BrowserRouter basename={routerBasename(activeLanguage())}>
        <NavigationBridge handleRef={slot.navigation} />
        <AppRoutes />
      </BrowserRouter>
    </QuerySlotContext>
  );
}
