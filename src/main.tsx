import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app';
import { BASE_PREFIX } from './app/basename';
import { DEFAULT_LANGUAGE, LANGUAGES } from './domain/languages';
import { loadMessages } from './i18n/i18n';
import { languageOfPath, withoutLanguage } from './i18n/language';
import { keepInPageLinksInPage } from './app/in-page-links';
import { expectPrerenderedForm } from './app/prerendered-form';
import { PRERENDERED_ROUTE, ROUTES } from './app/route-manifest';
import { preloadPageAt } from './app/routes';
import './app/styles.css';

/** The path inside the base the app is served from, its language's prefix included. */
function pathInsideBase(pathname: string): string {
  return pathname.startsWith(BASE_PREFIX) ? pathname.slice(BASE_PREFIX.length) || '/' : pathname;
}

/** The one page prerendered at build time (the route manifest's), in each language. */
function isPrerenderedPath(pathname: string): boolean {
  return withoutLanguage(pathInsideBase(pathname)) === ROUTES[PRERENDERED_ROUTE].pattern;
}

// The page's inline script has put the visitor on the page in their language: its path says which.
const language = languageOfPath(pathInsideBase(window.location.pathname)) ?? DEFAULT_LANGUAGE;
document.documentElement.lang = language;
document.documentElement.dir = LANGUAGES[language].dir;

const container = document.getElementById('root');
if (container) void loadMessages(language, 'shell').then(() => start(container));

function start(container: HTMLElement) {
  keepInPageLinksInPage();
  const app = (
    <StrictMode>
      <App />
    </StrictMode>
  );
  // In a transition, React renders (or hydrates) in short slices: the page stays responsive
  // meanwhile, and what the visitor touches first hydrates first.
  if (container.firstElementChild && isPrerenderedPath(window.location.pathname)) {
    // What was typed before this script ran is kept (see prerendered-form.ts).
    expectPrerenderedForm();
    startTransition(() => {
      hydrateRoot(container, app);
    });
  } else {
    // Another page: the prerendered shell (or the form's page, from a host that serves
    // index.html for every path) stays on screen until React's first commit replaces it.
    preloadPageAt(withoutLanguage(pathInsideBase(window.location.pathname)));
    const root = createRoot(container);
    startTransition(() => root.render(app));
  }
}
