import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/app';
import { keepInPageLinksInPage } from './app/in-page-links';
import { expectPrerenderedForm } from './app/prerendered-form';
import './app/styles.css';

/** The app's own `/` (inside the base it is served from): the one page prerendered at build time. */
function isPrerenderedPath(pathname: string): boolean {
  const base = import.meta.env.BASE_URL;
  return pathname === base || pathname === base.replace(/\/$/, '');
}

const container = document.getElementById('root');
if (container) {
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
    // Another page than the prerendered one (a host that serves index.html for every path).
    container.replaceChildren();
    const root = createRoot(container);
    startTransition(() => root.render(app));
  }
}
